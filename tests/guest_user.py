"""Guest tests of processes: each tests/user/t_*.c program runs as process
1 (init=/bin/tests/t_...) and prints `ok <case>` / `FAIL <case> -- <why>`
lines, then exits 0; the kernel reports `init exited with status 0` and
powers off, so QEMU exits with status 2*0+1 = 1.

Results are named `proc: <program>: <case>`; `tests/run.py -k t_fork`
runs one program. The same programs run on an x86 Linux machine too (see
tests/user/check.h)."""
from harness import guest_session, run_test_programs


def sbin_init():
    """A boot without init= runs /sbin/init, which says who it is."""
    with guest_session("proc-sbin-init", timeout=90) as g:
        g.expect(r"init: Sprout process 1 running")


def run(results):
    results.check("proc: /sbin/init starts as process 1", sbin_init)
    run_test_programs(results, "proc", "t_*.c")
