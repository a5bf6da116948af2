// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ProcessMemory.h"

#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace sw::runtime {

void keepFreedMemoryInProcess()
{
#if defined(__GLIBC__)
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 32 << 20); // below 32 MiB from the heap (glibc's own upper bound)
        mallopt(M_TRIM_THRESHOLD, 256 << 20); // give back only beyond 256 MiB free at the top
    });
#endif
}

} // namespace sw::runtime
