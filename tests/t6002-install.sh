#!/bin/sh
# t6002: make install into a DESTDIR puts exactly the binary, the man page
# and the three completion scripts where each shell looks; they complete
# in real bash, zsh and fish sessions; make uninstall leaves no file.
. "$(dirname "$0")/lib.sh"

build=$(dirname "$AWSAI")
build=${build#"$ROOT/"}
san=
case $build in *asan*) san=SANITIZE=1 ;; esac
dest="$T/root"
make -s -C "$ROOT" install BUILD="$build" $san DESTDIR="$dest" PREFIX=/usr/local \
    >"$T/install.log" 2>&1
check "make install DESTDIR=... succeeds" [ $? -eq 0 ]
(cd "$dest" && find . -type f | sort) >"$T/files"
printf '%s\n' ./usr/local/bin/awsai ./usr/local/share/bash-completion/completions/awsai \
    ./usr/local/share/fish/vendor_completions.d/awsai.fish \
    ./usr/local/share/man/man1/awsai.1 ./usr/local/share/zsh/site-functions/_awsai \
    | sort >"$T/want"
check "it installs exactly the expected files" cmp -s "$T/want" "$T/files"
check "the binary is executable" test -x "$dest/usr/local/bin/awsai"
run "$dest/usr/local/bin/awsai" completion bash
check "awsai completion bash prints the installed script" \
    cmp -s "$T/out" "$dest/usr/local/share/bash-completion/completions/awsai"
run "$dest/usr/local/bin/awsai" completion zsh
check "awsai completion zsh prints the installed script" \
    cmp -s "$T/out" "$dest/usr/local/share/zsh/site-functions/_awsai"
run "$dest/usr/local/bin/awsai" completion fish
check "awsai completion fish prints the installed script" \
    cmp -s "$T/out" "$dest/usr/local/share/fish/vendor_completions.d/awsai.fish"
run "$dest/usr/local/bin/awsai" completion tcsh
expect_status 2
expect_err "no completion for shell \"tcsh\" (expected: bash, zsh, fish)"
check "man -l reads the installed page" sh -c 'man -l "$1" 2>/dev/null | grep -q "which AWS AI service"' sh \
    "$dest/usr/local/share/man/man1/awsai.1"

if command -v python3 >/dev/null 2>&1 && python3 -c 'import pexpect' 2>/dev/null; then
	adopt "" python3 "$ROOT/tests/pty/shells.py" "$dest/usr/local/bin" \
	    "$dest/usr/local/share/bash-completion/completions/awsai" \
	    "$dest/usr/local/share/zsh/site-functions" \
	    "$dest/usr/local/share/fish/vendor_completions.d/awsai.fish"
else
	fail "python3 with pexpect is installed (make deps)"
fi

make -s -C "$ROOT" uninstall BUILD="$build" DESTDIR="$dest" PREFIX=/usr/local >/dev/null 2>&1
check "make uninstall succeeds" [ $? -eq 0 ]
check "make uninstall leaves no file" sh -c '[ -z "$(find "$1" -type f)" ]' sh "$dest"

# __complete answers for one TAB, with descriptions; it reads no options
run "$AWSAI" __complete list --lay
expect_out "--layer	only this layer"
run "$AWSAI" __complete list --layer=pl
expect_out "--layer=platform"
run "$AWSAI" __complete help ""
expect_out "ask	rank services"
check "__complete is hidden from help" sh -c '! "$1" help | grep -q __complete' sh "$AWSAI"
done_testing
