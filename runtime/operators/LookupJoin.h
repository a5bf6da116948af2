// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "operators/Operator.h"

#include <QDateTime>
#include <QJsonObject>

#include <memory>
#include <string>
#include <unordered_map>

namespace sw::runtime {

// join.lookup: enriches each row from a table read from a CSV file (with a header
// row), a JSON Lines file or a SQLite table; the table is read again when its file
// changes (checked between batches). The latest row wins for a key. Inner drops
// rows without a match; left keeps them with NULLs. Output naming as the
// validator's joined schema: keys with the same name once, then the stream's
// other fields, then the table's (left_/right_ prefixes on clashes).
class LookupJoin : public Operator
{
public:
    LookupJoin(const QJsonObject &config, const QString &tablePath, const core::Schema &stream,
               const core::Schema &table, const core::Schema &output);
    void open() override;
    void process(int inputPort, const Batch &batch, int64_t watermark, Emitter &out) override;
    OperatorStats stats() const override;
    QString loadError() const { return m_error; }

private:
    void reloadIfChanged();
    bool load(QString &error);
    bool loadCsv(Batch &table, QString &error);
    bool loadJsonLines(Batch &table, QString &error);
    bool loadSqlite(Batch &table, QString &error);

    QString m_kind, m_path, m_sqlTable;
    bool m_inner = false;
    core::Schema m_stream, m_table, m_output;
    std::vector<int> m_streamKeys, m_tableKeys;
    struct Source
    {
        bool fromTable;
        int column;
    };
    std::vector<Source> m_sources; // per output column
    std::shared_ptr<Batch> m_rows; // the table, in columns
    std::unordered_map<std::string, uint32_t> m_index;
    QDateTime m_loadedModified;
    int64_t m_misses = 0;
    QString m_error;
};

} // namespace sw::runtime
