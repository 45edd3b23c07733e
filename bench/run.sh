#!/bin/bash
# bench/run.sh BUILD_DIR: awsai's speed against the C floor, as one table.
# Never run as a test (`make bench`). The floor is bench-bare: a process
# that opens the embedded catalog and runs one FTS5 query, linked like
# awsai. One-shot figures are medians of RUNS paired runs, awsai and the
# floor interleaved so both see the same machine; batch figures are
# medians of 3 runs; a ten-times catalog (bench/grow.py) is built into
# build/bench10 and must give the same answers.
set -eu
build=${1:-build}
runs=${RUNS:-200}
root=$(cd "$(dirname "$0")/.." && pwd)
awsai="$root/$build/awsai" bare="$root/$build/bench-bare"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# wall time in ns of one command, from bash itself (EPOCHREALTIME starts
# no process, so the timing holds only the command)
now() { t=${EPOCHREALTIME/./}000; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# paired LABEL CMD...: median ns of CMD and of the floor, interleaved;
# CMD reads $stdin (bash redirects it: no shell process is timed)
stdin=/dev/null
paired() {
	label=$1; shift
	: >"$tmp/a"; : >"$tmp/b"
	for _ in $(seq "$runs"); do
		now; s=$t; "$@" <"$stdin" >/dev/null 2>&1 || true; now
		echo $((t - s)) >>"$tmp/a"
		now; s=$t; "$bare" >/dev/null 2>&1 || true; now
		echo $((t - s)) >>"$tmp/b"
	done
	last=$(median <"$tmp/a")
	if [ "$stdin" = /dev/null ]; then
		row "$label" "$last" "$(median <"$tmp/b")" "$*"
	else
		row "$label" "$last" "$(median <"$tmp/b")" "$* < ${stdin##*/}"
	fi
}
# against LABEL REF BIN ARG...: median ns of BIN ARG... and of REF
# ARG..., interleaved, as a row with REF in the floor's column; ratio is
# the one
against() {
	label=$1 ref=$2 bin=$3; shift 3
	: >"$tmp/a"; : >"$tmp/b"
	for _ in $(seq "$runs"); do
		now; s=$t; "$bin" "$@" </dev/null >/dev/null 2>&1 || true; now
		echo $((t - s)) >>"$tmp/a"
		now; s=$t; "$ref" "$@" </dev/null >/dev/null 2>&1 || true; now
		echo $((t - s)) >>"$tmp/b"
	done
	last=$(median <"$tmp/a") base=$(median <"$tmp/b")
	ratio=$(awk "BEGIN { print $last / $base }")
	row "$label" "$last" "$base" "$bin $* (1x: floor column)"
}
row() {	# LABEL NS FLOOR_NS COMMAND (cut to 60 characters)
	cmd=${4//$root\//}
	[ ${#cmd} -gt 60 ] && cmd="${cmd:0:57}..."
	printf '| %s | %d us | %d us | %.2fx | `%s` |\n' "$1" $(($2 / 1000)) \
	    $(($3 / 1000)) "$(awk "BEGIN { print $2 / $3 }")" "$cmd"
}
rate() {	# LABEL LINES FILE: median tasks/s of ask - over FILE
	for _ in 1 2 3; do
		now; s=$t
		"$awsai" ask -o jsonl - <"$3" >/dev/null
		now; echo $((t - s))
	done | median >"$tmp/ns"
	printf '| %s | %d tasks/s | | | `awsai ask -o jsonl - < %s` |\n' \
	    "$1" $(($2 * 1000000000 / $(cat "$tmp/ns"))) "$(basename "$3")"
}
rss() {	# LABEL CMD...: peak resident set, KiB
	label=$1; shift
	/usr/bin/time -f %M "$@" >/dev/null 2>"$tmp/rss" || true
	printf '| %s | %d KiB | | | `%s` |\n' "$label" "$(tail -1 "$tmp/rss")" \
	    "${*/$root\//}"
}

short="detect faces in photos"
long="Our insurance company receives thousands of scanned claim forms every \
day, with handwriting, tables and signatures, and we want to pull out the \
policy number, dates and amounts automatically and send anything the \
model is unsure about to a person for review before it reaches our \
claims system"
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"b","version":"0"}}}'
call='{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ask","arguments":{"task":"OCR for scanned invoices"}}}'
printf '%s\n%s\n' "$init" "$call" >"$tmp/mcp.in"

# batch inputs: every own and test question, cycled; and random words
cat "$root"/tests/ask/*.jsonl | jq -r .q >"$tmp/q"
for n in 1000 10000 100000; do
	: >"$tmp/mixed"
	while [ "$(wc -l <"$tmp/mixed")" -lt $n ]; do
		cat "$tmp/q" >>"$tmp/mixed"
	done
	head -n $n "$tmp/mixed" >"$tmp/mixed-$n.txt"
done
python3 -c '
import random
random.seed(7)
a = "abcdefghijklmnopqrstuvwxyz"
for _ in range(100000):
    print(" ".join("".join(random.choice(a) for _ in range(random.randint(3, 10)))
          for _ in range(random.randint(3, 12))))' >"$tmp/random-100000.txt"

# the ten-times catalog, embedded in its own build
python3 "$root/bench/grow.py" "$root/catalog" "$root/build/bench10/catalog" 10
make -C "$root" --no-print-directory BUILD=build/bench10 \
    CATALOG_DIR=build/bench10/catalog all >/dev/null
big="$root/build/bench10/awsai"

echo "awsai $("$awsai" --version | head -1 | cut -d' ' -f2), $(nproc) cores, $runs paired runs per one-shot figure, $(date -u +%F)"
echo
echo "| figure | awsai | floor | ratio | command |"
echo "| --- | --- | --- | --- | --- |"
paired "ask, short task" "$awsai" ask "$short"
paired "ask, 40-word scenario" "$awsai" ask "$long"
paired "show" "$awsai" show rekognition
paired "list" "$awsai" list
paired "completion" "$awsai" __complete show rek
stdin=$tmp/mcp.in
paired "MCP initialize + one ask" "$awsai" mcp
stdin=/dev/null
paired "10x catalog: ask, short" "$big" ask "$short"
paired "10x catalog: ask, 40 words" "$big" ask "$long"
# the 10x catalog against the 1x one, run for run: the floor drifts
# between rows more than the two differ
against "10x against 1x: ask, short" "$awsai" "$big" ask "$short"
ten_short=$ratio
against "10x against 1x: ask, 40 words" "$awsai" "$big" ask "$long"
ten_long=$ratio
for n in 1000 10000 100000; do
	rate "batch, $n mixed lines" $n "$tmp/mixed-$n.txt"
done
rate "batch, 100000 lines of random words" 100000 "$tmp/random-100000.txt"
rss "peak RSS, one-shot ask" "$awsai" ask "$short"
rss "peak RSS, floor" "$bare"
rss "peak RSS, batch of 100000 mixed" sh -c "exec '$awsai' ask -o jsonl - < '$tmp/mixed-100000.txt'"
rss "peak RSS, batch of 100000 random" sh -c "exec '$awsai' ask -o jsonl - < '$tmp/random-100000.txt'"

# the same answers with ten times the services: an answer is its
# original's id, with the copy's -xK cut off
sort -u "$tmp/q" >"$tmp/uq"
# (for one that differs: how far below the 1x top score the 1x catalog
# put the 10x answer's original, in percent)
"$awsai" ask -o jsonl --all -n 20 - <"$tmp/uq" | jq -r '
    (.results[0].score // 0) as $top | [.results[0].id // "-",
    (.results | map("\(.id)=\(if $top > 0 then (100 * ($top - .score) / $top)
    else 0 end)") | join(" "))] | @tsv' >"$tmp/one"
"$big" ask -o jsonl -n 1 - <"$tmp/uq" | jq -r '.results[0].id // "-"' |
    sed 's/-x[0-9]*$//' >"$tmp/ten"
paste "$tmp/one" "$tmp/ten" | awk -F'\t' '
    $1 == $3 { same++; next }
    { gap = "absent"; n = split($2, r, " ")
      for (i = 1; i <= n; i++) { split(r[i], kv, "=")
        if (kv[1] == $3) gap = sprintf("%.1f%%", kv[2]) }
      gaps = gaps (gaps == "" ? "" : ", ") gap }
    END { printf "%d\t%s\n", same, gaps == "" ? "none" : gaps }' >"$tmp/same"
same=$(cut -f1 "$tmp/same")
echo
echo "10x catalog ($("$big" version | sed -n 2p | sed 's/.*: \([0-9]*\) services.*/\1/') services): one-shot ask $(awk "BEGIN { printf \"%.2f\", $ten_short }")x (short) and $(awk "BEGIN { printf \"%.2f\", $ten_long }")x (40 words) the 1x catalog's, run against it; the same first answer for $same of $(wc -l <"$tmp/uq") distinct questions; where not, the 10x answer's 1x score was this far below the top: $(cut -f2 "$tmp/same")"
