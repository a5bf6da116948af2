// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/OwnedValue.h"
#include "expr/ColumnarExpression.h"
#include "expr/Expression.h"
#include "operators/Operator.h"

#include "settings/NodeSettings.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace sw::runtime {

// join.stream: equi-join of two streams with an event-time bound,
//   left.k = right.k AND right.ts BETWEEN left.ts + from AND left.ts + to,
// inner, left, right or full (Spark's stream-stream join). Each side's rows wait
// in keyed state. A left row can match no future row once left.ts + to <= watermark,
// a right row once right.ts - from <= watermark: then it is evicted, and for an outer
// side emitted with NULLs if it never matched. Rows with event time <= watermark are
// late: dropped and counted. Output naming as the validator's joined schema.
//
// A `condition` over the joined fields is split as Spark splits it: the parts
// about one side alone are checked on that side's rows as they arrive (a row
// failing them can never match: it is not stored, and on an outer side it comes
// out at once with NULLs); the rest is checked on each pair the keys and time
// bound allow, and only pairs meeting it match.
class StreamJoin : public Operator
{
public:
    StreamJoin(const core::StreamJoinSettings &settings, const core::Schema &left, const core::Schema &right, const core::Schema &output);
    void process(int inputPort, const Batch &batch, int64_t watermark, Emitter &out) override;
    void endOfBatch(int64_t watermark, Emitter &out) override;
    bool isStateful() const override { return true; }
    void snapshot(StateWriter &out) const override;
    void restore(StateReader &in) override;
    int64_t stateRows() const override { return int64_t(m_stored); }
    std::vector<StateTable> stateTables(size_t limit) const override;
    int64_t stateBytes() const override;

private:
    // A stored row: its event time and where its values are in the side's store.
    struct Stored
    {
        int64_t ts;
        uint32_t row;
        bool matched = false;
    };
    using State = std::unordered_map<std::string, std::vector<Stored>>;
    struct Source
    {
        int side; // 0 left, 1 right, 2 coalesce(left, right) for a USING key
        int left = -1, right = -1;
    };
    // A predicate compiled against the joined schema.
    struct Predicate
    {
        core::expr::CheckedExpression checked;
        std::unique_ptr<ColumnarExpression> columnar;
    };
    void splitCondition(const QString &condition);
    // `batch` of one side as joined rows: its columns where the output has them, NULLs for the other side's.
    Batch asJoined(int side, const Batch &batch) const;
    void emitRow(Batch &out, const Stored *left, const Stored *right);
    void evict(std::vector<Stored> &rows, int side, int64_t watermark, Batch &out);
    uint32_t store(int side, const Batch &batch, size_t row);
    void compact(int side);

    bool m_keepLeft = false, m_keepRight = false;
    int64_t m_from = 0, m_to = 0;
    std::vector<int> m_keys[2];
    int m_time[2] = {-1, -1};
    core::Schema m_output;
    std::vector<Source> m_sources;
    State m_state[2];
    // Each side's rows, columnar, strings in the store's own arena: storing a row
    // allocates nothing per row; evicted rows are compacted away in bulk.
    Batch m_store[2];
    size_t m_live[2] = {0, 0};
    size_t m_stored = 0;
    Batch m_pending; // rows produced this batch, pushed at endOfBatch
    std::optional<Predicate> m_ownSide[2]; // the condition's parts about one side alone
    std::optional<Predicate> m_pairs;      // its parts about both
};

} // namespace sw::runtime
