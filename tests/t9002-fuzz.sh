#!/bin/sh
# t9002: a short smoke of every libFuzzer target (FUZZ_SECONDS each,
# default 3) from its seeds, so a crash that comes back fails make check;
# `make fuzz FUZZ_SECONDS=N` is the long run. The targets are ASan and
# UBSan builds already, so this runs once, with the plain build.
. "$(dirname "$0")/lib.sh"

case $AWSAI in
*/asan/*)
	echo "# the fuzz targets ran with the plain build"
	done_testing
	exit
	;;
esac
if [ ! -x "$ROOT/build/fuzz/fuzz-ask" ]; then
	fail "the fuzz targets are built (make check builds build/fuzz)"
	done_testing
	exit
fi
adopt "" sh "$ROOT/tests/fuzz/run.sh" "$ROOT/build/fuzz" "${FUZZ_SECONDS:-3}"
for t in tokenize ask batch catalog db show mcp; do
	check "fuzz target $t has seeds in tests/fuzz/corpus" sh -c \
	    "ls '$ROOT/tests/fuzz/corpus/$t' | grep -q ."
done
done_testing
