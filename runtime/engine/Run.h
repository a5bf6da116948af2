// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/RunStatus.h"
#include "engine/Executor.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace sw::runtime {

// A pipeline run: the executor's batch loop on a thread of its own, paused,
// stepped and stopped from any thread (the control API, the app, a signal
// handler's flag). Pausing takes effect between batches: a batch that has
// started finishes. A step while paused runs exactly one batch (a no-data batch
// counts: it is what emits the windows the watermark closed). Stopping ends the
// loop after the current batch; a batch still waiting for planned records gives
// up uncommitted.
class Run
{
public:
    using State = RunStatus::State;

    explicit Run(Executor &executor) : m_executor(executor) {}
    ~Run();
    Run(const Run &) = delete;
    Run &operator=(const Run &) = delete;

    // Starts the loop. `onBatch` runs on the loop's thread after every batch.
    void start(std::function<void()> onBatch = {});
    void pause();
    void resume();
    // While paused: one more batch.
    void step();
    // The debugger (RunOptions::debug): pauses, then goes to the end of batch
    // `batchId` on the loop's thread; waits for it. A breakpoint that a batch hits
    // pauses the run after that batch.
    bool seek(int64_t batchId, QString &error);
    void stop();
    // Waits until the loop has ended (finished, failed or stopped).
    void wait();

    State state() const;
    bool isOver() const { return m_over; }
    bool paused() const { return m_paused; }

private:
    void loop();

    Executor &m_executor;
    std::function<void()> m_onBatch;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake; // pause, step, resume and stop wake a paused loop
    std::atomic<bool> m_paused{false};
    int m_steps = 0; // batches to run while paused (guarded by m_mutex)
    struct SeekRequest
    {
        int64_t batchId = -1;
        bool done = false;
        bool ok = false;
        QString error;
    };
    SeekRequest *m_seek = nullptr; // guarded by m_mutex; the asking thread owns it
    std::condition_variable m_seekDone;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_finished{false};
    std::atomic<bool> m_failed{false};
    std::atomic<bool> m_over{false};
};

} // namespace sw::runtime
