#!/bin/sh
# tests/fuzz/run.sh BUILD SECONDS [TARGET...]: runs each libFuzzer target
# BUILD/fuzz-NAME for SECONDS from its seeds (tests/fuzz/corpus/NAME) and
# the corpus it grew before (BUILD/corpus/NAME), and prints a line per
# target: "ok - fuzz NAME: N execs, cov C, ft F, corpus K" or "not ok"
# with the crash; then the total executions. Exits 1 if one crashed.
build=$1 secs=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
targets=${*:-"tokenize ask batch catalog db show mcp"}
total=0 bad=0
for t in $targets; do
	bin="$build/fuzz-$t" seeds="$root/tests/fuzz/corpus/$t"
	work="$build/corpus/$t" log="$build/fuzz-$t.log"
	mkdir -p "$work" "$build/crashes"
	if [ ! -x "$bin" ]; then
		echo "not ok - fuzz $t: $bin is not built (make fuzz)"
		bad=1
		continue
	fi
	# a .db seed: the fixture catalog, built now by this build's awsai
	# (a seed of an older schema would only be refused)
	extra=
	if [ "$t" = db ]; then
		extra="$build/seed-db"
		mkdir -p "$extra"
		"$build/awsai0" build "$extra/fixture.db" \
		    "$root/tests/data/fixture/catalog.json" >/dev/null 2>&1
	fi
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
	    -max_len=1048576 -print_final_stats=1 \
	    -artifact_prefix="$build/crashes/$t-" "$work" "$seeds" $extra \
	    >"$log" 2>&1
	st=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$(grep -a -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
	ft=$(grep -a -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
	n=$(ls "$work" | wc -l)
	total=$((total + ${execs:-0}))
	if [ "$st" -eq 0 ]; then
		echo "ok - fuzz $t: ${execs:-0} execs in ${secs} s, cov ${cov:-?}, ft ${ft:-?}, corpus $n"
	else
		echo "not ok - fuzz $t: exit $st (log: $log)"
		grep -a -m 5 'ERROR\|SUMMARY\|Test unit written' "$log" | sed 's/^/#   /'
		bad=1
	fi
done
echo "# fuzz: $total executions in all"
exit $bad
