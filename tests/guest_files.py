"""Guest tests of the file system calls: each tests/user/f_*.c program runs
as process 1 (init=/bin/tests/f_...) and prints `ok <case>` / `FAIL <case>
-- <why>` lines. They work under /tmp on the shared test disk and remove
all they made (the full-disk case fills it up first), so run.py's final
e2fsck must still find it clean."""
import glob
import os

from harness import ROOT, guest_session, require

TIMEOUT = 300                   # f_big writes 16 MiB and fills the disk


def programs():
    return sorted(os.path.basename(p)[:-2]
                  for p in glob.glob(os.path.join(ROOT, "tests/user/f_*.c")))


def run_program(results, name):
    def boot():
        with guest_session("files-" + name, timeout=TIMEOUT,
                           cmdline="init=/bin/tests/" + name) as g:
            g.wait()
            seen = results.parse_lines(g.output, "files: %s: " % name)
            require(seen > 0, "no ok/FAIL lines")
            require("init exited with status 0" in g.output,
                    "the program did not exit with status 0")
    results.check("files: %s runs to the end" % name, boot)


def run(results):
    for name in programs():
        run_program(results, name)
