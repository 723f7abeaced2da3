"""Guest tests of processes: each tests/user/t_*.c program runs as process
1 (init=/bin/tests/t_...) and prints `ok <case>` / `FAIL <case> -- <why>`
lines, then exits 0; the kernel reports `init exited with status 0` and
powers off, so QEMU exits with status 2*0+1 = 1.

Results are named `proc: <program>: <case>`; `tests/run.py -k t_fork`
runs one program. The same programs run on an x86 Linux machine too (see
tests/user/check.h)."""
from harness import guest_session, run_test_programs, run_test_program, require


def sbin_init():
    """A boot without init= runs /sbin/init, which says who it is."""
    with guest_session("proc-sbin-init", timeout=90) as g:
        g.expect(r"init: Sprout process 1 running")


def umip_cpu(results):
    """t_umip once more, on a CPU that has UMIP: QEMU's default qemu32
    has none (the glob's boot of t_umip only says skip), its TCG `max`
    model has it. "need-umip" makes a CPU without it a failure."""
    prefix = "proc: t_umip on -cpu max: "
    if not (results.wanted(prefix) or results.pattern.startswith(prefix)):
        return
    g = run_test_program(results, "proc", "t_umip", prefix, 90,
                         args="need-umip", extra=["-cpu", "max"])
    results.check(prefix + "the kernel says UMIP is on", lambda: require(
        "cpu: UMIP on" in g.output, "no \"cpu: UMIP on\" line at boot"))


def run(results):
    results.check("proc: /sbin/init starts as process 1", sbin_init)
    run_test_programs(results, "proc", "t_*.c")
    umip_cpu(results)
