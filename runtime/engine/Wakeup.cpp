// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/Wakeup.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>

namespace sw::runtime {

Wakeup::Wakeup() : m_fd(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{
}

Wakeup::~Wakeup()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

namespace {
const uint64_t kOne = 1;
}

const void *Wakeup::payload()
{
    return &kOne;
}

void Wakeup::notify()
{
    [[maybe_unused]] const auto written = ::write(m_fd, &kOne, sizeof kOne);
}

bool Wakeup::wait(int ms)
{
    pollfd p{m_fd, POLLIN, 0};
    const bool woken = ::poll(&p, 1, ms) > 0;
    // Every write since the last wait adds to one counter: one read clears it.
    uint64_t value;
    [[maybe_unused]] const auto read = ::read(m_fd, &value, sizeof value);
    return woken;
}

} // namespace sw::runtime
