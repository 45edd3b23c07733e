#!/usr/bin/env python3
# tests/pty/repl.py AWSAI: the shell through a real pseudo-terminal
# (pexpect): completion, history across runs, Ctrl-C, Ctrl-D, the pager.
# Prints "ok - WHAT" or "not ok - WHAT" a check; tests/t5001-repl.sh
# counts them.
import os, stat, sys, tempfile
import pexpect
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from checks import check, seen  # noqa: E402

awsai = sys.argv[1]
home = tempfile.mkdtemp(prefix="awsai-pty-")
env = dict(os.environ, HOME=home, XDG_STATE_HOME=home + "/state",
           TERM="xterm", LC_ALL="C.UTF-8", NO_COLOR="1", PAGER="cat",
           INPUTRC="/dev/null", COLUMNS="100")
env.pop("XDG_CONFIG_HOME", None)
PROMPT = "awsai> "


def start(extra=None):
    e = dict(env)
    if extra:
        e.update(extra)
    p = pexpect.spawn(awsai, env=e, encoding="utf-8", timeout=10,
                      dimensions=(40, 100))
    return p


p = start()
check("welcome line", seen(p, r"AWS AI services, catalog as of \d{4}-\d\d-\d\d"))
check("prompt", seen(p, PROMPT))
p.send("sh\t")
check("sh<TAB> completes to show", seen(p, "show "))
p.send("rek\t")
check("show rek<TAB> completes to rekognition", seen(p, "rek\x07?ognition"))
p.send("\r")
check("the card prints", seen(p, "Amazon Rekognition") and seen(p, PROMPT))
p.send("list --layer pl\t")
check("list --layer pl<TAB> completes to platform", seen(p, "platform"))
p.send("\r")
check("the list prints", seen(p, "Amazon Bedrock") and seen(p, PROMPT))
p.send("show amazon tra\t\t")
check("show amazon tra<TAB><TAB> lists the candidates",
      seen(p, "transcribe") and seen(p, "translate"))
p.send("\x15version\r")
seen(p, "by status")
seen(p, PROMPT)
p.send("ask detect faces in half-typed")
p.send("\x03")
check("Ctrl-C gives a fresh prompt", seen(p, PROMPT))
p.send("version\r")
check("the abandoned line did not run", seen(p, "catalog ") and
      "half-typed" not in p.before)
seen(p, PROMPT)
p.send("does any service do OCR?\r")
check("a task is offered as ask, not run",
      seen(p, "did you mean: ask does any service do OCR"))
seen(p, PROMPT)
p.send("format json\r")
seen(p, PROMPT)
p.send("layers\r")
check("format json sets the default", seen(p, '"id": "service"'))
seen(p, PROMPT)
p.send("history\r")
check("history lists the lines", seen(p, "format json"))
seen(p, PROMPT)
p.send("ask -o tsv -\r")
p.send("detect faces in photos\r")
check("ask - answers a pasted line", seen(p, "rekognition"))
p.send("\x03")
check("Ctrl-C stops ask - and gives the prompt back", seen(p, PROMPT))
p.send("version\r")
check("the shell goes on after it", seen(p, "by status"))
seen(p, PROMPT)
p.sendcontrol("d")
p.expect(pexpect.EOF)
p.close()
check("Ctrl-D exits 0", p.exitstatus == 0)

hist = home + "/state/awsai/history"
check("history file exists", os.path.exists(hist))
if os.path.exists(hist):
    mode = stat.S_IMODE(os.stat(hist).st_mode)
    dmode = stat.S_IMODE(os.stat(os.path.dirname(hist)).st_mode)
    check("history file is 0600", mode == 0o600)
    check("history directory is 0700", dmode == 0o700)
    lines = open(hist).read().split("\n")
    check("consecutive duplicates collapse", lines.count("layers") == 1)

p = start()
seen(p, PROMPT)
p.send("\x1b[A")      # up arrow: the last line of the previous run
check("history survives a restart", seen(p, "version"))
p.send("\x15quit\r")
p.expect(pexpect.EOF)
p.close()
check("quit exits 0", p.exitstatus == 0)

# the pager runs on a terminal
mark = home + "/paged"
p = start({"PAGER": "touch %s; cat" % mark})
seen(p, PROMPT)
p.send("list\r")
seen(p, PROMPT)
p.send("quit\r")
p.expect(pexpect.EOF)
check("the pager runs on a terminal", os.path.exists(mark))
os.path.exists(mark) and os.unlink(mark)
p = start({"PAGER": "touch %s; cat" % mark})
seen(p, PROMPT)
p.send("list --no-pager\r")
seen(p, PROMPT)
p.send("quit\r")
p.expect(pexpect.EOF)
check("--no-pager keeps the pager away", not os.path.exists(mark))

# an unwritable history (a directory where the file should be, which
# even root cannot open for writing): one warning, and the shell goes on
os.unlink(hist)
os.mkdir(hist)
p = start()
warned = seen(p, "warning: cannot keep the history")
check("an unwritable history gives a warning", warned)
check("and the shell goes on", seen(p, PROMPT))
p.send("version\r")
check("commands still run", seen(p, "catalog "))
p.send("quit\r")
p.expect(pexpect.EOF)
check("no second warning", p.before.count("warning:") == 0)
os.rmdir(hist)
