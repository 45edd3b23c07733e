#!/bin/sh
# t0001: help, version, usage errors and their exit statuses.
. "$(dirname "$0")/lib.sh"

# no command and standard input not a terminal: a script, here empty
run "$AWSAI"
expect_status 0
expect_no_err

run "$AWSAI" --help
expect_status 0
expect_out "commands:"

run "$AWSAI" help
expect_status 0
for c in ask check concepts define help layers list roles show stages usecases version; do
	expect_out "  $c "
done
expect_no_out "  build "

run "$AWSAI" --version
expect_status 0
expect_out "awsai "
expect_out "as of 20"
expect_out "services"

run "$AWSAI" version
expect_status 0
expect_out "embedded catalog"

run "$AWSAI" help list
expect_status 0
expect_out "usage: awsai list"
expect_out "--layer"

run "$AWSAI" list --help
expect_status 0
expect_out "usage: awsai list"

run "$AWSAI" help nosuch
expect_status 2
expect_err "awsai: no help for \"nosuch\""

run "$AWSAI" shwo rekognition
expect_status 2
expect_err "awsai: unknown command \"shwo\" (did you mean \"show\"?)"

run "$AWSAI" list --nosuch
expect_status 2
expect_err "unknown option \"--nosuch\""

run "$AWSAI" list -x
expect_status 2
expect_err "unknown option \"-x\""

run "$AWSAI" show
expect_status 2
expect_err "\"show\" takes more arguments"

run "$AWSAI" layers extra
expect_status 2
expect_err "\"layers\" takes no arguments"

run "$AWSAI" list -o yaml
expect_status 2
expect_err "unknown format \"yaml\""

run "$AWSAI" list --color=sometimes
expect_status 2
expect_err "unknown colour mode \"sometimes\""

run "$AWSAI" list --layer
expect_status 2
expect_err "needs a value"

run "$AWSAI" ask -n 0 faces
expect_status 2
expect_err "--limit takes a whole number"

run "$AWSAI" ask -n 3x faces
expect_status 2

# every command in the table has a man-page entry and a README line
for c in $("$AWSAI" help | sed -n 's/^  \([a-z]*\) .*/\1/p'); do
	check "man page documents $c" grep -q "^\.It Cm $c" "$ROOT/docs/awsai.1"
	check "README mentions $c" grep -q "awsai $c" "$ROOT/README.md"
done

# aliases resolve to the same command
run "$AWSAI" ls --layer platform
expect_status 0
run "$AWSAI" which detect faces in photos
expect_status 0

done_testing
