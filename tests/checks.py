"""tests/checks.py: what the Python checkers share: a check prints
"ok - WHAT" or "not ok - WHAT" (tests/lib.sh's adopt counts them), and
seen() waits for a pattern on a pseudo-terminal. A checker puts
tests/ on its path: sys.path.insert(0, os.path.dirname(__file__) + "/..")."""
import sys


def check(what, cond):
    print(("ok - " if cond else "not ok - ") + what)
    sys.stdout.flush()


def seen(p, pattern, timeout=-1):
    """Does pattern come on p (a pexpect child) before a timeout or EOF?"""
    import pexpect
    try:
        p.expect(pattern, timeout=timeout)
        return True
    except (pexpect.TIMEOUT, pexpect.EOF):
        return False
