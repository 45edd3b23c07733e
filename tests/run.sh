#!/bin/sh
# tests/run.sh BUILD_DIR...: runs the unit tests and every shell test
# against BUILD_DIR/awsai, for each build tree given (the plain one and
# the sanitizer one), and ends with "N passed, N failed".
ROOT=$(cd "$(dirname "$0")/.." && pwd)
total_p=0 total_f=0
for build in "$@"; do
	export AWSAI="$ROOT/$build/awsai" AWSAI_ROOT="$ROOT"
	echo "== $build"
	for u in "$ROOT/$build"/unit/*; do
		[ -x "$u" ] || continue
		log=$(mktemp)
		if "$u" >"$log" 2>&1; then st=0; else st=$?; fi
		p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log")
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log")
		p=${p:-0} f=${f:-0}
		[ "$st" -ne 0 ] && [ "$f" -eq 0 ] && f=1
		[ "$f" -ne 0 ] && cat "$log"
		echo "$(basename "$u"): $p passed, $f failed"
		rm -f "$log"
		total_p=$((total_p + p)) total_f=$((total_f + f))
	done
	for t in "$ROOT"/tests/t[0-9]*.sh; do
		log=$(mktemp)
		sh "$t" >"$log" 2>&1
		p=$(sed -n 's/^# passed \([0-9]*\) failed [0-9]*$/\1/p' "$log")
		f=$(sed -n 's/^# passed [0-9]* failed \([0-9]*\)$/\1/p' "$log")
		if [ -z "$p" ]; then p=0 f=1; echo "$(basename "$t"): did not finish"; cat "$log"; fi
		grep '^not ok\|^#   \|accuracy\|top-1\|^FAIL' "$log"
		echo "$(basename "$t"): $p passed, $f failed"
		rm -f "$log"
		total_p=$((total_p + p)) total_f=$((total_f + f))
	done
done
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
