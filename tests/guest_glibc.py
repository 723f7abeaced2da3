"""The test programs built with Debian's glibc (i686-linux-gnu-gcc
-static), not ours, run on Sprout: tests/user's t_*, l_* and f_* (all
but those tests/glibc/cannot-build.txt lists) and tests/glibc/g_*.c,
installed in /bin/glibc/ of their own disk, build/glibc.img: the usual
disk plus them (tests/glibc/glibc.mk). The boot writes to a fresh copy.

One boot runs them all: /bin/glibc/run-all is process 1 and runs each
program $(B)/glibc/list names in a session of its own, between markers
"== NAME" and "== NAME: status N". Results are named `glibc: <program>:
<case>` from the same ok/FAIL lines as our build's, plus one per program
for its exit status; `tests/run.py -k glibc:` runs them (`-k 'glibc: t_fork'`
boots the same once and shows t_fork's).

A case known to fail is listed in tests/glibc/known.txt with the reason:
a kernel call another part of issue 15 brings, or a place where glibc
and the test (written against our libc) part ways. Its result is named
"... (known: why)": a pass while it fails, a failure once it passes, so
that its line goes."""
import os
import re
import shutil

from harness import BUILD, ROOT, guest_session, require, Timeout

IMAGE = os.path.join(BUILD, "glibc.img")
DISK = os.path.join(BUILD, "glibc-test-disk.img")
LIST = os.path.join(BUILD, "glibc", "list")
KNOWN = os.path.join(ROOT, "tests", "glibc", "known.txt")
STATUS = {"g_stdio": 7}         # exit(7) after its last line
TIMEOUT = 600                   # the whole boot; run-all limits each


def programs():
    with open(LIST) as f:
        return [line.split()[0] for line in f if line.strip()]


def known():
    """{(program, case): why it fails} from tests/glibc/known.txt."""
    marks = {}
    with open(KNOWN) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                where, what = line.split(" -- ", 1)
                program, case = where.split(":", 1)
                marks[(program.strip(), case.strip())] = what.strip()
    return marks


def record(results, name, case, ok, why, marks):
    """One case's result, turned around if known.txt lists it."""
    result = "glibc: %s: %s" % (name, case)
    if (name, case) in marks:
        result += " (known: %s)" % marks[(name, case)]
        ok, why = not ok, "passes now: drop its line in tests/glibc/known.txt"
    if results.wanted(result):
        results.record(result, ok, why)


def record_cases(results, name, text, marks):
    """The ok/FAIL lines of one program."""
    for line in text.splitlines():
        m = re.match(r"^(ok|FAIL) (.*?)(?: -- (.*))?$", line.strip("\r"))
        if m:
            record(results, name, m.group(2), m.group(1) == "ok",
                   m.group(3) or "", marks)


def run(results):
    if not (results.wanted("glibc: ") or
            results.pattern.startswith("glibc: ")):
        return
    shutil.copyfile(IMAGE, DISK)
    with guest_session("glibc", timeout=TIMEOUT, disk=DISK, cmdline="init="
                       "/bin/glibc/run-all /bin/glibc/list") as g:
        try:
            status, why = g.wait(), ""
        except Timeout as e:
            status, why = None, str(e)
    out = g.output.replace("\r\n", "\n")
    marks = known()
    for name in programs():
        want = "status %d" % STATUS.get(name, 0)
        m = re.search(r"^== %s\n(.*?)^== %s: (\S+ ?\d*)$"
                      % (name, name), out, re.S | re.M)
        record_cases(results, name, m.group(1) if m else "", marks)
        end = m.group(2) if m else "no end marker (%s)" % why
        record(results, name, "exits %s" % want[7:], end == want,
               "%s, expected %s" % (end, want), marks)
    results.check("glibc: g_stdio: exit() flushes stdout",
                  lambda: require("exit flushes stdout\n== g_stdio" in out,
                                  "the unflushed line is missing"))

    def powered_off():
        require(status == 1, "QEMU exit status %s, expected 1 (%s)"
                % (status, why))
    results.check("glibc: run-all ends and the machine powers off",
                  powered_off)
