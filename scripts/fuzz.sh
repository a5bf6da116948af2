#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target of a -DSTREAMWRIGHT_FUZZ=ON build, starting from the
# corpora in tests/fuzz/corpus (and fresh snapshots for the state target); prints
# the executions per target. A crash, leak, timeout or sanitizer finding fails the
# run and leaves the input in $FUZZ_ARTIFACTS.
# Usage: scripts/fuzz.sh BUILD_DIR [SECONDS_PER_TARGET]
# Without SECONDS (as CI runs it): a fixed seed and a fixed number of executions per
# target (about 10 s each here): the same budget on any machine and mostly the same
# inputs each run, so that CI rarely finds something new by chance. With SECONDS:
# a random seed for that long, to look for what is new; add what it finds to the
# corpus with a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/fuzz.sh BUILD_DIR [SECONDS_PER_TARGET]}
seconds=${2:-}
artifacts=${FUZZ_ARTIFACTS:-$build/fuzz-artifacts}
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/state" "$work/recording"
"$build/tests/fuzz/fuzz_state_seeds" "$work/state"
"$build/tests/fuzz/fuzz_recording_seeds" "$work/recording"
status=0
declare -A runs=([pipeline]=40000 [expression]=250000 [decoder]=300000 [state]=150000 [recording]=20000)
for target in pipeline expression decoder state recording; do
    corpus="$work/$target-corpus"
    mkdir -p "$corpus"
    [ -d "tests/fuzz/corpus/$target" ] && cp "tests/fuzz/corpus/$target"/* "$corpus/"
    [ "$target" = state ] && cp "$work/state"/* "$corpus/"
    [ "$target" = recording ] && cp "$work/recording"/* "$corpus/"
    # New inputs go to a scratch corpus: the kept one changes only by hand.
    if [ -n "$seconds" ]; then budget=(-max_total_time="$seconds"); else budget=(-seed=1 -runs="${runs[$target]}"); fi
    if ! "$build/tests/fuzz/fuzz_$target" "${budget[@]}" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$artifacts/$target-" "$corpus" >"$work/$target.log" 2>&1; then
        echo "fuzz_$target FOUND A PROBLEM (input in $artifacts):"
        grep -E "ERROR|runtime error|SUMMARY|Test unit written" "$work/$target.log" | head -20
        status=1
    fi
    executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target.log")
    echo "fuzz_$target: ${executed:-?} executions${seconds:+ in $seconds s}, corpus $(ls "$corpus" | wc -l) inputs"
done
exit $status
