#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every example pipeline on the same fixed input and writes what its sinks
# wrote (files, SQLite tables, Kafka topics) under OUTDIR, one text file per sink.
# Before a refactor of the engine, run it once; after, run it again and diff:
#   scripts/example-outputs.sh /tmp/before && ... && scripts/example-outputs.sh /tmp/after
#   diff -r /tmp/before /tmp/after
# RUN_ARGS adds options to every run (RUN_ARGS=--no-checkpoint: without the
# examples' checkpoints, every window is emitted at the end of the input).
# Input: 6,000 shop events and 1,200 sensor readings over two hours, a little out of
# order, on 4-partition topics of a `streamwright-cli broker`.
set -euo pipefail

out=${1:?usage: scripts/example-outputs.sh OUTDIR [BUILD_DIR]}
build=${2:-$(cd "$(dirname "$0")/.." && pwd)/build}
source_dir=$(cd "$(dirname "$0")/.." && pwd)
cli="$build/app/cli/streamwright-cli"
work=$(mktemp -d)
trap 'kill "$broker_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$cli" broker --topic user-events:4 --topic purchase-events:4 --topic sensor-readings:4 >"$work/broker.out" 2>&1 &
broker_pid=$!
for _ in $(seq 100); do
    grep -q '^bootstrap=' "$work/broker.out" && break
    sleep 0.1
done
bootstrap=$(sed -n 's/^bootstrap=//p' "$work/broker.out" | head -1)

# Deterministic events (an LCG; event time steps 1.2 s, up to 3 s out of order).
awk 'BEGIN {
    s = 12345; base = 1795000000000
    split("electronics books garden toys sports", cat, " ")
    split("view view view click add_to_cart", kind, " ")
    for (i = 0; i < 6000; ++i) {
        s = (s * 1103515245 + 12345) % 2147483648; u = s % 97
        s = (s * 1103515245 + 12345) % 2147483648; p = s % 40 + 1
        s = (s * 1103515245 + 12345) % 2147483648; k = s % 5 + 1; jitter = s % 3000
        t = base + i * 1200 - jitter
        printf "u-%03d|{\"user_id\":\"u-%03d\",\"product_id\":\"p-%04d\",\"category\":\"%s\",\"event_type\":\"%s\",\"price\":%d.%02d,\"ts\":%.0f}\n",
               u, u, p, cat[p % 5 + 1], kind[k], p * 3, p % 100, t > "/dev/stderr"
        if (i % 5 == 0)
            printf "u-%03d|{\"order_id\":\"o-%05d\",\"user_id\":\"u-%03d\",\"product_id\":\"p-%04d\",\"amount\":%d.%02d,\"ts\":%.0f}\n",
                   u, i, u, p, (s % 900) + 5, s % 100, t + 500
    }
}' >"$work/purchases" 2>"$work/users"
awk 'BEGIN {
    s = 777; base = 1795000000000
    for (i = 0; i < 1200; ++i) {
        s = (s * 1103515245 + 12345) % 2147483648; d = s % 12
        # every device pauses for 15 minutes in the middle, so sessions end
        t = base + i * 6000 - (s % 4000); if (i >= 500 && i < 650 && d < 6) continue
        printf "d-%02d|{\"device\":{\"id\":\"d-%02d\",\"site\":\"site-%d\"},\"metrics\":{\"temperature\":%d.%d,\"humidity\":%d,\"battery\":%d.%d},\"measured_at\":%.0f}\n",
               d, d, d % 3, 15 + s % 15, s % 10, 30 + s % 50, 3 + s % 2, s % 10, t
    }
}' >"$work/sensors"
kcat -P -b "$bootstrap" -t user-events -K '|' -l "$work/users"
kcat -P -b "$bootstrap" -t purchase-events -K '|' -l "$work/purchases"
kcat -P -b "$bootstrap" -t sensor-readings -K '|' -l "$work/sensors"

rm -rf "$out"
mkdir -p "$out"
for example in "$source_dir"/resources/examples/*.json; do
    name=$(basename "$example" .json)
    dir="$work/$name"
    mkdir -p "$dir"
    cp -r "$source_dir/resources/examples/data" "$dir/"
    sed 's/"startingOffsets": "latest"/"startingOffsets": "earliest"/' "$example" >"$dir/pipeline.json"
    # shellcheck disable=SC2086 # RUN_ARGS: extra options, word-split on purpose
    "$cli" run -q --until-idle 3 ${RUN_ARGS:-} --connection "local=$bootstrap" "$dir/pipeline.json" >"$dir/run.log" 2>&1 ||
        { echo "$name failed:"; cat "$dir/run.log"; exit 1; }
    for f in "$dir"/*.jsonl "$dir"/*.csv; do
        [ -e "$f" ] || continue
        cp "$f" "$out/$name.$(basename "$f")"
    done
    for db in "$dir"/*.db; do
        [ -e "$db" ] || continue
        for table in $(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'streamwright_progress' ORDER BY name"); do
            sqlite3 -header "$db" "SELECT * FROM \"$table\" ORDER BY 1, 2, 3" >"$out/$name.$(basename "$db" .db).$table.txt"
        done
    done
    # _timestamp is when kcat produced the input record: the only field that differs between runs.
    for topic in $(grep -o '"topic": "[^"]*"' "$example" | sed 's/.*: "//; s/"$//'); do
        kcat -C -b "$bootstrap" -t "$topic" -e -q -f '%k %s\n' | sed 's/,"_timestamp":"[^"]*"//' | sort >"$out/$name.topic.$topic.txt"
    done
done
wc -l "$out"/* | tail -n +1
