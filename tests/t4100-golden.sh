#!/bin/sh
# t4100: what a person sees, pinned: every command of
# tests/golden/commands.txt in every format, against the fixture catalog
# (tests/data/fixture/, Korean text included), compared with its golden
# file. `make golden` rewrites them; review the diff before committing.
. "$(dirname "$0")/lib.sh"

sh "$ROOT/tests/golden.sh" "$AWSAI" >"$T/golden.log" 2>&1
while read -r line; do
	case $line in
	"ok - "*) pass "${line#ok - }" ;;
	"not ok - "*) fail "${line#not ok - }" ;;
	"#"*) echo "$line" ;;
	esac
done <"$T/golden.log"
check "every golden file has a case" sh -c '
	for f in "$1"/*.out; do
		b=$(basename "$f" .out); b=${b%%.*}
		grep -q "^$b!\{0,1\} " "$1/commands.txt" || exit 1
	done' sh "$ROOT/tests/golden"
done_testing
