#!/bin/sh
# tests/golden.sh AWSAI [--update]: runs every case of
# tests/golden/commands.txt against the fixture catalog and compares what
# a person sees (stdout, stderr, exit status) with tests/golden/NAME.out.
# Prints "ok"/"not ok" lines; with --update, rewrites the golden files
# instead (`make golden`), to be reviewed as a diff.
awsai=$1 update=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/tests/golden"
fixture=tests/data/fixture/catalog.json
tmp=$(mktemp -d) || exit 70
trap 'rm -rf "$tmp"' EXIT
cd "$root" || exit 70
export LC_ALL=C.UTF-8 TZ=UTC TERM=dumb NO_COLOR=1 HOME="$tmp"
unset COLUMNS
printf '%s\n' 'detect faces in photos' '회의 녹음을 텍스트로' 'zzzz qqqq' \
    'read the invoice' >"$tmp/batch"
fail=0

# one_case NAME COLUMNS FORMAT ARGS...: writes the transcript to $tmp/got
one_case() {
	name=$1 cols=$2 fmt=$3
	shift 3
	{
		printf '$'
		[ -n "$cols" ] && printf ' COLUMNS=%s' "$cols"
		printf ' awsai'
		[ -n "$fmt" ] && printf ' -o %s' "$fmt"
		printf ' %s' "$@"
		printf '\n'
	} >"$tmp/got"
	if [ -n "$fmt" ]; then set -- -o "$fmt" "$@"; fi
	if [ "$1" != help ] && [ "$1" != check ]; then
		set -- --catalog "$fixture" "$@"
	fi
	COLUMNS=$cols "$awsai" "$@" <"$tmp/batch" >"$tmp/out" 2>"$tmp/err"
	st=$?
	cat "$tmp/out" >>"$tmp/got"
	if [ -s "$tmp/err" ]; then
		echo '[stderr]' >>"$tmp/got"
		cat "$tmp/err" >>"$tmp/got"
	fi
	echo "[exit $st]" >>"$tmp/got"
	# Success with nothing to show is a bug a golden file would pin.
	if [ "$st" -eq 0 ] && [ ! -s "$tmp/out" ]; then
		echo "not ok - golden $name: exit 0 and no output"
	fi
}

compare() {
	want="$dir/$1.out"
	if [ -n "$update" ]; then
		cp "$tmp/got" "$want"
	elif cmp -s "$want" "$tmp/got"; then
		echo "ok - golden $1"
	else
		echo "not ok - golden $1"
		diff -u "$want" "$tmp/got" 2>&1 | sed -n '1,30s/^/#   /p'
		fail=1
	fi
}

grep -v '^#' "$dir/commands.txt" | while read -r name args; do
	[ -n "$name" ] || continue
	case $name in
	*!)
		name=${name%!}
		# shellcheck disable=SC2086
		one_case "$name" "" "" $args
		compare "$name"
		;;
	*)
		for w in 40 60 80 100 120 200; do
			# shellcheck disable=SC2086
			one_case "$name" "$w" table $args
			compare "$name.table$w"
		done
		for f in plain tsv csv json jsonl; do
			# shellcheck disable=SC2086
			one_case "$name" "" "$f" $args
			compare "$name.$f"
		done
		;;
	esac
done
