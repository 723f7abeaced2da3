"""Guest tests of the C library: each tests/user/l_*.c program runs as
process 1 (init=/bin/tests/l_...), prints `ok <case>` / `FAIL <case> --
<why>` lines and `ok ran to the end`, and exits 0, as guest_user.py's
programs do. Results are named `libc: <program>: <case>`."""
import glob
import os

from harness import ROOT, Timeout, guest_session, require

TIMEOUT = 90


def run_program(results, name):
    prefix = "libc: %s: " % name
    with guest_session("libc-" + name, timeout=TIMEOUT,
                       cmdline="init=/bin/tests/" + name) as g:
        try:
            status, why = g.wait(), ""
        except Timeout as e:
            status, why = None, str(e)
    seen = results.parse_lines(g.output, prefix)

    def powered_off():
        require(status is not None, why)
        require(seen > 0, "the program printed no ok/FAIL lines")
        require("ok ran to the end" in g.output,
                "it stopped part-way (no `ok ran to the end`)")
        require(status == 1, "QEMU exit status %d, expected 1" % status)
    results.check(prefix + "boots, runs every case, exits 0, powers off",
                  powered_off)


def run(results):
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/user/l_*.c"))):
        name = os.path.basename(path)[:-2]
        prefix = "libc: %s: " % name    # -k may name the program or a case
        if results.wanted(prefix) or results.pattern.startswith(prefix):
            run_program(results, name)
