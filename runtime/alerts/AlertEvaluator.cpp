// SPDX-License-Identifier: GPL-3.0-or-later
#include "alerts/AlertEvaluator.h"

#include "model/Duration.h"
#include "model/Timestamps.h"

#include <QDateTime>
#include <QTimeZone>

namespace sw::runtime {

namespace {
constexpr size_t kHistoryLimit = 1000;

// The sum of `field` over the entries of `node` (all entries for no node);
// nullopt when no entry is of that node.
template <typename Entry, typename Field>
std::optional<double> sumOver(const std::vector<Entry> &entries, const QString &node, Field field)
{
    double total = 0;
    bool found = false;
    for (const Entry &e : entries) {
        if (node.isEmpty() || e.node == node) {
            total += double(field(e));
            found = true;
        }
    }
    return found ? std::optional<double>(total) : std::nullopt;
}
} // namespace

QString AlertRule::describe() const
{
    QString text = node.isEmpty() ? metric : QStringLiteral("%1 of %2").arg(metric, node);
    if (above)
        text += QStringLiteral(" above %1").arg(*above);
    if (below)
        text += QStringLiteral(" below %1").arg(*below);
    if (forMs > 0)
        text += QStringLiteral(" for %1").arg(core::Duration::format(forMs));
    return text;
}

std::vector<AlertRule> AlertRule::fromJson(const QJsonArray &alerts)
{
    std::vector<AlertRule> rules;
    for (const auto &a : alerts) {
        const QJsonObject o = a.toObject();
        AlertRule r;
        r.metric = o.value(QStringLiteral("metric")).toString();
        r.node = o.value(QStringLiteral("node")).toString();
        if (o.value(QStringLiteral("above")).isDouble())
            r.above = o.value(QStringLiteral("above")).toDouble();
        if (o.value(QStringLiteral("below")).isDouble())
            r.below = o.value(QStringLiteral("below")).toDouble();
        r.forMs = core::Duration::parseMs(o.value(QStringLiteral("for")).toString(QStringLiteral("0s"))).value_or(0);
        r.severity = o.value(QStringLiteral("severity")).toString(QStringLiteral("warning"));
        r.command = o.value(QStringLiteral("command")).toString();
        r.webhook = o.value(QStringLiteral("webhook")).toString();
        rules.push_back(r);
    }
    return rules;
}

QJsonObject AlertEvent::toJson(const AlertRule &r) const
{
    QJsonObject o{{QStringLiteral("rule"), rule},
                  {QStringLiteral("state"), firing ? QStringLiteral("firing") : QStringLiteral("resolved")},
                  {QStringLiteral("time"), core::Timestamps::toIso(atMs)},
                  {QStringLiteral("severity"), r.severity},
                  {QStringLiteral("metric"), r.metric},
                  {QStringLiteral("value"), value},
                  {QStringLiteral("message"), message}};
    if (!r.node.isEmpty())
        o.insert(QStringLiteral("node"), r.node);
    if (!lagStatus.isEmpty())
        o.insert(QStringLiteral("lagStatus"), lagStatus);
    return o;
}

std::optional<BatchProgress> AlertEvaluator::foldInterval(const std::vector<BatchProgress> &records, double seconds)
{
    if (records.empty())
        return std::nullopt;
    BatchProgress folded = records.back(); // gauges: the latest
    double batchMs = 0;
    folded.numInputRows = 0;
    folded.durationMs = {};
    folded.e2eLatencyMs.reset();
    for (auto &[id, node] : folded.nodes)
        node.rowsIn = node.rowsOut = 0;
    for (const BatchProgress &p : records) {
        folded.numInputRows += p.numInputRows;
        batchMs += p.durationMs.total;
        BatchDurations &d = folded.durationMs;
        d.poll = std::max(d.poll, p.durationMs.poll);
        d.decode = std::max(d.decode, p.durationMs.decode);
        d.operators = std::max(d.operators, p.durationMs.operators);
        d.sink = std::max(d.sink, p.durationMs.sink);
        d.checkpoint = std::max(d.checkpoint, p.durationMs.checkpoint);
        d.total = std::max(d.total, p.durationMs.total);
        if (p.e2eLatencyMs) {
            LatencyQuantiles &l = folded.e2eLatencyMs ? *folded.e2eLatencyMs : folded.e2eLatencyMs.emplace();
            l.p50 = std::max(l.p50, p.e2eLatencyMs->p50);
            l.p95 = std::max(l.p95, p.e2eLatencyMs->p95);
            l.p99 = std::max(l.p99, p.e2eLatencyMs->p99);
            l.max = std::max(l.max, p.e2eLatencyMs->max);
        }
        for (const auto &[id, node] : p.nodes) {
            NodeProgress &sum = folded.nodes[id];
            sum.rowsIn += node.rowsIn;
            sum.rowsOut += node.rowsOut;
        }
    }
    folded.inputRowsPerSecond = seconds > 0 ? double(folded.numInputRows) / seconds : 0.0;
    folded.processedRowsPerSecond = batchMs > 0 ? double(folded.numInputRows) * 1000.0 / batchMs : 0.0;
    return folded;
}

std::optional<double> AlertEvaluator::metricValue(const QString &metric, const QString &node, const BatchProgress &p)
{
    if (metric == u"consumer_lag") {
        if (node.isEmpty())
            return double(p.consumerLag);
        return sumOver(p.sources, node, [](const SourceProgress &s) { return s.consumerLag; });
    }
    if (metric == u"input_rate")
        return p.inputRowsPerSecond;
    if (metric == u"processed_rate")
        return p.processedRowsPerSecond;
    if (metric == u"batch_duration_ms")
        return p.durationMs.total;
    if (metric == u"e2e_latency_ms")
        return p.e2eLatencyMs ? std::optional<double>(p.e2eLatencyMs->p99) : std::nullopt;
    if (metric == u"watermark")
        return p.watermarkIsEnd() ? std::nullopt : std::optional<double>(double(p.watermark));
    if (metric == u"watermark_gap_ms")
        return p.watermarkGapMs ? std::optional<double>(double(*p.watermarkGapMs)) : std::nullopt;
    if (metric == u"state_rows")
        return sumOver(p.stateOperators, node, [](const StateOperatorProgress &s) { return s.numRowsTotal; });
    if (metric == u"late_rows_dropped") {
        if (node.isEmpty())
            return double(p.lateRowsDropped);
        return sumOver(p.stateOperators, node, [](const StateOperatorProgress &s) { return s.lateRowsDropped; });
    }
    if (metric == u"dead_letters") {
        if (node.isEmpty())
            return double(p.deadLetters);
        return sumOver(p.sources, node, [](const SourceProgress &s) { return s.deadLetters; });
    }
    if (metric == u"source_unreachable_s") { // how long a source has been unable to reach its cluster; 0: it can
        std::optional<double> longest;
        for (const SourceProgress &s : p.sources) {
            if (!node.isEmpty() && s.node != node)
                continue;
            const double down = s.unreachable.isEmpty() ? 0.0
                                                        : double(p.timestampMs - s.unreachableSinceMs.value_or(p.timestampMs)) / 1000.0;
            longest = std::max(longest.value_or(0.0), down);
        }
        return longest;
    }
    if (metric == u"rows_in" || metric == u"rows_out") {
        const bool in = metric == u"rows_in";
        if (!node.isEmpty()) {
            const NodeProgress *n = p.nodeProgress(node);
            return n ? std::optional<double>(double(in ? n->rowsIn : n->rowsOut)) : std::nullopt;
        }
        double total = 0;
        for (const auto &[id, n] : p.nodes)
            total += double(in ? n.rowsIn : n.rowsOut);
        return p.nodes.empty() ? std::nullopt : std::optional<double>(total);
    }
    return std::nullopt;
}

std::vector<AlertEvent> AlertEvaluator::onProgress(const BatchProgress &progress, qint64 nowMs)
{
    m_last = progress;
    m_lag.record(progress, nowMs);
    return evaluate(nowMs);
}

std::vector<AlertEvent> AlertEvaluator::onTick(qint64 nowMs, const BatchProgress *current)
{
    if (current) {
        m_last = *current;
        m_lag.refresh(*current);
    }
    return m_last ? evaluate(nowMs) : std::vector<AlertEvent>{};
}

std::vector<AlertEvent> AlertEvaluator::evaluate(qint64 nowMs)
{
    std::vector<AlertEvent> events;
    for (size_t i = 0; i < m_rules.size(); ++i) {
        const AlertRule &rule = m_rules[i];
        State &state = m_state[i];
        const std::optional<double> value = metricValue(rule.metric, rule.node, *m_last);
        if (!value)
            continue;
        state.value = *value;
        bool holds = (rule.above && *value > *rule.above) || (rule.below && *value < *rule.below);
        QString lagStatus;
        if (rule.metric == u"consumer_lag") {
            LagStatus worst = LagStatus::Ok;
            if (rule.node.isEmpty()) {
                for (const auto &[source, status] : m_lag.statuses(nowMs))
                    worst = std::max(worst, status);
            } else {
                worst = m_lag.status(rule.node, nowMs);
            }
            lagStatus = lagStatusName(worst);
            holds = holds || worst != LagStatus::Ok;
        }
        if (!holds) {
            state.holdingSinceMs = -1;
            if (state.firing) {
                state.firing = false;
                events.push_back(AlertEvent{int(i), false, nowMs, *value, lagStatus,
                                            QStringLiteral("resolved: %1 (now %2)").arg(rule.describe()).arg(*value)});
            }
            continue;
        }
        if (state.holdingSinceMs < 0)
            state.holdingSinceMs = nowMs;
        if (!state.firing && nowMs - state.holdingSinceMs >= rule.forMs) {
            state.firing = true;
            QString message = QStringLiteral("%1: %2 (now %3)").arg(rule.severity, rule.describe()).arg(*value);
            if (!lagStatus.isEmpty() && lagStatus != u"OK")
                message += QStringLiteral(", lag status %1").arg(lagStatus);
            events.push_back(AlertEvent{int(i), true, nowMs, *value, lagStatus, message});
        }
    }
    for (const AlertEvent &e : events) {
        m_history.push_back(e);
        if (m_history.size() > kHistoryLimit)
            m_history.erase(m_history.begin());
    }
    return events;
}

QJsonObject AlertEvaluator::toJson(qint64 nowMs) const
{
    QJsonArray rules, history;
    for (size_t i = 0; i < m_rules.size(); ++i) {
        const AlertRule &r = m_rules[i];
        rules.append(QJsonObject{{QStringLiteral("rule"), int(i)},
                                 {QStringLiteral("description"), r.describe()},
                                 {QStringLiteral("severity"), r.severity},
                                 {QStringLiteral("firing"), m_state[i].firing},
                                 {QStringLiteral("value"), m_state[i].value}});
    }
    for (const AlertEvent &e : m_history)
        history.append(e.toJson(m_rules[size_t(e.rule)]));
    QJsonObject lag;
    for (const auto &[source, status] : m_lag.statuses(nowMs))
        lag.insert(source, lagStatusName(status));
    return {{QStringLiteral("rules"), rules}, {QStringLiteral("history"), history}, {QStringLiteral("lagStatus"), lag}};
}

} // namespace sw::runtime
