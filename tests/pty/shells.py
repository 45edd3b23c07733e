#!/usr/bin/env python3
# tests/pty/shells.py BINDIR BASHFILE ZSHDIR FISHFILE: TAB completion of
# awsai in real bash, zsh and fish sessions (pexpect), with the scripts as
# installed. Prints "ok - WHAT" or "not ok - WHAT" a check.
import os, re, shutil, sys, tempfile
import pexpect
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from checks import check  # noqa: E402

bindir, bashfile, zshdir, fishfile = sys.argv[1:5]
home = tempfile.mkdtemp(prefix="awsai-sh-")
env = dict(os.environ, HOME=home, TERM="xterm", LC_ALL="C.UTF-8",
           PATH=bindir + ":" + os.environ.get("PATH", "/usr/bin:/bin"),
           NO_COLOR="1", INPUTRC="/dev/null")
for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "BASH_ENV", "ENV", "ZDOTDIR"):
    env.pop(k, None)


def clean(s):
    s = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", s)
    return s.replace("\r", "")


def wait(p, pattern, timeout=6):
    try:
        p.expect(pattern, timeout=timeout)
        return True
    except (pexpect.TIMEOUT, pexpect.EOF):
        return False


def typed(p, text, pattern, timeout=6):
    """Sends text, then waits for pattern in what the shell shows."""
    p.send(text)
    return wait(p, pattern, timeout)


def reset(p):
    """Clears the line. A ^C that lands while a completion function still
    runs (a slow sanitizer build) only stops the function, leaving the
    line as it was: then another is sent."""
    for _ in range(3):
        p.send("\x03")
        if wait(p, "READY", 3):
            return


def cases(name, p, lists_on_one_tab, desc):
    check(name + ": awsai sh<TAB> -> show", typed(p, "awsai sh\t", "show"))
    reset(p)
    check(name + ": awsai list --layer <TAB> -> the three layers",
          typed(p, "awsai list --layer \t" + ("" if lists_on_one_tab else "\t"),
                "infrastructure") and wait(p, "platform|service"))
    reset(p)
    check(name + ": awsai show rek<TAB> -> rekognition",
          typed(p, "awsai show rek\t", "ognition"))
    reset(p)
    check(name + ": awsai define found<TAB> -> the term",
          typed(p, "awsai define found\t", "ation"))
    reset(p)
    if desc:
        check(name + ": descriptions are shown",
              typed(p, "awsai s\t" + ("" if lists_on_one_tab else "\t"),
                    desc))
        reset(p)


# bash
if shutil.which("bash"):
    p = pexpect.spawn("bash", ["--norc", "--noprofile", "-i"], env=env,
                      encoding="utf-8", timeout=6, dimensions=(40, 160))
    p.sendline("PS1=READY; bind 'set show-all-if-ambiguous on'; "
               "source '%s'" % bashfile)
    wait(p, "READY")
    wait(p, "READY")
    cases("bash", p, True, None)
    p.sendline("exit")
else:
    check("bash is installed", False)

# zsh
if shutil.which("zsh"):
    p = pexpect.spawn("zsh", ["-f", "-i"], env=env, encoding="utf-8",
                      timeout=6, dimensions=(40, 160))
    p.sendline("PS1=READY; fpath=('%s' $fpath); autoload -U compinit; "
               "compinit -u; zstyle ':completion:*' list-prompt ''" % zshdir)
    wait(p, "READY")
    wait(p, "READY")
    cases("zsh", p, False, r"show .*card")
    p.sendline("exit")
else:
    check("zsh is installed", False)

# fish
if shutil.which("fish"):
    p = pexpect.spawn("fish", ["--no-config", "-i"], env=env,
                      encoding="utf-8", timeout=8, dimensions=(40, 160))
    p.sendline("function fish_prompt; echo -n READY; end; "
               "source '%s'" % fishfile)
    wait(p, "READY")
    wait(p, "READY")
    cases("fish", p, True, r"card")
    p.sendline("exit")
else:
    check("fish is installed", False)
