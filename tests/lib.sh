# tests/lib.sh: the helpers every tests/tNNNN-*.sh sources. A test is a
# series of checks; each prints "ok N - what" or "not ok N - what", and
# the file ends with "# passed P failed F" for tests/run.sh to add up.
#
#   run CMD...            run awsai-or-anything, capture out/err/status
#   expect_status N       the last run exited N
#   expect_out TEXT       stdout contains TEXT (fixed string)
#   expect_err TEXT       stderr contains TEXT
#   expect_no_out TEXT    stdout does not contain TEXT
#   expect_out_file FILE  stdout equals FILE exactly
#   check WHAT CMD...     CMD succeeds (its status decides)
#   adopt PREFIX CMD...   run a checker that prints "ok - WHAT" and
#                         "not ok - WHAT" lines; each becomes a check

set -u
: "${AWSAI:?set AWSAI to the binary under test}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/awsai-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
export XDG_CACHE_HOME="$T/cache" LC_ALL=C.UTF-8 TZ=UTC TERM=dumb NO_COLOR=1
unset COLUMNS
mkdir -p "$HOME"
n=0 passed=0 failed=0 what=""

# jq -e on an empty file exits 0: no output would pass every JSON check.
# Here an empty file given to jq -e fails instead.
jq() {
	if [ "${1:-}" = -e ]; then
		for a; do last=$a; done
		if [ -f "$last" ] && [ ! -s "$last" ]; then
			echo "jq: $last is empty" >&2
			return 1
		fi
	fi
	command jq "$@"
}

pass() { n=$((n + 1)); passed=$((passed + 1)); printf 'ok %d - %s\n' "$n" "$1"; }
fail() {
	n=$((n + 1)); failed=$((failed + 1)); printf 'not ok %d - %s\n' "$n" "$1"
	[ -f "$T/out" ] && sed -n '1,8s/^/#   out: /p' "$T/out"
	[ -f "$T/err" ] && sed -n '1,8s/^/#   err: /p' "$T/err"
	[ -f "$T/status" ] && echo "#   status: $(cat "$T/status")"
	return 0
}

# run CMD... : stdin from /dev/null unless RUN_STDIN names a file; exit
# 70 fails the run unless RUN_IO_ERROR is set (a full disk is 70).
run() {
	what="$*"
	"$@" <"${RUN_STDIN:-/dev/null}" >"$T/out" 2>"$T/err"
	echo $? >"$T/status"
	# a crash or an internal error is always a failure (R9)
	case $(cat "$T/status") in
	70) [ -n "${RUN_IO_ERROR:-}" ] ||
	    fail "no crash or internal error: $what" ;;
	1[3-9][0-9]|2[0-9][0-9]) fail "no crash or internal error: $what" ;;
	esac
	if grep -q 'runtime error\|AddressSanitizer\|LeakSanitizer' "$T/err"; then
		fail "sanitizer clean: $what"
	fi
}

expect_status() {
	if [ "$(cat "$T/status")" = "$1" ]; then pass "exit $1: $what"
	else fail "exit $1: $what"; fi
}
expect_out() {
	if grep -qF -- "$1" "$T/out"; then pass "stdout has \"$1\": $what"
	else fail "stdout has \"$1\": $what"; fi
}
expect_no_out() {
	if grep -qF -- "$1" "$T/out"; then fail "stdout lacks \"$1\": $what"
	else pass "stdout lacks \"$1\": $what"; fi
}
expect_err() {
	if grep -qF -- "$1" "$T/err"; then pass "stderr has \"$1\": $what"
	else fail "stderr has \"$1\": $what"; fi
}
expect_no_err() {
	if [ -s "$T/err" ]; then fail "stderr empty: $what"
	else pass "stderr empty: $what"; fi
}
expect_out_file() {
	if cmp -s "$1" "$T/out"; then pass "stdout matches $(basename "$1"): $what"
	else diff -u "$1" "$T/out" | sed -n '1,20s/^/#   /p'
		fail "stdout matches $(basename "$1"): $what"; fi
}
check() {
	w=$1; shift
	if "$@" >/dev/null 2>&1; then pass "$w"; else fail "$w"; fi
}
adopt() {
	prefix=$1; shift
	"$@" >"$T/adopt.log" 2>&1
	while read -r line; do
		case $line in
		"ok - "*) pass "$prefix${line#ok - }" ;;
		"not ok - "*) fail "$prefix${line#not ok - }" ;;
		*) echo "# $line" ;;
		esac
	done <"$T/adopt.log"
}
done_testing() {
	echo "# passed $passed failed $failed"
	[ "$failed" -eq 0 ]
}
