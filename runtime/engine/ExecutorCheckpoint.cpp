// SPDX-License-Identifier: GPL-3.0-or-later
// The executor's checkpoint (Spark's offset log, commit log and state store):
// before a batch runs, its planned ranges and watermark are logged; after every
// sink flushed it, the batch is committed, every `everyBatches` batches (and at a
// clean stop) with a snapshot of the operators. A restart restores the last
// snapshot, replays the committed batches after it from their logged ranges with
// the sinks off (the engine is deterministic, so the state comes back exactly),
// then runs an uncommitted batch again with exactly its ranges and watermark.
#include "checkpoint/PipelineFingerprint.h"
#include "engine/DeadLetters.h"
#include "engine/Executor.h"
#include "expr/Casts.h"
#include "operators/OperatorState.h"
#include "settings/NodeSettings.h"
#include "sinks/FileSink.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <csignal>
#include <cstdio>

namespace sw::runtime {

namespace {
constexpr const char *kDefaultDeadLettersKey = "$dead-letters";
constexpr const char *kEngineSection = "engine";
constexpr uint32_t kEngineVersion = 1;

QString deadLetterKey(const QString &node)
{
    return node + QStringLiteral("#dead-letters");
}
} // namespace

QString Executor::checkpointDir(const core::Pipeline &pipeline)
{
    const QString dir = pipeline.runtime.value(QStringLiteral("checkpoint")).toObject().value(QStringLiteral("dir")).toString();
    return dir.isEmpty() ? QString() : pipeline.resolvePath(dir);
}

void Executor::crashIfAskedTo(const char *point, int64_t batchId) const
{
    // STREAMWRIGHT_CHECKPOINT_FAULT=<point>:<batch> dies like kill -9 there, for
    // the kill tests: offsets (logged, not run), sinks (written, not committed),
    // commit (committed, before the next batch).
    if (m_fault.isEmpty() || m_fault != QStringLiteral("%1:%2").arg(QLatin1String(point)).arg(batchId))
        return;
    std::fprintf(stderr, "STREAMWRIGHT_CHECKPOINT_FAULT: dying at %s of batch %lld\n", point, (long long)batchId);
    std::fflush(stderr);
    std::raise(SIGKILL);
}

bool Executor::openCheckpoint(const core::ValidationResult &validation, QString &error)
{
    const QString dir = checkpointDir(m_pipeline);
    if (dir.isEmpty() || m_options.noCheckpoint) {
        m_checkpointReport = m_options.noCheckpoint && !dir.isEmpty()
                                 ? QStringLiteral("checkpoint: off (--no-checkpoint): at-least-once, and window, join "
                                                  "and dedupe state is lost when the run stops")
                                 : QStringLiteral("checkpoint: none (no runtime.checkpoint.dir): at-least-once, and "
                                                  "window, join and dedupe state is lost when the run stops");
        return true;
    }
    // A broker started for this run keeps its topics only as long as the run: the
    // next run's would start empty, and a checkpoint of positions in them, and of
    // state built from them, would be wrong there.
    for (const core::Node &node : m_pipeline.nodes) {
        if (node.type != u"source.kafka")
            continue;
        const QString connection = core::KafkaSourceSettings::parse(node.config).connection;
        const bool embedded = m_pipeline.connections.value(connection).value(QStringLiteral("kind")).toString() == u"embedded";
        if (m_options.ephemeralConnections.contains(connection)
            || (embedded && !m_options.connectionBootstraps.contains(connection))) {
            m_checkpointReport = QStringLiteral("checkpoint: off: source \"%1\" reads connection \"%2\", a broker "
                                                "started for this run, whose topics end with it (point it at a cluster "
                                                "with --connection %2=HOST:PORT to keep a checkpoint)")
                                     .arg(node.id, connection);
            return true;
        }
    }
    m_fault = qEnvironmentVariable("STREAMWRIGHT_CHECKPOINT_FAULT");
    m_everyBatches = std::max<int64_t>(
        1, core::expr::Casts::toInt64(m_pipeline.runtime.value(QStringLiteral("checkpoint")).toObject().value(QStringLiteral("everyBatches")).toDouble(10)));
    auto store = std::make_unique<CheckpointStore>();
    std::string message;
    if (!store->open(dir, message)) {
        error = QString::fromStdString(message);
        return false;
    }
    const QJsonObject fingerprint = PipelineFingerprint::of(m_pipeline, validation);
    if (store->isNew() || store->fingerprint().isEmpty()) {
        if (!store->setFingerprint(fingerprint, m_pipeline.name, message)) {
            error = QString::fromStdString(message);
            return false;
        }
    } else if (const QStringList changes = PipelineFingerprint::differences(store->fingerprint(), fingerprint);
               !changes.isEmpty()) {
        error = QStringLiteral("the checkpoint in %1 was written by another version of this pipeline, and its state "
                               "does not fit this one:\n  - %2\nTo start over (the sources from their startingOffsets, "
                               "no state; the sinks keep what they have): streamwright-cli run --reset-checkpoint")
                    .arg(QDir::toNativeSeparators(dir), changes.join(QStringLiteral("\n  - ")));
        return false;
    }
    m_checkpoint = std::move(store);

    const auto snapshot = m_checkpoint->lastSnapshotCommit(message);
    const auto last = message.empty() ? m_checkpoint->lastCommit(message) : std::nullopt;
    if (!message.empty()) {
        error = QString::fromStdString(message);
        return false;
    }
    for (auto &n : m_nodes) {
        if (n.sink)
            n.sink->enableExactlyOnce(m_pipeline.name + u'/' + n.id);
        if (n.deadLetterSink)
            n.deadLetterSink->enableExactlyOnce(m_pipeline.name + u'/' + deadLetterKey(n.id));
    }
    if (!snapshot)
        return true; // a new checkpoint: resumeFromCheckpoint() writes its start
    m_lastSnapshotBatch = snapshot->batchId;
    m_lastCommittedBatch = last ? last->batchId : snapshot->batchId;
    // Sources start where the snapshot's batch left them, with what else they
    // need to read the same records again.
    m_restoredState = m_checkpoint->stateAt(snapshot->batchId, message);
    if (!message.empty()) {
        error = QString::fromStdString(message);
        return false;
    }
    const auto engine = m_restoredState.find(QLatin1String(CheckpointStore::kEngineNode));
    if (engine == m_restoredState.end()) {
        error = QStringLiteral("checkpoint %1: the snapshot of batch %2 has no engine state; start over with "
                               "streamwright-cli run --reset-checkpoint")
                    .arg(m_checkpoint->path())
                    .arg(snapshot->batchId);
        return false;
    }
    StateReader in(engine->second);
    in.section(kEngineSection, kEngineVersion);
    m_restoredWatermark = in.i64();
    m_restoredNoDataDue = in.boolean();
    const size_t sources = in.count(8);
    for (size_t i = 0; i < sources && in.ok(); ++i) {
        const QString id = QString::fromStdString(in.bytes());
        const int64_t maxEventTime = in.i64();
        const std::string sourceState = in.bytes();
        for (auto &n : m_nodes) {
            if (n.id != id)
                continue;
            n.maxEventTime = maxEventTime;
            if (!n.source)
                continue;
            std::string why;
            if (!n.source->restoreCheckpointState(sourceState, why)) {
                error = QStringLiteral("checkpoint %1: source \"%2\": %3").arg(m_checkpoint->path(), id, QString::fromStdString(why));
                return false;
            }
        }
    }
    if (!in.ok()) {
        error = QStringLiteral("checkpoint %1: the engine state of batch %2 is damaged (%3); start over with "
                               "streamwright-cli run --reset-checkpoint")
                    .arg(m_checkpoint->path())
                    .arg(snapshot->batchId)
                    .arg(QString::fromStdString(in.error()));
        return false;
    }
    for (auto &n : m_nodes) {
        const auto positions = snapshot->positions.find(n.id);
        if (n.source && positions != snapshot->positions.end())
            n.source->startAt(positions->second);
    }
    // Sinks drop what they wrote after the last committed batch.
    const std::map<QString, std::string> &committed = last ? last->sinks : snapshot->sinks;
    for (auto &n : m_nodes) {
        std::string why;
        const auto own = committed.find(n.id);
        if (n.sink && own != committed.end() && !n.sink->restoreCommitted(own->second, why)) {
            error = QStringLiteral("sink \"%1\": %2").arg(n.id, QString::fromStdString(why));
            return false;
        }
        const auto dead = committed.find(deadLetterKey(n.id));
        if (n.deadLetterSink && dead != committed.end() && !n.deadLetterSink->restoreCommitted(dead->second, why)) {
            error = QStringLiteral("source \"%1\": dead letters: %2").arg(n.id, QString::fromStdString(why));
            return false;
        }
    }
    if (const auto dead = committed.find(QLatin1String(kDefaultDeadLettersKey)); dead != committed.end()) {
        const QString path = m_pipeline.resolvePath(m_pipeline.name + QStringLiteral(".dead-letters.jsonl"));
        auto file = std::make_unique<FileSink>(path, QStringLiteral("jsonl"));
        file->enableExactlyOnce(m_pipeline.name + QStringLiteral("/$dead-letters"));
        std::string why;
        if (!file->restoreCommitted(dead->second, why) || !file->open(why)) {
            error = QStringLiteral("dead letters %1: %2").arg(path, QString::fromStdString(why));
            return false;
        }
        m_defaultDeadLetters = std::move(file);
    }
    return true;
}

bool Executor::resumeFromCheckpoint(QString &error)
{
    if (!m_checkpoint)
        return true;
    std::string message;
    if (m_lastSnapshotBatch < 0 && m_restoredState.empty()) {
        // The start: where the first batch reads from, and an empty snapshot.
        CheckpointStore::Commit start;
        start.batchId = -1;
        for (const auto &n : m_nodes) {
            if (n.source)
                start.positions[n.id] = n.source->positions();
        }
        if (!m_checkpoint->writeCommit(start, snapshotState(), message)) {
            error = QString::fromStdString(message);
            return false;
        }
        m_lastSnapshotBatch = m_lastCommittedBatch = -1;
        m_checkpointReport = QStringLiteral("checkpoint: %1 (new): exactly-once where the sinks allow it")
                                 .arg(QDir::toNativeSeparators(m_checkpoint->path()));
        return true;
    }
    if (!restoreState(m_restoredState, error))
        return false;
    m_restoredState.clear();
    m_batchId = m_lastSnapshotBatch;
    const auto logged = m_checkpoint->offsetsAfter(m_lastSnapshotBatch, message);
    if (!message.empty()) {
        error = QString::fromStdString(message);
        return false;
    }
    int64_t replayed = 0;
    for (const auto &entry : logged) {
        if (entry.batchId != m_batchId + 1) {
            error = QStringLiteral("checkpoint %1: the offset log goes from batch %2 to %3; start over with "
                                   "streamwright-cli run --reset-checkpoint")
                        .arg(m_checkpoint->path())
                        .arg(m_batchId)
                        .arg(entry.batchId);
            return false;
        }
        if (entry.batchId > m_lastCommittedBatch) {
            m_uncommitted = entry; // run again by the first step(), as it was logged
            break;
        }
        Timing timing;
        int64_t rows = 0;
        std::vector<int64_t> recordTimes;
        bool planned = false;
        if (!runBatch({!entry.noData, entry.watermark, false, &entry, true}, timing, rows, recordTimes, planned)) {
            error = QStringLiteral("replaying batch %1 from the checkpoint: %2").arg(entry.batchId).arg(this->error());
            return false;
        }
        ++m_batchId;
        m_noDataBatchDue = m_watermark.advance(m_nodes) && m_noDataBatches;
        ++replayed;
    }
    m_lastInputAt = 0;
    m_checkpointReport =
        QStringLiteral("checkpoint: %1: resuming after batch %2 (state of batch %3, %4 batch(es) replayed%5)")
            .arg(QDir::toNativeSeparators(m_checkpoint->path()))
            .arg(m_lastCommittedBatch)
            .arg(m_lastSnapshotBatch)
            .arg(replayed)
            .arg(m_uncommitted ? QStringLiteral("; batch %1 was not committed: running it again").arg(m_uncommitted->batchId)
                               : QString());
    m_checkpointProgress = {m_lastCommittedBatch, false, m_checkpoint->sizeBytes()};
    return true;
}

std::map<QString, std::string> Executor::snapshotState() const
{
    std::map<QString, std::string> state;
    StateWriter engine;
    engine.section(kEngineSection, kEngineVersion);
    engine.i64(m_watermark.current());
    engine.boolean(m_noDataBatchDue);
    // Sources and watermark nodes: the largest event time seen (the watermark's
    // base), and what a source needs besides its positions.
    auto kept = [](const RuntimeNode &n) { return n.source || n.eventTimeColumn >= 0; };
    engine.u64(uint64_t(std::count_if(m_nodes.begin(), m_nodes.end(), kept)));
    for (const auto &n : m_nodes) {
        if (!kept(n))
            continue;
        engine.bytes(n.id.toStdString());
        engine.i64(n.maxEventTime);
        engine.bytes(n.source ? n.source->checkpointState() : std::string());
    }
    state[QLatin1String(CheckpointStore::kEngineNode)] = engine.take();
    for (const auto &n : m_nodes) {
        if (n.op && n.op->isStateful()) {
            StateWriter out;
            n.op->snapshot(out);
            state[n.id] = out.take();
        }
    }
    return state;
}

bool Executor::restoreState(const std::map<QString, std::string> &state, QString &error)
{
    for (auto &n : m_nodes) {
        if (!n.op || !n.op->isStateful())
            continue;
        const auto it = state.find(n.id);
        if (it == state.end()) {
            error = QStringLiteral("checkpoint %1: no state of node \"%2\" in the snapshot of batch %3; start over with "
                                   "streamwright-cli run --reset-checkpoint")
                        .arg(m_checkpoint->path(), n.id)
                        .arg(m_lastSnapshotBatch);
            return false;
        }
        StateReader in(it->second);
        n.op->restore(in);
        if (!in.ok()) {
            error = QStringLiteral("checkpoint %1: the state of node \"%2\" cannot be restored: %3; start over with "
                                   "streamwright-cli run --reset-checkpoint")
                        .arg(m_checkpoint->path(), n.id, QString::fromStdString(in.error()));
            return false;
        }
    }
    m_watermark.restore(m_restoredWatermark);
    m_noDataBatchDue = (m_watermark.advance(m_nodes) || m_restoredNoDataDue) && m_noDataBatches;
    return true;
}

bool Executor::logOffsets(int64_t batchId, int64_t watermark, bool noData, const std::vector<SourcePlan> &plans)
{
    CheckpointStore::OffsetEntry entry;
    entry.batchId = batchId;
    entry.watermark = watermark;
    entry.noData = noData;
    for (size_t i = 0; i < plans.size() && i < m_nodes.size(); ++i) {
        if (m_nodes[i].source)
            entry.plans[m_nodes[i].id] = plans[i];
    }
    std::string message;
    if (!m_checkpoint->writeOffsets(entry, message)) {
        fail(QString::fromStdString(message));
        return false;
    }
    crashIfAskedTo("offsets", batchId);
    return true;
}

std::map<QString, std::string> Executor::sinkPositions() const
{
    std::map<QString, std::string> positions;
    for (const auto &n : m_nodes) {
        if (n.sink) {
            if (std::string s = n.sink->committedState(); !s.empty())
                positions[n.id] = std::move(s);
        }
        if (n.deadLetterSink) {
            if (std::string s = n.deadLetterSink->committedState(); !s.empty())
                positions[deadLetterKey(n.id)] = std::move(s);
        }
    }
    if (m_defaultDeadLetters)
        positions[QLatin1String(kDefaultDeadLettersKey)] = m_defaultDeadLetters->committedState();
    return positions;
}

bool Executor::commitBatch(Timing &timing)
{
    crashIfAskedTo("sinks", m_batchId);
    QElapsedTimer t;
    t.start();
    CheckpointStore::Commit commit;
    commit.batchId = m_batchId;
    for (const auto &n : m_nodes) {
        if (n.source)
            commit.positions[n.id] = n.source->positions();
    }
    commit.sinks = sinkPositions();
    const bool snapshot = m_batchId - m_lastSnapshotBatch >= m_everyBatches;
    std::string message;
    if (!m_checkpoint->writeCommit(commit, snapshot ? snapshotState() : std::map<QString, std::string>{}, message)) {
        fail(QString::fromStdString(message));
        return false;
    }
    m_lastCommittedBatch = m_batchId;
    if (snapshot)
        m_lastSnapshotBatch = m_batchId;
    timing.checkpoint += double(t.nsecsElapsed()) / 1e6;
    m_checkpointProgress = {m_batchId, snapshot, m_checkpoint->sizeBytes()};
    crashIfAskedTo("commit", m_batchId);
    return true;
}

bool Executor::stopCleanly()
{
    if (m_finished)
        return error().isEmpty();
    m_finished = true;
    m_stateRowsAtStop = 0;
    for (const auto &n : m_nodes) {
        if (n.op && n.context)
            m_stateRowsAtStop += n.op->stateRows();
    }
    bool ok = true;
    if (m_checkpoint && error().isEmpty() && m_lastCommittedBatch > m_lastSnapshotBatch) {
        std::string message;
        if (m_checkpoint->addState(m_lastCommittedBatch, snapshotState(), message)) {
            m_lastSnapshotBatch = m_lastCommittedBatch;
        } else {
            fail(QString::fromStdString(message));
            ok = false;
        }
    }
    closeSinksAndOperators();
    return ok;
}

} // namespace sw::runtime
