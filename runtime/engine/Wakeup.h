// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sw::runtime {

// Wakes the executor thread when input arrives, so that an idle pipeline waits
// for records of any of its sources at once instead of for each in turn. Sources
// hand fd() and payload() to librdkafka (rd_kafka_queue_io_event_enable), which
// writes it when a queue goes from empty to non-empty. A Linux eventfd: a write
// must be one 8-byte counter, so that is the payload. Any thread may notify.
class Wakeup
{
public:
    Wakeup();
    ~Wakeup();
    Wakeup(const Wakeup &) = delete;
    Wakeup &operator=(const Wakeup &) = delete;

    int fd() const { return m_fd; }
    static const void *payload();
    static constexpr int kPayloadSize = 8;
    void notify();
    // Waits until notified or `ms` passed; true when notified. Clears the
    // notification, so the next wait waits again.
    bool wait(int ms);

private:
    int m_fd = -1;
};

} // namespace sw::runtime
