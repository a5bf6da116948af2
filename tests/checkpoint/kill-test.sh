#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The kill test of checkpoints: a windowed pipeline reads a backlog from a broker
# in another process (`streamwright-cli broker`) and is killed with kill -9 at
# random moments, and at chosen ones (STREAMWRIGHT_CHECKPOINT_FAULT: right after
# a batch's offsets were logged, after its sinks were written but before it was
# committed, right after the commit), restarted each time, then run to the end.
# Its sinks (a JSON Lines file and a SQLite table) must then hold exactly what an
# uninterrupted run's hold: no row lost, none doubled, every aggregate equal.
#
#   tests/checkpoint/kill-test.sh CLI [KILLS] [EVENTS]
#
# ctest runs it with 24 kills (under two minutes); by hand, e.g. 200 kills of
# 300,000 events: tests/checkpoint/kill-test.sh build/app/cli/streamwright-cli 200 300000
set -euo pipefail

cli=${1:?usage: kill-test.sh CLI [KILLS] [EVENTS]}
kills=${2:-24}
events=${3:-60000}
work=$(mktemp -d)
broker_pid=
cleanup() {
    [ -n "$broker_pid" ] && kill "$broker_pid" 2>/dev/null || true
    pkill -9 -f "streamwright-cli run $work/" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$cli" broker --topic events:4 >"$work/broker.out" 2>&1 &
broker_pid=$!
for _ in $(seq 100); do
    grep -q '^bootstrap=' "$work/broker.out" && break
    sleep 0.1
done
bootstrap=$(sed -n 's/^bootstrap=//p' "$work/broker.out" | head -1)
[ -n "$bootstrap" ] || { echo "the broker did not start"; cat "$work/broker.out"; exit 1; }

# Shop events 1.2 s apart in event time, up to 3 s out of order, keyed by user
# over 4 partitions. The watermark delay (10 s) is longer than the disorder, so
# no row is ever late and the result does not depend on where batches begin.
awk -v n="$events" 'BEGIN {
    s = 4242; base = 1795000000000
    split("electronics books garden toys sports", cat, " ")
    for (i = 0; i < n; ++i) {
        s = (s * 1103515245 + 12345) % 2147483648; u = s % 97
        s = (s * 1103515245 + 12345) % 2147483648; p = s % 40 + 1; jitter = s % 3000
        printf "u-%03d|{\"user_id\":\"u-%03d\",\"category\":\"%s\",\"price\":%d.%02d,\"ts\":%.0f}\n",
               u, u, cat[p % 5 + 1], p * 3, p % 100, base + i * 1200 - jitter
    }
}' >"$work/events"
kcat -P -b "$bootstrap" -t events -K '|' -l "$work/events"

pipeline() { # $1: the run's folder
    mkdir -p "$1"
    cat >"$1/pipeline.json" <<EOF
{"format": "streamwright.pipeline/1", "name": "kill-test",
 "connections": {"local": {"kind": "kafka", "bootstrap": "$bootstrap"}},
 "nodes": [
  {"id": "events", "type": "source.kafka", "position": [0, 0], "config": {"connection": "local", "topics": ["events"],
   "startingOffsets": "earliest", "group": "kill-test-$(basename "$1")",
   "schema": [{"name": "user_id", "type": "string"}, {"name": "category", "type": "string"},
              {"name": "price", "type": "double"}, {"name": "ts", "type": "timestamp"}],
   "eventTime": {"field": "ts", "watermarkDelay": "10s"}}},
  {"id": "per_minute", "type": "window.aggregate", "position": [0, 0], "config": {"window": {"kind": "tumbling", "size": "1m"},
   "groupBy": ["category"], "aggregates": [{"name": "n", "fn": "count"}, {"name": "revenue", "fn": "sum", "expr": "price"},
   {"name": "users", "fn": "count_distinct", "expr": "user_id"}]}},
  {"id": "sessions", "type": "window.aggregate", "position": [0, 0], "config": {"window": {"kind": "session", "gap": "2m"},
   "groupBy": ["user_id"], "aggregates": [{"name": "n", "fn": "count"}, {"name": "spent", "fn": "sum", "expr": "price"}]}},
  {"id": "minutes", "type": "sink.file", "position": [0, 0], "config": {"path": "minutes.jsonl"}},
  {"id": "visits", "type": "sink.sqlite", "position": [0, 0], "config": {"path": "visits.db", "table": "visits"}}
 ],
 "edges": [{"from": "events", "to": "per_minute"}, {"from": "events", "to": "sessions"},
           {"from": "per_minute", "to": "minutes"}, {"from": "sessions", "to": "visits"}],
 "runtime": {"trigger": "25ms", "maxBatchRows": 200, "checkpoint": {"dir": "checkpoint", "everyBatches": 4}}}
EOF
}

result() { # $1: the run's folder; every row written, sorted
    sort "$1/minutes.jsonl"
    sqlite3 "$1/visits.db" "SELECT * FROM visits" | sort
}

run_to_end() { # $1: folder
    "$cli" run -q --until-idle 2 "$1/pipeline.json" >>"$1/log" 2>&1 || { echo "a run failed:"; tail -20 "$1/log"; exit 1; }
}

started=$(date +%s)
progress=
pipeline "$work/reference"
run_to_end "$work/reference"
result "$work/reference" >"$work/expected"
rows=$(wc -l <"$work/expected")
[ "$rows" -gt 100 ] || { echo "the reference run wrote only $rows rows"; exit 1; }

pipeline "$work/killed"
RANDOM=7
committed() { sqlite3 "$work/killed/checkpoint/checkpoint.db" "SELECT coalesce(max(batch_id), -1) FROM commits" 2>/dev/null || echo -1; }
for i in $(seq "$kills"); do
    fault=
    case $((i % 8)) in # every eighth kill at each chosen point, the rest at random moments
        1) fault="offsets" ;;
        3) fault="sinks" ;;
        5) fault="commit" ;;
    esac
    if [ -n "$fault" ]; then
        # A batch a little after where the last run got to.
        at=$(($(committed) + 2 + RANDOM % 5))
        STREAMWRIGHT_CHECKPOINT_FAULT="$fault:$at" "$cli" run -q --until-idle 2 "$work/killed/pipeline.json" \
            >>"$work/killed/log" 2>&1 &
        wait $! 2>/dev/null || true
    else
        "$cli" run -q --until-idle 2 "$work/killed/pipeline.json" >>"$work/killed/log" 2>&1 &
        pid=$!
        sleep "0.$((2 + RANDOM % 5))"
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    progress="$progress $(committed)"
done
resumes=$(grep -c 'resuming after batch' "$work/killed/log" || true)
reruns=$(grep -c 'was not committed: running it again' "$work/killed/log" || true)
faults=$(grep -c 'STREAMWRIGHT_CHECKPOINT_FAULT: dying' "$work/killed/log" || true)
run_to_end "$work/killed"
result "$work/killed" >"$work/got"

if ! diff -q "$work/expected" "$work/got" >/dev/null; then
    echo "FAIL: after $kills kills the sinks differ from an uninterrupted run's:"
    diff "$work/expected" "$work/got" | head -20
    echo "lost: $(comm -23 "$work/expected" "$work/got" | wc -l) rows, doubled or new: $(comm -13 "$work/expected" "$work/got" | wc -l)"
    exit 1
fi
echo "last committed batch after each kill:$progress"
echo "kill test: $kills kills ($faults at chosen points), $resumes restarts resumed from the checkpoint," \
     "$reruns re-ran an uncommitted batch; $events events, $rows result rows equal to the uninterrupted run's" \
     "($(($(date +%s) - started)) s)"
