"""sprout user PROG: a user program's symbols, for breakpoints in it.

User programs are linked at fixed addresses (0x08048000 up, tools/kcc),
so gdb needs no offset: adding the ELF file's symbols is enough. Every
program uses the same addresses, so `break main` then stops in whichever
process runs code at that address: load one program at a time
(remove-symbol-file to drop it).
"""
import os

import gdb

PLACES = ["", "user", "user/bin", "user/sbin", "user/tests"]


def find_program(name):
    """PROG as given, or a program of the build: sh, bin/cat, tests/t_fork."""
    build = os.path.dirname(gdb.current_progspace().filename)
    for place in PLACES:
        path = os.path.join(build, place, name) if place else name
        if os.path.isfile(path):
            return path
    raise gdb.GdbError("no program %r in %s/user" % (name, build))


class User(gdb.Command):
    """Load a user program's symbols: sprout user PROG.
PROG is a path or a name in the build (sh, cat, tests/t_fork). Then
`break main` or `break some_function` stops in that program."""

    def __init__(self):
        super().__init__("sprout user", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        confirm = gdb.parameter("confirm")    # add-symbol-file asks
        gdb.execute("set confirm off")
        try:
            gdb.execute("add-symbol-file %s" % find_program(arg.strip()))
        finally:
            gdb.execute("set confirm %s" % ("on" if confirm else "off"))


User()
