#!/bin/sh
# t3100: ask accuracy. Prints top-1 / top-3 for each set and language and
# fails below 90% / 97% on our own cases (tests/ask/cases.jsonl) or below
# 85% / 95% on the shared development set (../shared/eval/ask-dev.jsonl).
. "$(dirname "$0")/lib.sh"

check "own cases: at least 150, 100 English, 40 Korean" sh -c '
	[ "$(wc -l <"$1")" -ge 150 ] &&
	[ "$(grep -c "\"lang\": *\"en\"" "$1")" -ge 100 ] &&
	[ "$(grep -c "\"lang\": *\"ko\"" "$1")" -ge 40 ]' sh "$ROOT/tests/ask/cases.jsonl"
if [ -f "$ROOT/../shared/eval/ask-dev.jsonl" ]; then
	jq -r .q "$ROOT/../shared/eval/ask-dev.jsonl" >"$T/dev.q"
	cat "$ROOT/tests/ask/cases.jsonl" "$ROOT/tests/ask/exam.jsonl" |
	    jq -r .q >"$T/own.q"
	check "own cases are not copied from the shared set" sh -c \
	    '! grep -qxFf "$1" "$2"' sh "$T/dev.q" "$T/own.q"
fi

sh "$ROOT/tests/ask/score.sh" "$AWSAI" "$ROOT/tests/ask/cases.jsonl" \
    "accuracy own-tasks" 0 0 2>&1
sh "$ROOT/tests/ask/score.sh" "$AWSAI" "$ROOT/tests/ask/exam.jsonl" \
    "accuracy own-exam" 0 0 2>&1
cat "$ROOT/tests/ask/cases.jsonl" "$ROOT/tests/ask/exam.jsonl" >"$T/own.jsonl"
sh "$ROOT/tests/ask/score.sh" "$AWSAI" "$T/own.jsonl" "accuracy own" 90 97 \
    >"$T/own.report" 2>&1
st=$?
grep -v ' \(en\|ko\):' "$T/own.report"
check "own cases: at least 90% top-1 and 97% top-3" [ "$st" -eq 0 ]

dev="$ROOT/../shared/eval/ask-dev.jsonl"
if [ -f "$dev" ]; then
	sh "$ROOT/tests/ask/score.sh" "$AWSAI" "$dev" "accuracy shared-dev" \
	    85 95 2>&1
	check "shared dev set: at least 85% top-1 and 95% top-3" [ $? -eq 0 ]
else
	echo "# no shared dev set at $dev: skipped"
fi

done_testing
