#!/bin/sh
# t0002: every usage error of tests/data/usage.tsv gives exactly its
# message and status: a message cut short or reworded fails here.
. "$(dirname "$0")/lib.sh"
F="$ROOT/tests/data/fixture/catalog.json"

grep -v '^#' "$ROOT/tests/data/usage.tsv" | while IFS='	' read -r args st msg; do
	# shellcheck disable=SC2086
	"$AWSAI" --catalog "$F" $args </dev/null >"$T/out" 2>"$T/err"
	got=$?
	printf '%s\n' "$msg" >"$T/want"
	if [ "$got" -eq "$st" ] && cmp -s "$T/want" "$T/err" && [ ! -s "$T/out" ]; then
		echo "ok - usage: awsai $args"
	else
		echo "not ok - usage: awsai $args (exit $got: $(cat "$T/err"))"
	fi
done >"$T/log"
adopt "" cat "$T/log"
check "every case has a status of 2" sh -c "! grep -v '^#' '$ROOT/tests/data/usage.tsv' | cut -f2 | grep -vx 2"
done_testing
