// SPDX-License-Identifier: GPL-3.0-or-later
#include "operators/LookupJoin.h"

#include "batch/OwnedValue.h"
#include "expr/Casts.h"
#include "expr/ColumnarExpression.h"
#include "sources/FastTimestamp.h"
#include "sources/JsonDecoder.h"

#include <QFile>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

#include <librdkafka/rdkafka.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>

namespace sw::runtime {

namespace {
// Splits one CSV record (RFC 4180 quoting); `pos` moves past it.
std::vector<std::string> csvRecord(const QByteArray &text, qsizetype &pos)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    while (pos < text.size()) {
        const char c = text[pos++];
        if (quoted) {
            if (c == '"' && pos < text.size() && text[pos] == '"') {
                fields.back().push_back('"');
                ++pos;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back().push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c == '\n') {
            break;
        } else if (c != '\r') {
            fields.back().push_back(c);
        }
    }
    return fields;
}

// A text cell into a typed column (CSV and SQLite text); empty text is NULL.
bool appendText(Column &c, const std::string &text, StringArena &arena)
{
    if (text.empty()) {
        c.appendNull();
        return true;
    }
    if (c.type == DataType::String) {
        c.appendString(arena.copy(text));
        return true;
    }
    if (c.type == DataType::Timestamp) {
        const auto ms = parseIsoTimestamp(text);
        if (!ms)
            return false;
        c.appendInt(*ms);
        return true;
    }
    const core::expr::Value v =
        core::expr::Casts::cast(core::expr::Value::string(QString::fromStdString(text)), c.type);
    if (v.isNull())
        return false;
    appendValue(c, v, arena);
    return true;
}
} // namespace

LookupJoin::LookupJoin(const QJsonObject &config, const QString &tablePath, const core::Schema &stream,
                       const core::Schema &table, const core::Schema &output)
    : m_path(tablePath), m_stream(stream), m_table(table), m_output(output)
{
    init(config);
}

LookupJoin::LookupJoin(const QJsonObject &config, KafkaEndpoint endpoint, const core::Schema &stream,
                       const core::Schema &table, const core::Schema &output)
    : m_stream(stream), m_table(table), m_output(output), m_endpoint(std::move(endpoint))
{
    init(config);
    m_topic = config.value(QStringLiteral("table")).toObject().value(QStringLiteral("topic")).toString();
    m_path = QStringLiteral("topic %1").arg(m_topic);
}

LookupJoin::~LookupJoin() = default;

void LookupJoin::close()
{
    m_consumer.reset();
}

void LookupJoin::init(const QJsonObject &config)
{
    m_inner = config.value(QStringLiteral("joinType")).toString(QStringLiteral("left")) == u"inner";
    const QJsonObject t = config.value(QStringLiteral("table")).toObject();
    m_kind = t.value(QStringLiteral("kind")).toString();
    m_sqlTable = t.value(QStringLiteral("table")).toString();
    QStringList usingNames;
    for (const auto &p : config.value(QStringLiteral("on")).toArray()) {
        const QJsonArray pair = p.toArray();
        m_streamKeys.push_back(m_stream.indexOf(pair[0].toString()));
        m_tableKeys.push_back(m_table.indexOf(pair[1].toString()));
        if (pair[0].toString() == pair[1].toString())
            usingNames << pair[0].toString();
    }
    // Where each output column comes from, in the validator's joined order.
    for (const QString &name : usingNames)
        m_sources.push_back({false, m_stream.indexOf(name)});
    for (size_t i = 0; i < m_stream.fields.size(); ++i) {
        if (!usingNames.contains(m_stream.fields[i].name))
            m_sources.push_back({false, int(i)});
    }
    for (size_t i = 0; i < m_table.fields.size(); ++i) {
        if (!usingNames.contains(m_table.fields[i].name))
            m_sources.push_back({true, int(i)});
    }
}

void LookupJoin::indexRow(uint32_t row)
{
    std::string key;
    rowKey(key, m_rows->columns, m_tableKeys, row);
    m_index[key] = row;
}

void LookupJoin::rebuildIndex()
{
    m_index.clear();
    for (const auto &[key, row] : m_byRecordKey)
        indexRow(row);
}

bool LookupJoin::applyRecord(const rd_kafka_message_t &msg)
{
    m_nextOffset[msg.partition] = msg.offset + 1;
    const std::string key = msg.key ? std::string(static_cast<const char *>(msg.key), msg.key_len) : std::string();
    if (!msg.payload) // a tombstone
        return m_byRecordKey.erase(key) > 0;
    std::string reason;
    if (!m_decoder->decode({static_cast<const char *>(msg.payload), msg.len}, *m_rows, m_rows->arena(), reason)) {
        std::fprintf(stderr, "lookup topic %s, partition %d, offset %lld: %s (skipped)\n", qPrintable(m_topic),
                     int(msg.partition), (long long)msg.offset, reason.c_str());
        return false;
    }
    m_byRecordKey[key] = uint32_t(m_rows->rows++);
    return true;
}

bool LookupJoin::openTopic(QString &error)
{
    std::string message;
    rd_kafka_conf_t *conf = KafkaClientConfig::make(*m_endpoint, KafkaClientConfig::Role::Consumer, {}, message);
    if (!conf)
        return (error = QString::fromStdString(message), false);
    KafkaClientConfig::set(conf, "group.id", "streamwright-lookup", message);
    KafkaClientConfig::set(conf, "enable.auto.commit", "false", message);
    char errstr[512];
    m_consumer.reset(rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr));
    if (!m_consumer)
        return (error = QString::fromUtf8(errstr), false);
    rd_kafka_poll_set_consumer(m_consumer.get());
    const QByteArray topic = m_topic.toUtf8();
    rd_kafka_topic_t *handle = rd_kafka_topic_new(m_consumer.get(), topic.constData(), nullptr);
    const rd_kafka_metadata_t *metadata = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(m_consumer.get(), 0, handle, &metadata, 10000);
    rd_kafka_topic_destroy(handle);
    if (err || !metadata || metadata->topic_cnt != 1 || metadata->topics[0].partition_cnt == 0) {
        if (metadata)
            rd_kafka_metadata_destroy(metadata);
        return (error = QStringLiteral("cannot read topic %1 (%2)").arg(m_topic, QLatin1String(rd_kafka_err2str(err))), false);
    }
    KafkaPartitionList parts(rd_kafka_topic_partition_list_new(metadata->topics[0].partition_cnt));
    std::vector<std::pair<int, int64_t>> ends;
    for (int p = 0; p < metadata->topics[0].partition_cnt; ++p) {
        const int id = metadata->topics[0].partitions[p].id;
        rd_kafka_topic_partition_list_add(parts.get(), topic.constData(), id)->offset = RD_KAFKA_OFFSET_BEGINNING;
        int64_t lo = 0, hi = 0;
        rd_kafka_query_watermark_offsets(m_consumer.get(), topic.constData(), id, &lo, &hi, 5000);
        ends.emplace_back(id, hi);
        m_nextOffset[id] = lo;
    }
    rd_kafka_metadata_destroy(metadata);
    rd_kafka_assign(m_consumer.get(), parts.get());
    m_rows = std::make_shared<Batch>(Batch::empty(m_table));
    m_decoder = std::make_unique<JsonDecoder>(m_table);
    // Read to the end the topic had at start, so the first batch sees the whole table.
    QElapsedTimer clock;
    clock.start();
    auto caughtUp = [&] {
        for (const auto &[id, hi] : ends) {
            if (m_nextOffset[id] < hi)
                return false;
        }
        return true;
    };
    while (!caughtUp() && clock.elapsed() < 30000) {
        KafkaMessage msg(rd_kafka_consumer_poll(m_consumer.get(), 100));
        if (msg && !msg->err)
            applyRecord(*msg);
    }
    rebuildIndex();
    return true;
}

