// SPDX-License-Identifier: GPL-3.0-or-later
#include "alerts/AlertEvaluator.h"

#include "model/Duration.h"

#include <QDateTime>
#include <QTimeZone>

namespace sw::runtime {

namespace {
constexpr size_t kHistoryLimit = 1000;

double sumOver(const QJsonArray &entries, const QString &node, const QString &key, bool *found)
{
    double total = 0;
    for (const auto &e : entries) {
        const QJsonObject o = e.toObject();
        if (node.isEmpty() || o.value(QStringLiteral("node")).toString() == node) {
            total += o.value(key).toDouble();
            *found = true;
        }
    }
    return total;
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
                  {QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(atMs, QTimeZone::utc()).toString(Qt::ISODateWithMs)},
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

QJsonObject AlertEvaluator::foldInterval(const QJsonArray &records, double seconds)
{
    if (records.isEmpty())
        return {};
    QJsonObject folded = records.last().toObject(); // gauges: the latest
    double inputRows = 0, batchMs = 0;
    QJsonObject duration, latency, nodes;
    for (const auto &r : records) {
        const QJsonObject p = r.toObject();
        inputRows += p.value(QStringLiteral("numInputRows")).toDouble();
        const QJsonObject d = p.value(QStringLiteral("durationMs")).toObject();
        batchMs += d.value(QStringLiteral("total")).toDouble();
        for (auto it = d.begin(); it != d.end(); ++it)
            duration.insert(it.key(), std::max(duration.value(it.key()).toDouble(), it.value().toDouble()));
        const QJsonObject l = p.value(QStringLiteral("e2eLatencyMs")).toObject();
        for (auto it = l.begin(); it != l.end(); ++it)
            latency.insert(it.key(), std::max(latency.value(it.key()).toDouble(), it.value().toDouble()));
        const QJsonObject n = p.value(QStringLiteral("nodes")).toObject();
        for (auto it = n.begin(); it != n.end(); ++it) {
            QJsonObject sum = nodes.value(it.key()).toObject();
            const QJsonObject node = it.value().toObject();
            for (const QString &key : {QStringLiteral("rowsIn"), QStringLiteral("rowsOut")})
                sum.insert(key, sum.value(key).toDouble() + node.value(key).toDouble());
            nodes.insert(it.key(), sum);
        }
    }
    folded.insert(QStringLiteral("numInputRows"), inputRows);
    folded.insert(QStringLiteral("inputRowsPerSecond"), seconds > 0 ? inputRows / seconds : 0.0);
    folded.insert(QStringLiteral("processedRowsPerSecond"), batchMs > 0 ? inputRows * 1000.0 / batchMs : 0.0);
    folded.insert(QStringLiteral("durationMs"), duration);
    if (latency.isEmpty())
        folded.remove(QStringLiteral("e2eLatencyMs"));
    else
        folded.insert(QStringLiteral("e2eLatencyMs"), latency);
    folded.insert(QStringLiteral("nodes"), nodes);
    return folded;
}

std::optional<double> AlertEvaluator::metricValue(const QString &metric, const QString &node, const QJsonObject &p)
{
    bool found = false;
    const QJsonArray sources = p.value(QStringLiteral("sources")).toArray();
    const QJsonArray stateOperators = p.value(QStringLiteral("stateOperators")).toArray();
    auto top = [&p](const QString &key) -> std::optional<double> {
        const QJsonValue v = p.value(key);
        return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    };
    if (metric == u"consumer_lag") {
        if (node.isEmpty())
            return top(QStringLiteral("consumerLag"));
        const double v = sumOver(sources, node, QStringLiteral("consumerLag"), &found);
        return found ? std::optional<double>(v) : std::nullopt;
    }
    if (metric == u"input_rate")
        return top(QStringLiteral("inputRowsPerSecond"));
    if (metric == u"processed_rate")
        return top(QStringLiteral("processedRowsPerSecond"));
    if (metric == u"batch_duration_ms") {
        const QJsonValue v = p.value(QStringLiteral("durationMs")).toObject().value(QStringLiteral("total"));
        return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    }
    if (metric == u"e2e_latency_ms") {
        const QJsonValue v = p.value(QStringLiteral("e2eLatencyMs")).toObject().value(QStringLiteral("p99"));
        return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    }
    if (metric == u"watermark" || metric == u"watermark_gap_ms") {
        const QJsonValue v = p.value(QStringLiteral("eventTime"))
                                 .toObject()
                                 .value(metric == u"watermark" ? QStringLiteral("watermark") : QStringLiteral("watermarkGapMs"));
        return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    }
    if (metric == u"state_rows") {
        const double v = sumOver(stateOperators, node, QStringLiteral("numRowsTotal"), &found);
        return found ? std::optional<double>(v) : std::nullopt;
    }
    if (metric == u"late_rows_dropped") {
        if (node.isEmpty())
            return top(QStringLiteral("lateRowsDropped"));
        const double v = sumOver(stateOperators, node, QStringLiteral("lateRowsDropped"), &found);
        return found ? std::optional<double>(v) : std::nullopt;
    }
    if (metric == u"dead_letters") {
        if (node.isEmpty())
            return top(QStringLiteral("deadLetters"));
        const double v = sumOver(sources, node, QStringLiteral("deadLetters"), &found);
        return found ? std::optional<double>(v) : std::nullopt;
    }
    if (metric == u"rows_in" || metric == u"rows_out") {
        const QJsonObject nodes = p.value(QStringLiteral("nodes")).toObject();
        const QString key = metric == u"rows_in" ? QStringLiteral("rowsIn") : QStringLiteral("rowsOut");
        if (!node.isEmpty()) {
            const QJsonValue v = nodes.value(node).toObject().value(key);
            return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
        }
        double total = 0;
        for (const auto &n : nodes)
            total += n.toObject().value(key).toDouble();
        return nodes.isEmpty() ? std::nullopt : std::optional<double>(total);
    }
    return std::nullopt;
}

std::vector<AlertEvent> AlertEvaluator::onProgress(const QJsonObject &progress, qint64 nowMs)
{
    m_last = progress;
    m_lag.record(progress, nowMs);
    return evaluate(nowMs);
}

std::vector<AlertEvent> AlertEvaluator::onTick(qint64 nowMs)
{
    return m_last.isEmpty() ? std::vector<AlertEvent>{} : evaluate(nowMs);
}

std::vector<AlertEvent> AlertEvaluator::evaluate(qint64 nowMs)
{
    std::vector<AlertEvent> events;
    for (size_t i = 0; i < m_rules.size(); ++i) {
        const AlertRule &rule = m_rules[i];
        State &state = m_state[i];
        const std::optional<double> value = metricValue(rule.metric, rule.node, m_last);
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
