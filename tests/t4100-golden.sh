#!/bin/sh
# t4100: what a person sees, pinned: every command of
# tests/golden/commands.txt in every format, against the fixture catalog
# (tests/data/fixture/, Korean text included), compared with its golden
# file. `make golden` rewrites them; review the diff before committing.
. "$(dirname "$0")/lib.sh"

adopt "" sh "$ROOT/tests/golden.sh" "$AWSAI"
check "every golden file has a case" sh -c '
	for f in "$1"/*.out; do
		b=$(basename "$f" .out); b=${b%%.*}
		grep -q "^$b!\{0,1\} " "$1/commands.txt" || exit 1
	done' sh "$ROOT/tests/golden"
done_testing
