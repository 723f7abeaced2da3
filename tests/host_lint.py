"""make lint's own tests: the tree passes, and each kind of violation it
exists to catch makes it fail, naming the file and line. Each case runs
tools/lint.py on a scratch copy of kernel/ and docs/ with one line added."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from harness import ROOT


def lint(root):
    return subprocess.run([sys.executable, os.path.join(root, "tools", "lint.py")],
                          capture_output=True, text=True)


def scratch_tree():
    d = tempfile.mkdtemp(prefix="sprout-lint-")
    for part in ("kernel", "docs", "tools"):
        shutil.copytree(os.path.join(ROOT, part), os.path.join(d, part))
    return d


def expect_failure(path, line, text, where, message):
    """Put `text` at line `line` of `path` in a scratch tree: lint must fail
    with `message` at `where`."""
    def test():
        d = scratch_tree()
        try:
            f = os.path.join(d, path)
            lines = open(f).read().split("\n")
            lines.insert(line - 1, text)
            open(f, "w").write("\n".join(lines))
            out = lint(d)
            if out.returncode == 0:
                raise AssertionError("lint passed:\n" + out.stdout[-500:])
            want = "%s: %s" % (where, message)
            if want not in out.stdout:
                raise AssertionError("no %r in:\n%s" % (want, out.stdout[-800:]))
        finally:
            shutil.rmtree(d)
    return test


def tree_passes():
    out = lint(ROOT)
    if out.returncode != 0:
        raise AssertionError(out.stdout[-1500:])
    folders = re.findall(r"^lint: (\w+)\s+may use:", out.stdout, re.M)
    kernel = os.path.join(ROOT, "kernel")
    want = sorted(d for d in os.listdir(kernel) if d != "include" and
                  os.path.isdir(os.path.join(kernel, d)))
    if sorted(folders) != want:
        raise AssertionError("one line per folder (%s) expected, got %s"
                             % (want, folders))


def run(results):
    results.check("lint: the kernel tree follows its layering", tree_passes)
    results.check("lint: kernel/lib including fs/fs.h fails",
                  expect_failure("kernel/lib/string.c", 1, '#include "fs/fs.h"',
                                 "kernel/lib/string.c:1",
                                 'includes "fs/fs.h": fs/ is above lib/'))
    results.check("lint: a private header of another folder fails",
                  expect_failure("kernel/proc/fork.c", 1, '#include "fs/ext2.h"',
                                 "kernel/proc/fork.c:1",
                                 'includes "fs/ext2.h", private to fs/'))
    results.check("lint: a prototype in a .c file fails",
                  expect_failure("kernel/mm/kmalloc.c", 1, "void schedule(void);",
                                 "kernel/mm/kmalloc.c:1",
                                 "prototype declared in a .c file"))
    results.check("lint: an extern in a .c file fails",
                  expect_failure("kernel/fs/file.c", 1, "extern int nr_files;",
                                 "kernel/fs/file.c:1",
                                 "extern declared in a .c file"))
    results.check("lint: a folder missing from docs/architecture.md fails",
                  missing_folder)


def missing_folder():
    d = scratch_tree()
    try:
        os.mkdir(os.path.join(d, "kernel", "ipc"))
        open(os.path.join(d, "kernel", "ipc", "ipc.c"), "w").write("int x;\n")
        out = lint(d)
        if out.returncode == 0 or "kernel/ipc/: a folder" not in out.stdout:
            raise AssertionError(out.stdout[-500:])
    finally:
        shutil.rmtree(d)