void LookupJoin::readTopic(int firstWaitMs)
{
    bool changed = false;
    for (int n = 0;; ++n) {
        KafkaMessage msg(rd_kafka_consumer_poll(m_consumer.get(), n == 0 ? firstWaitMs : 0));
        if (!msg)
            break;
        if (!msg->err)
            changed = applyRecord(*msg) || changed;
    }
    if (!changed)
        return;
    // Rebuild the index from the live rows; compact when replaced rows pile up.
    if (m_rows->rows > 2 * m_byRecordKey.size() + 1024) {
        auto compact = std::make_shared<Batch>(Batch::empty(m_table));
        compact->shareArenasOf(*m_rows);
        for (auto &[key, row] : m_byRecordKey) {
            for (size_t c = 0; c < m_table.fields.size(); ++c)
                compact->columns[c].appendFrom(m_rows->columns[c], row);
            row = uint32_t(compact->rows++);
        }
        m_rows = std::move(compact);
    }
    rebuildIndex();
}

bool LookupJoin::onOpen(std::string &error)
{
    QString message;
    const bool ok = m_endpoint ? openTopic(message) : load(message);
    if (!ok)
        error = QStringLiteral("cannot read the lookup table %1: %2").arg(m_path, message).toStdString();
    return ok;
}

bool LookupJoin::loadCsv(Batch &table, QString &error)
{
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return (error = f.errorString(), false);
    const QByteArray text = f.readAll();
    qsizetype pos = 0;
    const auto header = csvRecord(text, pos);
    std::vector<int> columnOf(m_table.fields.size(), -1);
    for (size_t h = 0; h < header.size(); ++h) {
        const int c = m_table.indexOf(QString::fromStdString(header[h]));
        if (c >= 0)
            columnOf[size_t(c)] = int(h);
    }
    for (size_t c = 0; c < columnOf.size(); ++c) {
        if (columnOf[c] < 0)
            return (error = QStringLiteral("the header has no column \"%1\"").arg(m_table.fields[c].name), false);
    }
    int line = 1;
    while (pos < text.size()) {
        ++line;
        const auto record = csvRecord(text, pos);
        if (record.size() == 1 && record[0].empty())
            continue; // blank line
        for (size_t c = 0; c < columnOf.size(); ++c) {
            const std::string cell = size_t(columnOf[c]) < record.size() ? record[size_t(columnOf[c])] : std::string();
            if (!appendText(table.columns[c], cell, table.arena()))
                return (error = QStringLiteral("line %1: \"%2\" is not a %3").arg(line).arg(QString::fromStdString(cell),
                                                                                        core::typeName(m_table.fields[c].type)),
                        false);
        }
        ++table.rows;
    }
    return true;
}

