"""gdb commands that know Sprout's data structures.

Load with `source tools/gdb/sprout.py` (the .gdbinit that `make qemu-gdb`
and `make gdb` write does it); `help sprout` lists the commands. Each
command is a small module beside this one, one concern each:

  kernel.py    reading the kernel: the task table, symbols, page tables
  ps.py        sprout ps, sprout task PID
  files.py     sprout files PID
  vm.py        sprout vm PID [ADDR]
  bt.py        sprout bt PID
  syscalls.py  sprout syscalls, sprout break-syscall NAME
  user.py      sprout user PROG

They read the kernel through its debugging symbols (struct layouts, the
names of globals), so they follow the kernel when its structures change.
See docs/debugging.md.
"""
import os
import sys

import gdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


class Sprout(gdb.Command):
    """Commands that show Sprout's kernel data structures.

Processes: sprout ps, sprout task PID, sprout bt PID.
Files and memory: sprout files PID, sprout vm PID [ADDR].
System calls: sprout syscalls, sprout break-syscall NAME.
User programs: sprout user PROG loads a program's symbols."""

    def __init__(self):
        super().__init__("sprout", gdb.COMMAND_USER, prefix=True)


Sprout()

import ps        # noqa: E402  (each module registers its commands)
import files     # noqa: E402
import vm        # noqa: E402
import bt        # noqa: E402
import syscalls  # noqa: E402
import user      # noqa: E402
