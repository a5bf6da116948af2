#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target of a -DSTREAMWRIGHT_FUZZ=ON build for a while each,
# starting from the corpora in tests/fuzz/corpus (and fresh snapshots for the
# state target); prints the executions per target. A crash, leak, timeout or
# sanitizer finding fails the run and leaves the input in $FUZZ_ARTIFACTS.
# Usage: scripts/fuzz.sh BUILD_DIR [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/fuzz.sh BUILD_DIR [SECONDS_PER_TARGET]}
seconds=${2:-15}
artifacts=${FUZZ_ARTIFACTS:-$build/fuzz-artifacts}
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/state"
"$build/tests/fuzz/fuzz_state_seeds" "$work/state"
status=0
for target in pipeline expression decoder state; do
    corpus="$work/$target-corpus"
    mkdir -p "$corpus"
    [ -d "tests/fuzz/corpus/$target" ] && cp "tests/fuzz/corpus/$target"/* "$corpus/"
    [ "$target" = state ] && cp "$work/state"/* "$corpus/"
    # New inputs go to a scratch corpus: the kept one changes only by hand.
    if ! "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$artifacts/$target-" "$corpus" >"$work/$target.log" 2>&1; then
        echo "fuzz_$target FOUND A PROBLEM (input in $artifacts):"
        grep -E "ERROR|runtime error|SUMMARY|Test unit written" "$work/$target.log" | head -20
        status=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target.log")
    echo "fuzz_$target: ${runs:-?} executions in ${seconds} s, corpus $(ls "$corpus" | wc -l) inputs"
done
exit $status
