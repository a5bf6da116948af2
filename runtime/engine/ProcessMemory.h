// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sw::runtime {

// Keeps memory the process frees for its next batches instead of handing it back
// to the kernel. Every micro-batch allocates columns and arenas of about the same
// size and frees them again; with glibc's defaults the larger ones were mapped and
// unmapped each time, and the kernel zeroed fresh pages for every batch (decoding
// 10,000 events took 15 % longer, measured with bench_operators). The process
// then stays at its high-water mark, as a streaming engine's heap does anyway.
// Idempotent; does nothing where the C library has no such settings.
void keepFreedMemoryInProcess();

} // namespace sw::runtime
