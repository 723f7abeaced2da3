"""docs/compat.md's list of system calls is tools/calltable.py's output
for today's kernel/include/uapi/sprout/syscalls.h, and the tool reads
the table's lines as the kernel's macros do."""
import os
import sys

from harness import ROOT, require

sys.path.insert(0, os.path.join(ROOT, "tools"))
import calltable  # noqa: E402
import docpage  # noqa: E402

SAMPLE = """
SYSCALL3(  4, write,         unistd,      ssize_t, int, fd, const void *, buf, size_t, count)
SYSCALL0( 20, getpid,        unistd,      pid_t)
SYSCALL1(  1, exit,          0,           void,    int, status)  /* libc's _exit() uses exit_group */
#define SYSCALL0(nr, name, libc, ret) SYSCALL(nr, name, libc, ret, 0, void)
"""


def reads_lines():
    found = calltable.calls(SAMPLE)
    got = [(c.nr, c.prototype(), c.note) for c in found]
    require(got == [
        (4, "ssize_t write(int fd, const void *buf, size_t count)", ""),
        (20, "pid_t getpid(void)", ""),
        (1, "void exit(int status)", "libc's _exit() uses exit_group")],
        "read %r" % got)
    try:
        calltable.calls("SYSCALL2(  6, close, unistd, int, int, fd)")
    except ValueError:
        return
    raise AssertionError("SYSCALL2 with one argument was accepted")


def doc_is_current():
    with open(calltable.DOC) as f:
        page = f.read()
    shown = docpage.between(page, calltable.BEGIN, calltable.END)
    require(shown is not None, "docs/compat.md has no call-table markers")
    require(shown == calltable.current(), "docs/compat.md's call list is "
            "not the table's: run tools/calltable.py --doc")


def run(results):
    results.check("host: calltable reads syscalls.h's lines: number, "
                  "prototype, note; a wrong argument count", reads_lines)
    results.check("host: docs/compat.md lists the calls of syscalls.h "
                  "(tools/calltable.py --doc)", doc_is_current)
