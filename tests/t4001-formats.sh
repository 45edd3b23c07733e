#!/bin/sh
# t4001: the output formats and their escaping, colour, broken pipes.
. "$(dirname "$0")/lib.sh"
cat="$ROOT/tests/data/tricky.json"

run "$AWSAI" --catalog "$cat" list -o json
expect_status 0
check "JSON keeps every character" jq -e \
    '.[] | select(.id == "tricky") | .summary == "comma, \"quote\", tab\there, back\\slash, new\nline, 한국어 텍스트, emoji 🚀"' "$T/out"

run "$AWSAI" --catalog "$cat" list -o jsonl
expect_status 0
check "JSON Lines: one object a line" sh -c \
    '[ "$(wc -l <"$1")" -eq 2 ] && jq -e -c "type == \"object\"" "$1" >/dev/null' sh "$T/out"

run "$AWSAI" --catalog "$cat" list -o tsv
expect_status 0
expect_out 'comma, "quote", tab\there, back\\slash, new\nline, 한국어 텍스트, emoji 🚀'
check "TSV rows have the header's field count" awk -F'\t' \
    'NR == 1 { n = NF } NF != n { exit 1 }' "$T/out"

run "$AWSAI" --catalog "$cat" list -o csv
expect_status 0
expect_out '"Tricky, ""Quoted"" Service"'
expect_out '"comma, ""quote"", tab	here, back\slash, new'
check "CSV lines end in CRLF" grep -q "$(printf '\r')\$" "$T/out"

run "$AWSAI" --catalog "$cat" list -o plain
expect_status 0
expect_out "new^Jline"
expect_no_out "NAME"

run "$AWSAI" --catalog "$cat" list -o table
expect_status 0
expect_out "NAME"
expect_no_out "$(printf '\033')"

run "$AWSAI" --catalog "$cat" --color=always list -o table
expect_status 0
expect_out "$(printf '\033[1m')"
expect_out "$(printf '\033[33m')closed"

NO_COLOR= run "$AWSAI" --catalog "$cat" --color=never list -o table
expect_no_out "$(printf '\033')"

COLUMNS=60 run "$AWSAI" --catalog "$cat" list -o table
check "table fits COLUMNS=60" awk 'length($0) > 80 { exit 1 }' "$T/out"

run "$AWSAI" --catalog "$cat" show tricky -o json
check "show -o json is the source record" jq -e \
    '.id == "tricky" and .cli == null and (.tasks | length) == 4' "$T/out"

# a closed pipe ends quietly: no message, exit 0
( "$AWSAI" list 2>"$T/pipe-err"; echo $? >"$T/pipe-st" ) | head -1 >/dev/null
check "list | head -1: no error message" [ ! -s "$T/pipe-err" ]
check "list | head -1: exit 0" [ "$(cat "$T/pipe-st")" = 0 ]

# a full disk is an error
if [ -w /dev/full ]; then
	"$AWSAI" list -o json >/dev/full 2>"$T/full-err"
	check "write error exits 70" [ $? -eq 70 ]
	check "write error is reported" grep -q "cannot write output" "$T/full-err"
fi

done_testing
