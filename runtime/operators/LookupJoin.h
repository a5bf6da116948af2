// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "broker/KafkaClientConfig.h"
#include "operators/Operator.h"
#include "tables/LookupTable.h"

#include "settings/NodeSettings.h"

#include <memory>
#include <vector>

namespace sw::runtime {

// join.lookup: enriches each row from a lookup table (tables/LookupTable.h: a CSV,
// JSON Lines or SQLite file read again when it changes, or a compacted Kafka
// topic kept current), refreshed between batches. Inner drops rows without a
// match; left keeps them with NULLs; NULL keys never match (SQL). Output naming
// as the validator's joined schema: keys with the same name once, then the
// stream's other fields, then the table's (left_/right_ prefixes on clashes).
// Its state is the table's when the table has one (a topic's rows and position).
class LookupJoin : public Operator
{
public:
    LookupJoin(const core::LookupJoinSettings &settings, std::unique_ptr<LookupTable> table, const core::Schema &stream,
               const core::Schema &tableSchema, const core::Schema &output);
    // A table in a file at `tablePath` (the settings' table.kind says which kind).
    LookupJoin(const core::LookupJoinSettings &settings, const QString &tablePath, const core::Schema &stream,
               const core::Schema &tableSchema, const core::Schema &output);
    // A table from a compacted topic on `endpoint`.
    LookupJoin(const core::LookupJoinSettings &settings, KafkaEndpoint endpoint, const core::Schema &stream,
               const core::Schema &tableSchema, const core::Schema &output);
    void process(int inputPort, const Batch &batch, int64_t watermark, Emitter &out) override;
    void close() override { m_table->close(); }
    bool isStateful() const override { return m_table->isStateful(); }
    void snapshot(StateWriter &out) const override;
    void restore(StateReader &in) override;
    int64_t stateRows() const override { return m_table->rows() ? int64_t(m_table->rows()->rows) : 0; } // table rows

protected:
    bool onOpen(std::string &error) override;

private:
    bool m_inner = false;
    core::Schema m_stream, m_tableSchema, m_output;
    std::vector<int> m_streamKeys, m_tableKeys;
    struct Source
    {
        bool fromTable;
        int column;
    };
    std::vector<Source> m_sources; // per output column
    std::unique_ptr<LookupTable> m_table;
};

} // namespace sw::runtime
