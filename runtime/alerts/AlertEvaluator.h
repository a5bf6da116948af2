// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "alerts/LagStatus.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace sw::runtime {

// One rule of the pipeline's "alerts" section.
struct AlertRule
{
    QString metric; // a name of ARCHITECTURE.md's metrics table
    QString node;   // empty: the pipeline as a whole
    std::optional<double> above;
    std::optional<double> below;
    qint64 forMs = 0;
    QString severity = QStringLiteral("warning"); // critical, warning, info
    QString command;
    QString webhook;

    QString describe() const; // "consumer_lag of views above 10000 for 30s"
    static std::vector<AlertRule> fromJson(const QJsonArray &alerts);
};

// A rule starting or ending to fire.
struct AlertEvent
{
    int rule = 0;
    bool firing = true; // false: resolved
    qint64 atMs = 0;
    double value = 0;
    QString lagStatus; // consumer_lag rules: the Burrow status then
    QString message;
    QJsonObject toJson(const AlertRule &rule) const;
};

// Evaluates the rules on each progress record, with wall-clock time for `for`
// durations (alerts are about the run, not its results). A condition must hold
// continuously for `for` before the rule fires; it resolves as soon as it stops
// holding. A metric a record does not have (no latency in an empty batch) leaves
// the rule as it was. consumer_lag rules also fire when the source's Burrow status
// is WARN, STALL or STOP, so a steadily growing lag is caught below the threshold.
class AlertEvaluator
{
public:
    explicit AlertEvaluator(std::vector<AlertRule> rules, LagTracker tracker = LagTracker())
        : m_rules(std::move(rules)), m_state(m_rules.size()), m_lag(std::move(tracker))
    {
    }

    // A new progress record at `nowMs`; returns what changed.
    std::vector<AlertEvent> onProgress(const BatchProgress &progress, qint64 nowMs);
    // Time passing without records (a paused or stuck run): `for` durations and
    // Burrow's STOP still advance. Uses the last record seen, or `current`: the
    // latest record with its lag as it is now (refreshed while paused).
    std::vector<AlertEvent> onTick(qint64 nowMs, const BatchProgress *current = nullptr);

    const std::vector<AlertRule> &rules() const { return m_rules; }
    bool isFiring(int rule) const { return m_state.at(size_t(rule)).firing; }
    const std::vector<AlertEvent> &history() const { return m_history; }
    // {"rules": [...with "firing"], "history": [...], "lagStatus": {"views": "OK"}}
    QJsonObject toJson(qint64 nowMs) const;
    // The progress records of one evaluation interval as one record: rows summed
    // per node (rows_in/rows_out are per interval), latencies and durations at
    // their worst, gauges (lag, watermark, state, counters) from the latest, and
    // rates over the interval. Empty for no records.
    static std::optional<BatchProgress> foldInterval(const std::vector<BatchProgress> &records, double seconds);
    // The metric a rule watches, from a progress record; nullopt if the record has none.
    static std::optional<double> metricValue(const QString &metric, const QString &node, const BatchProgress &progress);

private:
    struct State
    {
        qint64 holdingSinceMs = -1;
        bool firing = false;
        double value = 0;
    };
    std::vector<AlertEvent> evaluate(qint64 nowMs);

    std::vector<AlertRule> m_rules;
    std::vector<State> m_state;
    LagTracker m_lag;
    std::optional<BatchProgress> m_last;
    std::vector<AlertEvent> m_history;
};

} // namespace sw::runtime
