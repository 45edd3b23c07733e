#!/usr/bin/env python3
# tests/pty/choose.py AWSAI: awsai choose through a real pseudo-terminal:
# the numbered questions, a bad answer asked again, q to stop, and choose
# inside the shell. Prints "ok - WHAT" or "not ok - WHAT" a check.
import os, sys, tempfile
import pexpect
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from checks import check, seen  # noqa: E402

awsai = sys.argv[1]
home = tempfile.mkdtemp(prefix="awsai-pty-")
env = dict(os.environ, HOME=home, XDG_STATE_HOME=home + "/state",
           TERM="xterm", LC_ALL="C.UTF-8", NO_COLOR="1", PAGER="cat",
           INPUTRC="/dev/null")
env.pop("COLUMNS", None)


def spawn(args):
    return pexpect.spawn(awsai, args, env=env, encoding="utf-8", timeout=10,
                         dimensions=(40, 120))


p = spawn(["choose"])
check("choose asks the first question, in English and Korean",
      seen(p, r"What do you want to do\?  무엇을 하려고 하나요\?"))
check("the answers are numbered", seen(p, r"1\) Use a ready-made"))
check("it asks for a number", seen(p, r"Choose 1-3 \(q stops\): "))
p.sendline("7")
check("a number out of range is refused", seen(p, r'"7" is not one of 1-3'))
p.sendline("2")
check("the answer leads to its next question",
      seen(p, r"What should the generative-AI app do\?"))
p.sendline("rag")
check("an answer id works as well as its number",
      seen(p, r"Where are the documents"))
p.sendline("1")
check("the walk ends in the path and the layer",
      seen(p, r"want=build-genai domain=rag data=s3 -> platform layer"))
check("and a ranked list", seen(p, r"Bedrock Knowledge Bases"))
p.expect(pexpect.EOF)
p.close()
check("choose exits 0", p.exitstatus == 0)

p = spawn(["choose"])
seen(p, r"Choose 1-3")
p.sendline("1")
seen(p, r"What is the task about")
p.sendline("q")
check("q stops asking and ranks on the answers so far",
      seen(p, r"want=ready-made -> service layer"))
p.expect(pexpect.EOF)

p = spawn(["choose"])
seen(p, r"Choose 1-3")
p.sendeof()
p.expect(pexpect.EOF)
p.close()
check("Ctrl-D before any answer: a usage error",
      p.exitstatus == 2 and "choose needs answers" in p.before)

p = spawn([])
seen(p, "awsai> ")
p.sendline("choose --want own-model")
check("in the shell, flags answer and the rest is asked",
      seen(p, r"What part of the machine-learning work\?"))
p.sendline("deploy")
seen(p, r"How are the predictions asked for")
p.sendline("2")
check("the shell's choose ends in the list",
      seen(p, r"SageMaker Serverless"))
check("and the shell prompts again", seen(p, "awsai> "))
p.sendline("quit")
p.expect(pexpect.EOF)
