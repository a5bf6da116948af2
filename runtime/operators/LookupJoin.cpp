// SPDX-License-Identifier: GPL-3.0-or-later
#include "operators/LookupJoin.h"

#include "batch/OwnedValue.h"

namespace sw::runtime {

LookupJoin::LookupJoin(const core::LookupJoinSettings &settings, std::unique_ptr<LookupTable> table, const core::Schema &stream,
                       const core::Schema &tableSchema, const core::Schema &output)
    : m_stream(stream), m_tableSchema(tableSchema), m_output(output), m_table(std::move(table))
{
    m_inner = settings.inner;
    QStringList usingNames;
    for (const core::FieldPair &pair : settings.on) {
        m_streamKeys.push_back(m_stream.indexOf(pair.left));
        m_tableKeys.push_back(m_tableSchema.indexOf(pair.right));
        if (pair.left == pair.right)
            usingNames << pair.left;
    }
    // Where each output column comes from, in the validator's joined order.
    for (const QString &name : usingNames)
        m_sources.push_back({false, m_stream.indexOf(name)});
    for (qsizetype i = 0; i < m_stream.fields.size(); ++i) {
        if (!usingNames.contains(m_stream.fields[i].name))
            m_sources.push_back({false, int(i)});
    }
    for (qsizetype i = 0; i < m_tableSchema.fields.size(); ++i) {
        if (!usingNames.contains(m_tableSchema.fields[i].name))
            m_sources.push_back({true, int(i)});
    }
    m_table->indexBy(m_tableKeys);
}

LookupJoin::LookupJoin(const core::LookupJoinSettings &settings, const QString &tablePath, const core::Schema &stream,
                       const core::Schema &tableSchema, const core::Schema &output)
    : LookupJoin(settings, std::make_unique<FileTable>(settings.table.kind, tablePath, settings.table.table, tableSchema),
                 stream, tableSchema, output)
{
}

LookupJoin::LookupJoin(const core::LookupJoinSettings &settings, KafkaEndpoint endpoint, const core::Schema &stream,
                       const core::Schema &tableSchema, const core::Schema &output)
    : LookupJoin(settings, std::make_unique<TopicTable>(std::move(endpoint), settings.table.topic, tableSchema),
                 stream, tableSchema, output)
{
}

bool LookupJoin::onOpen(std::string &error)
{
    QString message;
    if (m_table->open(message))
        return true;
    error = QStringLiteral("cannot read the lookup table %1: %2").arg(m_table->describe(), message).toStdString();
    return false;
}

void LookupJoin::process(int, const Batch &batch, int64_t, Emitter &out)
{
    m_table->refresh();
    const std::shared_ptr<Batch> &rows = m_table->rows();
    const auto &index = m_table->index();
    Batch result = Batch::empty(m_output);
    result.shareArenasOf(batch);
    if (rows)
        result.shareArenasOf(*rows);
    std::string key;
    int64_t misses = 0;
    for (auto &c : result.columns)
        c.reserve(batch.rows);
    for (size_t r = 0; r < batch.rows; ++r) {
        const bool nullKey = rowKey(key, batch.columns, m_streamKeys, r);
        const auto hit = nullKey || !rows ? index.end() : index.find(key); // NULL keys never match (SQL)
        if (hit == index.end()) {
            ++misses;
            if (m_inner)
                continue;
        }
        for (size_t o = 0; o < m_sources.size(); ++o) {
            const Source &s = m_sources[o];
            Column &to = result.columns[o];
            if (!s.fromTable)
                to.appendFrom(batch.columns[size_t(s.column)], r);
            else if (hit == index.end())
                to.appendNull();
            else
                to.appendFrom(rows->columns[size_t(s.column)], hit->second);
        }
        ++result.rows;
    }
    context().countLookupMisses(misses);
    out.push(0, std::move(result));
}

void LookupJoin::snapshot(StateWriter &out) const
{
    out.section("join.lookup", 1);
    out.boolean(m_table->isStateful());
    if (m_table->isStateful())
        m_table->snapshot(out); // a file table is read again at open()
}

void LookupJoin::restore(StateReader &in)
{
    if (!in.section("join.lookup", 1))
        return;
    const bool stateful = in.boolean();
    in.expectSame("table kind (a topic)", stateful, m_table->isStateful());
    if (in.ok() && stateful)
        m_table->restore(in);
}

} // namespace sw::runtime
