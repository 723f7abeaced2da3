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
import importlib
import os
import sys

import gdb

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)


class Sprout(gdb.Command):
    """Commands that show Sprout's kernel data structures.

Processes: sprout ps, sprout task PID, sprout bt PID.
Files and memory: sprout files PID, sprout vm PID [ADDR].
System calls: sprout syscalls, sprout break-syscall NAME.
User programs: sprout user PROG loads a program's symbols."""

    def __init__(self):
        super().__init__("sprout", gdb.COMMAND_USER, prefix=True)


Sprout()

# Each module registers its commands when it runs. A second `source`
# (after you edit one) runs them again: kernel first, as the others
# take their helpers from it.
for module in ["kernel", "ps", "files", "vm", "bt", "syscalls", "user"]:
    if module in sys.modules:
        importlib.reload(sys.modules[module])
    else:
        importlib.import_module(module)
