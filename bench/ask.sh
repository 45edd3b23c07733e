#!/bin/bash
# bench/ask.sh BUILD_DIR: ask's batch throughput and one-shot latency.
# Reports medians of repeated runs; never run as a test.
#   throughput: `awsai ask -o jsonl -` over 10,000 tasks, 5 runs
#   latency:    one-shot `awsai ask TASK` against bench-bare (a process
#               that opens the embedded catalog and runs one FTS5 query),
#               300 runs each, interleaved; median wall times, ratio
set -eu
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
awsai="$root/$build/awsai" bare="$root/$build/bench-bare"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# nanoseconds (microsecond resolution), from bash itself: reading
# EPOCHREALTIME starts no process, so the timing holds only the command
stamp() { stamp=${EPOCHREALTIME/./}000; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

jq -r .q "$root/tests/ask/cases.jsonl" >"$tmp/q"
: >"$tmp/tasks"
while [ "$(wc -l <"$tmp/tasks")" -lt 10000 ]; do cat "$tmp/q" >>"$tmp/tasks"; done
head -n 10000 "$tmp/tasks" >"$tmp/t10k"

for i in 1 2 3 4 5; do
	stamp; s=$stamp
	"$awsai" ask -o jsonl - <"$tmp/t10k" >/dev/null
	stamp; echo $((stamp - s))
done | median >"$tmp/batch"
ns=$(cat "$tmp/batch")
echo "batch: 10000 tasks in $((ns / 1000000)) ms (median of 5): $((10000 * 1000000000 / ns)) tasks/s"

# interleaved, so that both see the same machine state
: >"$tmp/a"; : >"$tmp/b"
for i in $(seq 300); do
	stamp; s=$stamp
	"$awsai" ask detect faces in photos >/dev/null 2>&1 || true
	stamp; echo $((stamp - s)) >>"$tmp/a"
	stamp; s=$stamp
	"$bare" >/dev/null 2>&1 || true
	stamp; echo $((stamp - s)) >>"$tmp/b"
done
a=$(median <"$tmp/a")
b=$(median <"$tmp/b")
echo "one-shot: awsai ask $((a / 1000)) us, bare open+query $((b / 1000)) us (medians of 300, interleaved): ratio $(awk "BEGIN { printf \"%.2f\", $a / $b }")"
