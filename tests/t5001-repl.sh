#!/bin/sh
# t5001: the shell. Script mode (standard input not a terminal, and -c)
# as ordinary runs; the interactive shell through a real pseudo-terminal
# (tests/pty/repl.py, python3-pexpect from `make deps`).
. "$(dirname "$0")/lib.sh"

printf '%s\n' '# a comment' 'layers -o tsv' '' 'show rekognition -o json' >"$T/ok.txt"
RUN_STDIN="$T/ok.txt" run "$AWSAI"
expect_status 0
expect_out "service	AI services"
expect_out '"id": "rekognition"'
expect_no_err

printf '%s\n' 'layers' 'show nosuch' 'version' >"$T/fail.txt"
RUN_STDIN="$T/fail.txt" run "$AWSAI"
check "script mode: the last failing command's status" [ "$(cat "$T/status")" = 1 ]
expect_err "unknown service \"nosuch\""
expect_out "catalog "

printf 'list --nosuch\nshow nosuch\n' >"$T/two.txt"
RUN_STDIN="$T/two.txt" run "$AWSAI"
check "script mode: the last failure wins" [ "$(cat "$T/status")" = 1 ]

printf "ask 'unterminated\n" >"$T/quote.txt"
RUN_STDIN="$T/quote.txt" run "$AWSAI"
expect_status 2
expect_err "awsai: unterminated quote ('): the line was not run"

run "$AWSAI" -c 'layers -o tsv; quit; version'
expect_status 0
expect_out "platform"
expect_no_out "catalog "

run "$AWSAI" -c 'does any service read text from images?'
expect_status 2
expect_err "\"does\" is not a command (did you mean: ask does any service read text from images?)"

run "$AWSAI" -c 'sho rekognition'
expect_status 0
expect_out "Amazon Rekognition"

run "$AWSAI" quit
expect_status 2
expect_err "\"quit\" works only inside the shell"

printf 'layers\n' >"$T/color.txt"
RUN_STDIN="$T/color.txt" run env -u NO_COLOR "$AWSAI" --color=auto
expect_no_out "$(printf '\033')"

if command -v python3 >/dev/null 2>&1 && python3 -c 'import pexpect' 2>/dev/null; then
	adopt "pty: " python3 "$ROOT/tests/pty/repl.py" "$AWSAI"
else
	fail "python3 with pexpect is installed (make deps)"
fi
done_testing
