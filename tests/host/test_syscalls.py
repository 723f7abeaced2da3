#!/usr/bin/env python3
"""Checks of the system-call table, kernel/include/uapi/sprout/syscalls.h,
made with the cross compiler. Run by build/host/test_syscalls, which
tests/host/host.mk writes with the build's flags in the environment; it
prints `ok <case>` or `FAIL <case> -- <why>` like the other host tests.

  - every kernel file defining a handler includes include/syscall.h, so
    the compiler compares each handler with its table line;
  - a handler whose parameters differ from its line does not compile;
  - a table line with no handler does not link.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TABLE = "kernel/include/uapi/sprout/syscalls.h"
ENV = os.environ

failed = False


def report(case, why):
    global failed
    if why:
        failed = True
        print("FAIL %s -- %s" % (case, why))
    else:
        print("ok %s" % case)


def run(cmd):
    """Run cmd from the top folder; (succeeded, everything it printed)."""
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True,
                       text=True, env=dict(ENV, LC_ALL="C"))
    return p.returncode == 0, p.stdout + p.stderr


def kernel_cc(src, out, extra=()):
    return run([ENV["CC"]] + list(extra) + ENV["KCFLAGS"].split() +
               ["-c", src, "-o", out])


def handler_files_include_prototypes():
    missing = []
    for path in sorted(glob.glob(os.path.join(ROOT, "kernel/*/*.c"))):
        text = open(path).read()
        if (re.search(r"^long sys_\w+\(", text, re.M) and
                '#include "include/syscall.h"' not in text):
            missing.append(os.path.relpath(path, ROOT))
    return "no include/syscall.h in " + ", ".join(missing) if missing else ""


def mismatched_handler_fails(tmp):
    src = os.path.join(tmp, "handler.c")
    obj = os.path.join(tmp, "handler.o")
    for params, want_ok in (("int fd", True), ("int fd, int extra", False)):
        with open(src, "w") as f:
            f.write('#include "include/syscall.h"\n'
                    "long sys_close(%s) { return fd; }\n" % params)
        ok, out = kernel_cc(src, obj)
        if ok != want_ok:
            return "sys_close(%s): %s" % (params, out.strip() or "compiled")
        if not ok and "conflicting types for 'sys_close'" not in out:
            return "unexpected error: " + out
    return ""


def missing_handler_fails(tmp):
    """Link the kernel with entry/syscall.c built from the real table, then
    from one with an extra line: the first links, the second must not."""
    uapi = os.path.join(tmp, "uapi", "sprout")
    os.makedirs(uapi)
    lines = open(os.path.join(ROOT, TABLE)).read().split("\n")
    last = max(i for i, l in enumerate(lines) if l.startswith("SYSCALL"))
    bogus = "SYSCALL0(299, no_such_call, 0, int)"
    objs = [o for o in ENV["KOBJS"].split()
            if not o.endswith("/entry/syscall.o")]
    ksyms = os.path.join(ENV["B"], "ksyms0.o")
    for extra, want_ok in (([], True), ([bogus], False)):
        with open(os.path.join(uapi, "syscalls.h"), "w") as f:
            f.write("\n".join(lines[:last + 1] + extra + lines[last + 1:]))
        obj = os.path.join(tmp, "syscall.o")
        ok, out = kernel_cc("kernel/entry/syscall.c", obj,
                            ["-I" + os.path.dirname(uapi)])
        if not ok:
            return "kernel/entry/syscall.c did not compile: " + out
        ok, out = run([ENV["LD"]] + ENV["KLDFLAGS"].split() +
                      ["-o", os.path.join(tmp, "kernel.elf")] + objs +
                      [obj, ksyms, ENV["LIBGCC"]])
        if ok != want_ok:
            return "table%s: %s" % (" + " + bogus if extra else "",
                                    out.strip() or "linked")
        if not ok and "undefined reference to `sys_no_such_call'" not in out:
            return "unexpected link error: " + out
    return ""


def main():
    report("syscalls: every file defining a handler includes "
           "include/syscall.h", handler_files_include_prototypes())
    with tempfile.TemporaryDirectory(prefix="sprout-syscalls-") as tmp:
        report("syscalls: a handler whose parameters differ from its table "
               "line does not compile", mismatched_handler_fails(tmp))
    with tempfile.TemporaryDirectory(prefix="sprout-syscalls-") as tmp:
        report("syscalls: a table line with no handler does not link",
               missing_handler_fails(tmp))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
