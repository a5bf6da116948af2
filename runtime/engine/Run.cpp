// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/Run.h"

namespace sw::runtime {

Run::~Run()
{
    stop();
    wait();
}

void Run::start(std::function<void()> onBatch)
{
    m_onBatch = std::move(onBatch);
    m_thread = std::thread([this] { loop(); });
}

void Run::loop()
{
    int64_t lastBatch = m_executor.batchId();
    while (!m_stopRequested) {
        {
            std::unique_lock lock(m_mutex);
            const auto ready = [this] { return m_stopRequested || !m_paused || m_steps > 0 || m_seek; };
            // Paused: the topics go on growing; every 2 s the sources ask their
            // clusters how far (lag, Burrow's STOP), as a running batch would.
            if (!m_wake.wait_for(lock, std::chrono::seconds(2), ready)) {
                lock.unlock();
                m_executor.refreshLag();
                continue;
            }
            if (m_stopRequested)
                break;
            if (m_seek) { // between batches, on this thread, as every batch runs
                m_seek->ok = m_executor.seek(m_seek->batchId, m_seek->error);
                m_seek->done = true;
                m_seek = nullptr;
                lastBatch = m_executor.batchId();
                m_seekDone.notify_all();
                continue;
            }
        }
        const Executor::Step step = m_executor.step();
        if (m_executor.batchId() != lastBatch) {
            lastBatch = m_executor.batchId();
            {
                std::lock_guard lock(m_mutex);
                if (m_steps > 0)
                    --m_steps;
            }
            if (m_executor.debugging() && m_executor.takeBreakpointHit())
                pause(); // after the batch that hit it: look at it, then step or resume
            if (m_onBatch)
                m_onBatch();
        }
        if (step == Executor::Step::Failed) {
            m_failed = true;
            break;
        }
        if (step == Executor::Step::Finished) {
            m_finished = true;
            break;
        }
    }
    // Stopped (not failed, not at the end of input, which closed everything):
    // with a checkpoint, the last commit gets the operators' state.
    if (!m_failed && !m_finished && !m_executor.stopCleanly())
        m_failed = true;
    std::lock_guard lock(m_mutex);
    m_over = true;
    m_seekDone.notify_all();
}

void Run::pause()
{
    std::lock_guard lock(m_mutex);
    m_paused = true;
    m_wake.notify_all();
}

void Run::resume()
{
    std::lock_guard lock(m_mutex);
    m_paused = false;
    m_steps = 0;
    m_wake.notify_all();
}

void Run::step()
{
    std::lock_guard lock(m_mutex);
    m_paused = true;
    ++m_steps;
    m_wake.notify_all();
}

bool Run::seek(int64_t batchId, QString &error)
{
    SeekRequest request;
    request.batchId = batchId;
    std::unique_lock lock(m_mutex);
    if (m_over) {
        error = QStringLiteral("the run is over");
        return false;
    }
    m_paused = true;
    m_steps = 0;
    m_seek = &request;
    m_wake.notify_all();
    // A batch under way finishes first; one waiting for records gives up at a stop only.
    if (!m_seekDone.wait_for(lock, std::chrono::seconds(60), [&] { return request.done || m_over.load(); })) {
        m_seek = nullptr;
        error = QStringLiteral("the run did not get to the seek within 60 s");
        return false;
    }
    if (!request.done) {
        m_seek = nullptr;
        error = QStringLiteral("the run ended");
        return false;
    }
    error = request.error;
    return request.ok;
}

void Run::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = true;
        m_wake.notify_all();
    }
    m_executor.requestStop(); // a batch waiting for planned records gives up
}

void Run::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

Run::State Run::state() const
{
    if (m_failed)
        return State::Failed;
    if (m_finished)
        return State::Finished;
    if (m_stopRequested)
        return State::Stopping;
    return m_paused ? State::Paused : State::Running;
}

} // namespace sw::runtime
