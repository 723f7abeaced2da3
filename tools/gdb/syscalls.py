"""sprout syscalls and sprout break-syscall NAME.

The table is the list the kernel's own is made from,
kernel/include/uapi/sprout/syscalls.h: one line per call,

  SYSCALL3(4, write, unistd, ssize_t, int, fd, const void *, buf, size_t, count)

which kernel/entry/syscall.c turns into sys_call_table[]: entry 4
calls sys_write with the trap frame's ebx, ecx, edx as its arguments.
"""
import os
import re

import gdb

HEADER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                      "kernel", "include", "uapi", "sprout", "syscalls.h")
LINE = re.compile(r"^SYSCALL\d\(\s*(\d+),\s*(\w+),\s*\w+,\s*[^,)]+(.*?)\)\s*(/\*|$)")


def table():
    """(number, name, [(type, argument)]) of every system call."""
    with open(HEADER) as f:
        for line in f:
            m = LINE.match(line)
            if m:
                words = [w.strip() for w in m.group(3).split(",")[1:]]
                yield (int(m.group(1)), m.group(2),
                       list(zip(words[0::2], words[1::2])))


def declaration(name, args):
    """"write(int fd, const void *buf, size_t count)"."""
    return "%s(%s)" % (name, ", ".join(
        t + ("" if t.endswith("*") else " ") + a for t, a in args))


class Syscalls(gdb.Command):
    """List the system calls: number, name, arguments.
The number is what a program puts in eax before int 0x80; the arguments
go in ebx, ecx, edx, esi, edi, ebp."""

    def __init__(self):
        super().__init__("sprout syscalls", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        for nr, name, args in table():
            print("%4d %s" % (nr, declaration(name, args)))


class BreakSyscall(gdb.Command):
    """Stop when any process makes a system call: sprout break-syscall NAME.
A breakpoint on its handler, sys_NAME; when it stops, `current` is the
caller (sprout task, sprout bt on its pid)."""

    def __init__(self):
        super().__init__("sprout break-syscall", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        name = arg.strip()
        if name not in (n for _, n, _ in table()):
            raise gdb.GdbError("no system call %r (see sprout syscalls)"
                               % name)
        gdb.Breakpoint("sys_" + name)


Syscalls()
BreakSyscall()