bool LookupJoin::loadJsonLines(Batch &table, QString &error)
{
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return (error = f.errorString(), false);
    JsonDecoder decoder(m_table);
    std::string reason;
    int line = 0;
    for (const QByteArray &row : f.readAll().split('\n')) {
        ++line;
        if (row.trimmed().isEmpty())
            continue;
        if (!decoder.decode(std::string_view(row.constData(), size_t(row.size())), table, table.arena(), reason))
            return (error = QStringLiteral("line %1: %2").arg(line).arg(QString::fromStdString(reason)), false);
        ++table.rows;
    }
    return true;
}

bool LookupJoin::loadSqlite(Batch &table, QString &error)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(m_path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return false;
    }
    QStringList columns;
    for (const auto &f : m_table.fields)
        columns << u'"' + QString(f.name).replace(u'"', QStringLiteral("\"\"")) + u'"';
    const QByteArray sql = QStringLiteral("SELECT %1 FROM \"%2\"").arg(columns.join(u','), m_sqlTable).toUtf8();
    sqlite3_stmt *stmt = nullptr;
    bool ok = sqlite3_prepare_v2(db, sql.constData(), -1, &stmt, nullptr) == SQLITE_OK;
    if (!ok)
        error = QString::fromUtf8(sqlite3_errmsg(db));
    while (ok && sqlite3_step(stmt) == SQLITE_ROW) {
        for (size_t c = 0; c < m_table.fields.size(); ++c) {
            Column &col = table.columns[c];
            const int type = sqlite3_column_type(stmt, int(c));
            if (type == SQLITE_NULL)
                col.appendNull();
            else if (type == SQLITE_INTEGER && (col.type == DataType::Int || col.type == DataType::Boolean))
                col.appendInt(sqlite3_column_int64(stmt, int(c)));
            else if ((type == SQLITE_FLOAT || type == SQLITE_INTEGER) && col.type == DataType::Double)
                col.appendDouble(sqlite3_column_double(stmt, int(c)));
            else {
                const std::string text(reinterpret_cast<const char *>(sqlite3_column_text(stmt, int(c))));
                if (!appendText(col, text, table.arena())) {
                    error = QStringLiteral("\"%1\" is not a %2").arg(QString::fromStdString(text), core::typeName(col.type));
                    ok = false;
                    break;
                }
            }
        }
        if (ok)
            ++table.rows;
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return ok;
}

bool LookupJoin::load(QString &error)
{
    m_loadedModified = QFileInfo(m_path).lastModified();
    auto table = std::make_shared<Batch>(Batch::empty(m_table));
    bool ok;
    if (m_kind == u"csv")
        ok = loadCsv(*table, error);
    else if (m_kind == u"jsonl")
        ok = loadJsonLines(*table, error);
    else if (m_kind == u"sqlite")
        ok = loadSqlite(*table, error);
    else
        return (error = QStringLiteral("tables of kind \"%1\" are not supported yet").arg(m_kind), false);
    if (!ok)
        return false; // keep the table we had
    std::unordered_map<std::string, uint32_t> index;
    std::string key;
    for (size_t r = 0; r < table->rows; ++r) {
        rowKey(key, table->columns, m_tableKeys, r);
        index[key] = uint32_t(r); // the latest row for a key wins
    }
    m_rows = std::move(table);
    m_index = std::move(index);
    error.clear();
    return true;
}

void LookupJoin::reloadIfChanged()
{
    const QDateTime modified = QFileInfo(m_path).lastModified();
    if (modified == m_loadedModified)
        return;
    QString error;
    if (load(error))
        std::fprintf(stderr, "lookup table %s reloaded: %zu rows\n", qPrintable(m_path), m_rows->rows);
    else
        std::fprintf(stderr, "lookup table %s changed but cannot be read (%s); keeping the previous rows\n",
                     qPrintable(m_path), qPrintable(error));
    m_loadedModified = modified;
}

