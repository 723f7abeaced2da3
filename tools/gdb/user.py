"""sprout user PROG: a user program's symbols, for breakpoints in it.

User programs are linked at fixed addresses (0x08048000 up, tools/kcc),
so gdb needs no offset: adding the ELF file's symbols is enough. Every
program uses the same addresses, so `break main` then stops in whichever
process runs code at that address: load one program at a time
(remove-symbol-file to drop it).
"""
import glob
import os

import gdb

# Where the build keeps programs; labs/* because a lab's FILE.c is
# built as labs/NAME/FILE but is /labs/FILE on the disk (labs/labs.mk).
PLACES = ["", "user", "user/bin", "user/sbin", "user/tests", "labs/*"]


def find_program(name):
    """PROG as given, or a program of the build: sh, bin/cat, tests/t_fork,
    a lab's iam_test."""
    build = os.path.dirname(gdb.current_progspace().filename)
    for place in PLACES:
        pattern = os.path.join(build, place, name) if place else name
        for path in glob.glob(pattern):
            if os.path.isfile(path):
                return path
    raise gdb.GdbError("no program %r in %s/user or %s/labs"
                       % (name, build, build))


class User(gdb.Command):
    """Load a user program's symbols: sprout user PROG.
PROG is a path or a name in the build (sh, cat, tests/t_fork, iam_test). Then
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
