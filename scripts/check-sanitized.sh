#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The checking build: everything built with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer (any finding fails), the whole test suite run once
# in it, then every fuzz target for a while (scripts/fuzz.sh). test.sh runs it
# after the suite; a second build directory, cached by ccache like the first.
# Environment: SANITIZE_DIR (default: build-sanitize), FUZZ_SECONDS (per target:
# random exploration for that long instead of the fixed, repeatable runs), JOBS.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${SANITIZE_DIR:-build-sanitize}
if [ ! -f "$dir/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  CXX=clang++ cmake -S . -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSTREAMWRIGHT_SANITIZE=address,undefined -DSTREAMWRIGHT_FUZZ=ON -DSTREAMWRIGHT_BUILD_BENCHMARKS=OFF
fi
cmake --build "$dir" --parallel "${JOBS:-$(nproc)}"
echo "check-sanitized: the suite under AddressSanitizer + UndefinedBehaviorSanitizer"
(cd "$dir" && ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure --parallel "${JOBS:-$(nproc)}")
echo "check-sanitized: fuzzing${FUZZ_SECONDS:+, $FUZZ_SECONDS s per target}"
scripts/fuzz.sh "$dir" ${FUZZ_SECONDS:+"$FUZZ_SECONDS"}