void LookupJoin::process(int, const Batch &batch, int64_t, Emitter &out)
{
    if (!m_endpoint)
        reloadIfChanged();
    else if (m_consumer)
        readTopic(0);
    Batch result = Batch::empty(m_output);
    result.shareArenasOf(batch);
    if (m_rows)
        result.shareArenasOf(*m_rows);
    std::string key;
    int64_t misses = 0;
    for (auto &c : result.columns)
        c.reserve(batch.rows);
    for (size_t r = 0; r < batch.rows; ++r) {
        const bool nullKey = rowKey(key, batch.columns, m_streamKeys, r);
        const auto hit = nullKey || !m_rows ? m_index.end() : m_index.find(key); // NULL keys never match (SQL)
        if (hit == m_index.end()) {
            ++misses;
            if (m_inner)
                continue;
        }
        for (size_t o = 0; o < m_sources.size(); ++o) {
            const Source &s = m_sources[o];
            Column &to = result.columns[o];
            if (!s.fromTable)
                to.appendFrom(batch.columns[size_t(s.column)], r);
            else if (hit == m_index.end())
                to.appendNull();
            else
                to.appendFrom(m_rows->columns[size_t(s.column)], hit->second);
        }
        ++result.rows;
    }
    context().countLookupMisses(misses);
    out.push(0, std::move(result));
}

void LookupJoin::snapshot(StateWriter &out) const
{
    out.section("join.lookup", 1);
    out.boolean(bool(m_endpoint));
    if (!m_endpoint)
        return; // a file table is read again at open()
    out.bytes(m_topic.toStdString());
    out.u64(m_table.fields.size());
    for (const auto &f : m_table.fields)
        out.u8(uint8_t(f.type));
    std::vector<std::pair<std::string_view, uint32_t>> rows(m_byRecordKey.begin(), m_byRecordKey.end());
    std::sort(rows.begin(), rows.end());
    out.u64(rows.size());
    for (const auto &[key, row] : rows) {
        out.bytes(key);
        for (const Column &c : m_rows->columns)
            out.cell(c, row);
    }
    out.u64(m_nextOffset.size());
    for (const auto &[partition, next] : m_nextOffset) {
        out.u32(uint32_t(partition));
        out.i64(next);
    }
}

void LookupJoin::restore(StateReader &in)
{
    if (!in.section("join.lookup", 1))
        return;
    const bool fromTopic = in.boolean();
    in.expectSame("table kind (a topic)", fromTopic, bool(m_endpoint));
    if (!in.ok() || !fromTopic)
        return;
    const std::string topic = in.bytes();
    if (in.ok() && topic != m_topic.toStdString())
        in.fail("the state is of the table topic " + topic + ", not " + m_topic.toStdString());
    in.expectSame("number of table fields", int64_t(in.u64()), int64_t(m_table.fields.size()));
    for (size_t c = 0; c < m_table.fields.size() && in.ok(); ++c)
        in.expectSame("table field type", in.u8(), uint8_t(m_table.fields[c].type));
    auto rows = std::make_shared<Batch>(Batch::empty(m_table));
    std::unordered_map<std::string, uint32_t> byRecordKey;
    const size_t n = in.count(8 + m_table.fields.size());
    for (size_t r = 0; r < n && in.ok(); ++r) {
        std::string key = in.bytes();
        for (Column &c : rows->columns)
            in.cell(c, rows->arena());
        byRecordKey[std::move(key)] = uint32_t(rows->rows++);
    }
    std::map<int32_t, int64_t> next;
    const size_t partitions = in.count(12);
    for (size_t p = 0; p < partitions && in.ok(); ++p) {
        const auto partition = int32_t(in.u32());
        next[partition] = in.i64();
    }
    if (!in.ok())
        return;
    // Read on from the saved offsets; a partition the snapshot did not know (the
    // topic grew) from its beginning.
    for (const auto &[partition, offset] : m_nextOffset)
        next.try_emplace(partition, RD_KAFKA_OFFSET_BEGINNING);
    const QByteArray topicName = m_topic.toUtf8();
    KafkaPartitionList parts(rd_kafka_topic_partition_list_new(int(next.size())));
    for (const auto &[partition, offset] : next)
        rd_kafka_topic_partition_list_add(parts.get(), topicName.constData(), partition)->offset = offset;
    if (!m_consumer || rd_kafka_assign(m_consumer.get(), parts.get()) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        in.fail("cannot read the table topic " + topic + " from the saved offsets");
        return;
    }
    m_rows = std::move(rows);
    m_byRecordKey = std::move(byRecordKey);
    m_nextOffset = std::move(next);
    rebuildIndex();
}

} // namespace sw::runtime
