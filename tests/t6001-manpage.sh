#!/bin/sh
# t6001: the man page, help and the command table agree both ways (git's
# t0450): every command and option has its entry, every entry a command
# or option; the page lints clean with mandoc and groff.
. "$(dirname "$0")/lib.sh"
man="$ROOT/docs/awsai.1"

run "$AWSAI" help
cmds=$(sed -n 's/^  \([a-z_-]*\) .*/\1/p' "$T/out")
# the COMMANDS section's .It lines: "NAME the rest"
sed -n '/^\.Sh COMMANDS/,/^\.Sh /p' "$man" | sed -n 's/^\.It Cm \([a-z_-]*\)\(.*\)$/\1 \2/p' >"$T/man-cmds"
for c in $cmds; do
	check "man page documents command $c" grep -q "^$c " "$T/man-cmds"
done
while read -r c rest; do
	check "man page's command $c is in help" sh -c 'printf "%s\n" $1 | grep -qx "$2"' sh "$cmds" "$c"
done <"$T/man-cmds"

# each command's options, both ways
for c in $cmds; do
	line=$(grep "^$c " "$T/man-cmds")
	"$AWSAI" help "$c" | sed -n '/^options:/,/^$/p' |
	    sed -n 's/^ *\(-\(.\), \)\{0,1\} *--\([a-z-]*\).*/\2 \3/p' >"$T/opts"
	while read -r short long; do
		[ -n "$long" ] || { long=$short; short=; }
		check "man page gives $c its --$long" sh -c '
		    case "$1" in *"Fl -$2 "*|*"Fl -$2"|*"Fl $3 "*) [ -n "$2" ] ;; *) exit 1 ;; esac' \
		    sh "$line" "$long" "${short:-@}"
	done <"$T/opts"
	for f in $(printf '%s\n' "$line" | grep -o 'Fl -\{0,1\}[a-z][a-z-]*' | sed 's/^Fl //'); do
		check "$c's option $f in the man page is one it has" sh -c '
		    "$1" help "$2" | grep -q -- "^  \(-.,\)\{0,1\} *$3[ ,]"' sh "$AWSAI" "$c" \
		    "$(case $f in -*) echo "-$f" ;; *) echo "-$f" ;; esac)"
	done
done

# the global options
run "$AWSAI" help
sed -n '/^global options:/,/^$/p' "$T/out" | sed -n 's/^ *\(-., \)\{0,1\}--\([a-z-]*\).*/\2/p' >"$T/globals"
sed -n '/^\.Sh GLOBAL OPTIONS/,/^\.Sh /p' "$man" | sed -n 's/^\.It .*Fl -\([a-z-]*\).*/\1/p' >"$T/man-globals"
while read -r g; do
	check "man page documents global --$g" grep -qx "$g" "$T/man-globals"
done <"$T/globals"
while read -r g; do
	check "man page's global --$g is in help" grep -qx "$g" "$T/globals"
done <"$T/man-globals"

# every exit status of the enum is in EXIT STATUS
for st in 0 1 2 65 70 130; do
	check "EXIT STATUS lists $st" sh -c 'sed -n "/^\.Sh EXIT STATUS/,/^\.Sh /p" "$1" | grep -qx ".It $2"' sh "$man" "$st"
done

if command -v mandoc >/dev/null 2>&1; then
	mandoc -Tlint "$man" >"$T/lint" 2>&1
	check "mandoc -Tlint reports nothing" [ ! -s "$T/lint" ]
else
	fail "mandoc is installed (make deps)"
fi
if command -v groff >/dev/null 2>&1; then
	groff -ww -z -mandoc "$man" >"$T/groff" 2>&1
	check "groff -ww reports nothing" [ ! -s "$T/groff" ]
else
	fail "groff is installed (make deps)"
fi
done_testing
