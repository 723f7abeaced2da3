#!/usr/bin/env python3
"""The list of Sprout's system calls in docs/compat.md, made from THE
table, kernel/include/uapi/sprout/syscalls.h, so that the page cannot
drift from the kernel: one row per call with its Linux i386 number, its
prototype as the table types it, and the table's note.

  tools/calltable.py          print the Markdown table
  tools/calltable.py --doc    write it between docs/compat.md's markers

tests/host_calltable.py fails when the page is not what this prints: a
call added to the table needs `tools/calltable.py --doc` too.
"""
import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import docpage  # noqa: E402

TABLE = os.path.join(ROOT, "kernel", "include", "uapi", "sprout",
                     "syscalls.h")
DOC = os.path.join(ROOT, "docs", "compat.md")
BEGIN = "<!-- call table: begin (tools/calltable.py --doc writes it) -->"
END = "<!-- call table: end -->"
# SYSCALL3(  4, write,  unistd,  ssize_t, int, fd, ...)  /* a note */
LINE = re.compile(r"^SYSCALL(\d)\((.*)\)\s*(?:/\*\s*(.*?)\s*\*/)?\s*$")


class Call:
    def __init__(self, nr, name, libc, ret, args, note):
        self.nr, self.name, self.libc, self.ret = nr, name, libc, ret
        self.args, self.note = args, note     # args: [(type, name)]

    def prototype(self):
        params = ", ".join(t + ("" if t.endswith("*") else " ") + a
                           for t, a in self.args) or "void"
        return "%s %s(%s)" % (self.ret, self.name, params)


def calls(text):
    """The table's calls, in its order, from the text of syscalls.h."""
    found = []
    for line in text.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split(",")]
        n = int(m.group(1))
        nr, name, libc, ret, rest = fields[0], fields[1], fields[2], \
            fields[3], fields[4:]
        if len(rest) != 2 * n:
            raise ValueError("SYSCALL%d(%s ...) has %d arguments"
                             % (n, name, len(rest) // 2))
        found.append(Call(int(nr), name, libc, ret,
                          list(zip(rest[0::2], rest[1::2])),
                          m.group(3) or ""))
    return found


def markdown(found):
    out = ["| nr | the call, as the table types it | note |",
           "|---:|---|---|"]
    for c in found:
        out.append("| %d | `%s` | %s |" % (c.nr, c.prototype(),
                                           c.note.replace("|", "\\|")))
    out.append("")
    out.append("%d calls; every other number answers `-ENOSYS`." %
               len(found))
    return "\n".join(out)


def current():
    with open(TABLE) as f:
        return markdown(calls(f.read()))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--doc", action="store_true",
                    help="write the table into docs/compat.md")
    args = ap.parse_args()
    text = current()
    if not args.doc:
        print(text)
        return
    with open(DOC) as f:
        page = f.read()
    with open(DOC, "w") as f:
        f.write(docpage.put_between(text, page, BEGIN, END))
    print("calltable: wrote %s" % os.path.relpath(DOC, ROOT))


if __name__ == "__main__":
    main()
