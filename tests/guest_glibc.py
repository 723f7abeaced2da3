"""The test programs built with Debian's glibc (i686-linux-gnu-gcc
-static), not ours, run on Sprout: tests/user's t_*, l_* and f_* (all
but those tests/glibc/cannot-build.txt lists) and tests/glibc/g_*.c,
installed in /bin/glibc/ of their own disk, build/glibc.img: the usual
disk plus them (tests/glibc/glibc.mk). The boot writes to a fresh copy.

One boot runs them all: /bin/glibc/run-all is process 1 and runs each
program $(B)/glibc/list names in a session of its own, between markers
"== NAME" and "== NAME: status N". Results are named `glibc: <program>:
<case>` from the same ok/FAIL lines as our build's, plus one per program
for its exit status; `tests/run.py -k glibc:` runs them.

A case that fails only because a kernel call it needs is still to come
is listed in tests/glibc/needs.txt with the work it waits for: its
result is named "... (needs ...)", a pass while it fails for that
reason and a failure of its own once the work has landed and the line
should go."""
import os
import re
import shutil

from harness import BUILD, ROOT, guest_session, require, Timeout

IMAGE = os.path.join(BUILD, "glibc.img")
DISK = os.path.join(BUILD, "glibc-test-disk.img")
LIST = os.path.join(BUILD, "glibc", "list")
NEEDS = os.path.join(ROOT, "tests", "glibc", "needs.txt")
STATUS = {"g_stdio": 7}         # exit(7) after its last line
TIMEOUT = 600                   # the whole boot; run-all limits each


def programs():
    with open(LIST) as f:
        return [line.split()[0] for line in f if line.strip()]


def needs():
    """{(program, case): what it waits for} from tests/glibc/needs.txt."""
    marks = {}
    with open(NEEDS) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                where, what = line.rsplit("|", 1)
                program, case = where.split(":", 1)
                marks[(program.strip(), case.strip())] = what.strip()
    return marks


def record_cases(results, name, text, marks):
    """The ok/FAIL lines of one program, each as results.parse_lines
    would record it unless needs.txt marks it."""
    for line in text.splitlines():
        m = re.match(r"^(ok|FAIL) (.*?)(?: -- (.*))?$", line.strip("\r"))
        if not m:
            continue
        what = marks.get((name, m.group(2)))
        result = "glibc: %s: %s" % (name, m.group(2))
        if what is None:
            if results.wanted(result):
                results.record(result, m.group(1) == "ok", m.group(3) or "")
            continue
        result += " (needs %s)" % what
        if results.wanted(result):
            results.record(result, m.group(1) == "FAIL",
                           "passes now: drop its line in tests/glibc/needs.txt")


def run(results):
    if not results.wanted("glibc: "):
        return
    shutil.copyfile(IMAGE, DISK)
    with guest_session("glibc", timeout=TIMEOUT, disk=DISK, cmdline="init="
                       "/bin/glibc/run-all /bin/glibc/list") as g:
        try:
            status, why = g.wait(), ""
        except Timeout as e:
            status, why = None, str(e)
    out = g.output.replace("\r\n", "\n")
    marks = needs()
    for name in programs():
        prefix = "glibc: %s: " % name
        want = STATUS.get(name, 0)
        m = re.search(r"^== %s\n(.*?)^== %s: (\S+ ?\d*)$"
                      % (name, name), out, re.S | re.M)
        record_cases(results, name, m.group(1) if m else "", marks)

        def exit_status(m=m, want=want):
            require(m, "no output between its markers (%s)" % why)
            require(m.group(2) == "status %d" % want,
                    "%s, expected status %d" % (m.group(2), want))
        results.check(prefix + "exits %d" % want, exit_status)
    results.check("glibc: g_stdio: exit() flushes stdout",
                  lambda: require("exit flushes stdout\n== g_stdio" in out,
                                  "the unflushed line is missing"))

    def powered_off():
        require(status == 1, "QEMU exit status %s, expected 1 (%s)"
                % (status, why))
    results.check("glibc: run-all ends and the machine powers off",
                  powered_off)
