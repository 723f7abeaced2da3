"""Guest tests of processes: each tests/user/t_*.c program runs as process
1 (init=/bin/tests/t_...) and prints `ok <case>` / `FAIL <case> -- <why>`
lines, ending with `ok ran to the end`; then it exits 0, and the kernel
reports `init exited with status 0` and powers off, so QEMU exits with
status 2*0+1 = 1.

Results are named `proc: <program>: <case>`; `tests/run.py -k proc: t_fork`
runs one program. The same programs run on an x86 Linux machine too (see
tests/user/check.h)."""
import glob
import os

from harness import ROOT, Timeout, guest_session, require

TIMEOUT = 90                    # per boot; each program takes seconds


def programs():
    return sorted(os.path.basename(p)[:-2]
                  for p in glob.glob(os.path.join(ROOT, "tests/user/t_*.c")))


def run_program(results, name):
    prefix = "proc: %s: " % name
    with guest_session("proc-" + name, timeout=TIMEOUT,
                       cmdline="init=/bin/tests/" + name) as g:
        try:
            status = g.wait()
            why = ""
        except Timeout as e:
            status, why = None, str(e)
    seen = results.parse_lines(g.output, prefix)

    def powered_off():
        require(status is not None, why)
        require(seen > 0, "the program printed no ok/FAIL lines")
        require("ok ran to the end" in g.output,
                "it stopped part-way (no `ok ran to the end`)")
        require("init exited with status 0" in g.output,
                "process 1's exit with status 0 was not reported")
        require(status == 1, "QEMU exit status %d, expected 1" % status)
    results.check(prefix + "boots, runs every case, exits 0, powers off",
                  powered_off)


def sbin_init():
    """A boot without init= runs /sbin/init, which says who it is."""
    with guest_session("proc-sbin-init", timeout=TIMEOUT) as g:
        g.expect(r"init: Sprout process 1 running")


def run(results):
    results.check("proc: /sbin/init starts as process 1", sbin_init)
    for name in programs():
        if results.wanted("proc: %s: " % name):
            run_program(results, name)
