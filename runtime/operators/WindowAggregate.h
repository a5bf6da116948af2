// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expr/ColumnarExpression.h"
#include "expr/Expression.h"
#include "operators/Aggregate.h"
#include "operators/Operator.h"

#include "settings/NodeSettings.h"

#include <unordered_map>

namespace sw::runtime {

// Event-time windows with aggregates per group (Spark's groupBy(window(...), ...)).
// Tumbling and sliding windows are aligned to the epoch; a session window is
// [first event, last event + gap). A (row, window) pair whose window ends at or
// before the watermark is late: dropped, counted, and the row sent to output port
// 1 ("late") once. A window is final when its end <= watermark: append mode emits
// it then, once; update mode emits every group that changed at the end of each
// batch; complete mode emits every window of every group at the end of each batch
// in which one changed, and keeps them all (no row is late, nothing is evicted).
// Output rows are ordered by window start, then group key, so the output is
// deterministic. State is plain data.
//
// The aggregate node is the same operator with one window that never ends (Spark's
// groupBy without a window): running results per group, output without the window
// columns. With the event-time field among its group keys, a group is a window
// that ends at its event time: late, final and evicted by the watermark as a
// window is.
class WindowAggregate : public Operator
{
public:
    WindowAggregate(const core::WindowAggregateSettings &settings, const core::Schema &input, const core::Schema &output);
    WindowAggregate(const core::AggregateSettings &settings, const core::Schema &input, const core::Schema &output);
    void process(int inputPort, const Batch &batch, int64_t watermark, Emitter &out) override;
    void endOfBatch(int64_t watermark, Emitter &out) override;
    bool isStateful() const override { return true; }
    void snapshot(StateWriter &out) const override;
    void restore(StateReader &in) override;
    int64_t stateRows() const override;
    std::vector<StateTable> stateTables(size_t limit) const override;
    int64_t stateBytes() const override;

private:
    using Kind = core::WindowKind;
    // An open session window of one group.
    struct Session
    {
        int64_t start = 0;
        int64_t end = 0;
        std::vector<OwnedValue> keys;
        std::vector<AggregateState> aggregates;
        bool changed = false;
    };
    // An open tumbling or sliding window of one group. Its group key values and
    // aggregate states are in m_windowKeys and m_windowStates at index * their
    // count: one flat array each, so that a row's lookup reads a few lines that can
    // be fetched ahead, instead of following pointers to small heap blocks.
    struct Window
    {
        int64_t start = 0;
        int64_t end = 0;
        uint64_t hash = 0; // of window start and group key
        bool changed = false;
    };
    struct OutputRow
    {
        int64_t start, end;
        const OwnedValue *keys;
        const AggregateState *states;
    };
    struct Spec
    {
        Aggregate aggregate;
        int expression; // index into m_expressions, -1 for count(*)
    };

    void init(const QStringList &groupBy, const std::vector<core::AggregateSpec> &aggregates, core::OutputMode mode,
              const core::Schema &input);
    size_t windowFor(uint64_t hash, int64_t start, int64_t end, const std::vector<const Column *> &groupColumns, size_t row);
    void accumulate(AggregateState *states, const std::vector<const Column *> &values, size_t row);
    void accumulateWindow(size_t index, const std::vector<const Column *> &values, size_t row);
    void processSession(const std::string &groupKey, int64_t ts, const Batch &batch,
                        const std::vector<const Column *> &groupColumns, const std::vector<const Column *> &values, size_t row);
    void emitRows(const std::vector<OutputRow> &rows, Emitter &out);
    Batch rowsBatch(const std::vector<OutputRow> &rows) const; // in the output schema

    Kind m_kind = Kind::Tumbling;
    int64_t m_size = 0, m_slide = 0, m_gap = 0;
    core::OutputMode m_mode = core::OutputMode::Append;
    bool m_global = false;      // the aggregate node: no window columns
    int m_timeKey = -1;         // global: the group key that is the event time (-1: none)
    size_t m_firstKeyColumn = 2; // output columns before the group keys (window_start, window_end)
    int m_eventTime = -1;
    std::vector<int> m_groupBy; // input column indices
    std::vector<DataType> m_groupTypes;
    core::Schema m_output;
    std::vector<core::expr::CheckedExpression> m_checked;
    std::vector<std::unique_ptr<ColumnarExpression>> m_expressions;
    std::vector<Spec> m_specs;

    // Tumbling and sliding: windows by (window start, group key) in an
    // open-addressing table; the key hashes of a batch are computed column by
    // column, and the kept key values compared on a hash hit.
    struct Slot
    {
        uint64_t hash = 0;
        uint32_t index = UINT32_MAX; // into m_windows; UINT32_MAX: empty
    };
    std::vector<Slot> m_slots;
    std::vector<Window> m_windows;
    std::vector<OwnedValue> m_windowKeys;       // m_groupBy.size() per window
    std::vector<AggregateState> m_windowStates; // m_specs.size() per window
    std::vector<std::string> m_keys;            // per window: its output order
    void rebuildSlots();
    void writeSettings(StateWriter &out) const;
    void readSettings(StateReader &in) const;
    // Session: group key -> open sessions of that group.
    std::unordered_map<std::string, std::vector<Session>> m_sessions;
    uint64_t m_seq = 0; // arrival order of rows, for first and last
    std::vector<uint64_t> m_rowHashes; // group key hash per row of the current batch
};

} // namespace sw::runtime
