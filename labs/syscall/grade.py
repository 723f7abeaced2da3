#!/usr/bin/env python3
"""The syscall lab's grader (docs/labs/01-syscall.md): make grade LAB=syscall.

One boot runs the lab's programs in turn, each after a line naming it;
the checks read their parts of what was printed: the test programs' "ok"
and "FAIL" lines, and the kernel's trace lines "PID: syscall NAME -> RET".
"""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
from gradelib import Fail, check_lines, krun, run, test  # noqa: E402

PROGRAMS = [
    "/labs/iam_test",
    "/labs/iam lizhijun; /labs/whoami",
    "/labs/trace_test",
    "/labs/trace 8 /bin/cat /etc/group",    # 8 = 1 << 3: read
]
TRACE_LINE = re.compile(r"^(\d+): syscall (\w+) -> (-?\d+)$")


def part(n):
    """What PROGRAMS[n] printed (its lines and the kernel's)."""
    line = "; ".join("echo '== %d'; %s" % (i, p) for i, p in
                     enumerate(PROGRAMS))
    status, out = krun(line)
    m = re.search(r"^== %d\n(.*?)(?=^== \d+\n|\Z)" % n, out, re.M | re.S)
    if not m:
        raise Fail("the run stopped before %s: ...%s" % (PROGRAMS[n],
                                                          out[-300:]))
    return m.group(1)


def traced(text):
    """The trace lines of text: (pid, name, result) each."""
    return [(int(m[1]), m[2], int(m[3])) for m in
            map(TRACE_LINE.match, text.splitlines()) if m]


def pid_of(text, who):
    """The pid trace_test printed as "who PID"."""
    m = re.search(r"^%s (\d+)$" % who, text, re.M)
    if not m:
        raise Fail('trace_test printed no "%s PID" line' % who)
    return int(m.group(1))


def iam_cases(*cases):
    out = part(0)
    for case in cases:
        check_lines(out, case)


@test(10, "iam and whoami: a name there and back")
def round_trip():
    iam_cases("iam returns the length", "whoami gives the name back")


@test(10, "iam takes 23 bytes; whoami returns them in 24")
def longest():
    iam_cases("iam takes 23 bytes", "whoami fills a buffer of exactly 24")


@test(10, "iam refuses 24 bytes (EINVAL) and keeps the old name")
def too_long():
    iam_cases("iam refuses 24 bytes with EINVAL",
              "a refused name leaves the old one")


@test(10, "iam: bad pointers are EFAULT")
def iam_efault():
    iam_cases("iam of NULL is EFAULT", "iam of a kernel address is EFAULT")


@test(5, "whoami: too small a buffer is EINVAL")
def too_small():
    iam_cases("whoami with too small a buffer is EINVAL")


@test(5, "whoami: bad pointers are EFAULT")
def whoami_efault():
    iam_cases("whoami into NULL is EFAULT",
              "whoami into a kernel address is EFAULT")


@test(5, "the kernel keeps the name for the next process")
def kept():
    out = part(1)
    if "lizhijun" not in out.splitlines():
        raise Fail("/labs/iam lizhijun; /labs/whoami printed %r" % out)


@test(15, "trace prints the calls in the mask: PID: syscall getpid -> PID")
def trace_prints():
    out = part(2)
    check_lines(out, "trace returns 0")
    pid = pid_of(out, "parent")
    if (pid, "getpid", pid) not in traced(out):
        raise Fail('no line "%d: syscall getpid -> %d"' % (pid, pid))


@test(5, "trace prints a failed call's result as -errno")
def trace_errors():
    out = part(2)
    pid = pid_of(out, "parent")
    if (pid, "close", -9) not in traced(out):
        raise Fail('no line "%d: syscall close -> -9" for close(-1)' % pid)


@test(5, "trace prints only the calls in the mask")
def trace_only_mask():
    lines = traced(part(2))
    others = [t for t in lines if t[1] not in ("getpid", "close")]
    if not lines or others:
        raise Fail("traced: %s" % (lines or "nothing"))


@test(5, "trace(0) turns tracing off")
def trace_off():
    out = part(2)
    check_lines(out, "trace(0) returns 0")
    pid = pid_of(out, "parent")
    getpids = [t for t in traced(out) if t[:2] == (pid, "getpid")]
    if len(getpids) != 1:
        raise Fail("%d getpid lines of pid %d, wanted 1 (the second getpid "
                   "came after trace(0))" % (len(getpids), pid))


@test(10, "a child inherits the mask at fork")
def trace_fork():
    out = part(2)
    child = pid_of(out, "child")
    if (child, "getpid", child) not in traced(out):
        raise Fail('no line "%d: syscall getpid -> %d" of the child'
                   % (child, child))


@test(5, "the mask survives exec: trace 8 cat traces cat's reads")
def trace_exec():
    reads = [r for _, name, r in traced(part(3)) if name == "read"]
    if not reads or reads[-1] != 0 or min(reads) < 0 or len(reads) < 2:
        raise Fail("the read results traced: %s; wanted some bytes, then 0"
                   % reads)


run()
