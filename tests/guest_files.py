"""Guest tests of the file system calls: each tests/user/f_*.c program runs
as process 1 (init=/bin/tests/f_...) and prints `ok <case>` / `FAIL <case>
-- <why>` lines. They work under /tmp on the shared test disk and remove
all they made (the full-disk case fills it up first), so run.py's final
e2fsck must still find it clean. Results: `files: <program>: <case>`."""
from harness import run_test_programs


def run(results):
    # f_big writes 16 MiB and then fills the disk: allow it time.
    run_test_programs(results, "files", "f_*.c", timeout=300)
