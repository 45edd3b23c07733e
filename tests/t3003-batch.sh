#!/bin/sh
# t3003-batch.sh: "ask -" answers a batch in worker processes (-j) and
# gives the same bytes, in input order, as one process; its errors stop
# it the same way.
. "$(dirname "$0")/lib.sh"

# every question of our own sets, an empty line, a line with a NUL, a
# line that matches nothing, and again: some hundreds of chunks' worth
cat "$ROOT"/tests/ask/*.jsonl | jq -r .q >"$T/q"
{ cat "$T/q"; echo; printf 'detect\000 faces in photos\n'; echo 'zzqx vvkw';
  cat "$T/q"; } >"$T/tasks"
lines=$(wc -l <"$T/tasks")
for f in jsonl tsv csv json; do
	RUN_STDIN="$T/tasks" run "$AWSAI" ask -o $f -j 1 -
	expect_status 0
	cp "$T/out" "$T/one.$f"
	for j in 2 3; do
		RUN_STDIN="$T/tasks" run "$AWSAI" ask -o $f -j $j -
		expect_status 0
		check "-o $f -j $j: the same bytes as -j 1" cmp "$T/out" "$T/one.$f"
	done
done
# chunks larger than a worker's pipe (a long task every fiftieth line)
# among small ones: the same bytes, and no deadlock
awk '{ print } NR % 50 == 0 { s = "translate these support tickets"
	for (i = 0; i < 8000; i++) s = s " into korean"; print s }' \
    "$T/q" >"$T/big"
RUN_STDIN="$T/big" run "$AWSAI" ask -o jsonl -j 1 -
cp "$T/out" "$T/big.one"
RUN_STDIN="$T/big" run timeout 120 "$AWSAI" ask -o jsonl -j 3 -
expect_status 0
check "chunks larger than a pipe, -j 3: the same bytes as -j 1" \
    cmp "$T/out" "$T/big.one"
# an answer does not depend on the questions before it: a word's typo
# correction is made for the word as typed ("weeds" -> "weeks"), not
# kept from another form of its token asked before ("weeding")
printf 'find weeds in drone photos\n' >"$T/alone"
printf 'our weeding robots need labeled images\nfind weeds in drone photos\n' >"$T/after"
RUN_STDIN="$T/alone" run "$AWSAI" ask -o jsonl -j 1 -
cp "$T/out" "$T/alone.out"
RUN_STDIN="$T/after" run "$AWSAI" ask -o jsonl -j 1 -
check "an answer does not depend on the questions before it" sh -c \
    'tail -1 "$1" | cmp - "$2"' sh "$T/out" "$T/alone.out"
# and every tenth of our questions asked alone gives what the batch gave
# (synonym groups are brought in the catalog's order, whatever loaded
# them first)
awk 'NR % 10 == 1' "$T/q" >"$T/tenth"
RUN_STDIN="$T/tenth" run "$AWSAI" ask -o jsonl -j 1 -
cp "$T/out" "$T/tenth.batch"
: >"$T/tenth.alone"
while IFS= read -r line; do
	printf '%s\n' "$line" | "$AWSAI" ask -o jsonl -j 1 - >>"$T/tenth.alone"
done <"$T/tenth"
check "each question alone: the answer the batch gave it" \
    cmp "$T/tenth.batch" "$T/tenth.alone"
# (a word that loaded its synonym group first, then a question that
# brings more groups than it can search: the same ones either way)
q="a cost-effective multimodal foundation model that understands text, images, and video"
printf '%s\n' "$q" >"$T/alone"
printf 'images\n%s\n' "$q" >"$T/after"
RUN_STDIN="$T/alone" run "$AWSAI" ask -o jsonl -j 1 -
cp "$T/out" "$T/alone.out"
RUN_STDIN="$T/after" run "$AWSAI" ask -o jsonl -j 1 -
check "synonym groups: the same whatever loaded them first" sh -c \
    'tail -1 "$1" | cmp - "$2"' sh "$T/out" "$T/alone.out"
check "jsonl: one line per task, in order" sh -c \
    '[ "$(wc -l <"$1")" -eq "$2" ] && [ "$(jq -r .query "$1" | head -1)" = "$(head -1 "$3")" ]' \
    sh "$T/one.jsonl" "$lines" "$T/tasks"
check "tsv: one header, at the top" sh -c \
    '[ "$(grep -c "^line	rank" "$1")" -eq 1 ] && head -1 "$1" | grep -q "^line	rank"' \
    sh "$T/one.tsv"
check "a NUL is a space" jq -e -s 'map(select(.query == "detect  faces in photos")) | length == 1' "$T/one.jsonl"
RUN_STDIN="$T/tasks" run "$AWSAI" --no-headers ask -o tsv -j 2 -
check "--no-headers -j 2: no header" sh -c '! grep -q "^line	rank" "$1"' sh "$T/out"

# nothing matches anywhere: 1, in workers as in one process
awk '{ print "zzqx vvkw" NR }' "$T/q" >"$T/none"
RUN_STDIN="$T/none" run "$AWSAI" ask -o jsonl -j 2 -
expect_status 1

# a task too long, after some hundreds: what came before, then exit 2
{ cat "$T/q"; head -c 5000000 /dev/zero | tr '\0' a; echo; echo faces; } >"$T/long"
RUN_STDIN="$T/long" run "$AWSAI" ask -o jsonl -j 2 -
expect_status 2
expect_err "line $(($(wc -l <"$T/q") + 1)) is longer than 4 MiB"
check "the tasks before the long one are answered" sh -c \
    '[ "$(wc -l <"$1")" -eq "$2" ]' sh "$T/out" "$(wc -l <"$T/q")"

# bad -j values are usage errors
run "$AWSAI" ask -j 0 -
expect_status 2
run "$AWSAI" ask -j x -
expect_status 2
expect_err "-j"

# damaged search data found by a worker: 65, with the reason
"$AWSAI" build "$T/ok.db" "$ROOT/catalog" >/dev/null 2>&1
cp "$T/ok.db" "$T/lists.db"
sqlite3 "$T/lists.db" "UPDATE search_tokens SET cues = 'x' WHERE tok = 'face'" 2>/dev/null
RUN_STDIN="$T/q" run "$AWSAI" --catalog "$T/lists.db" ask -o jsonl -j 2 -
expect_status 65
expect_err "malformed"

# the batch killed midway: its workers see their pipes close and end too
cp "$AWSAI" "$T/awsai-stop"
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$T/q"; done >"$T/many"
"$T/awsai-stop" ask -o jsonl -j 2 - <"$T/many" >/dev/null 2>&1 &
pid=$!
sleep 0.2
kill -TERM "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
sleep 1
# (one that ended is at most a zombie until its new parent reaps it)
check "no worker outlives a killed batch" sh -c \
    '[ -z "$(ps -eo stat=,args= | awk -v p="$1" "\$1 !~ /^Z/ && \$2 == p")" ]' \
    sh "$T/awsai-stop"

done_testing
