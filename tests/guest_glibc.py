"""Programs built with Debian's glibc (i686-linux-gnu-gcc -static), not
ours, run on Sprout: tests/glibc/g_*.c, installed as /bin/glibc/g_*.
One boot runs them all through init's script mode (tests/glibc/run.sh,
which marks each program's output with "== NAME" and "== NAME: status
N"). Results are named `glibc: <program>: <case>`, plus one per program
for its exit status, and one that stdout's buffer was flushed by exit()."""
import re

from harness import guest_session, require, Timeout

SCRIPT = "/bin/glibc/run.sh"
PROGRAMS = {"g_malloc": 0, "g_tls": 0, "g_time": 0, "g_stdio": 7}


def run(results):
    if not results.wanted("glibc: "):
        return
    with guest_session("glibc", timeout=120,
                       cmdline="init=/sbin/init " + SCRIPT) as g:
        try:
            status, why = g.wait(), ""
        except Timeout as e:
            status, why = None, str(e)
    out = g.output.replace("\r\n", "\n")
    for name, want in PROGRAMS.items():
        prefix = "glibc: %s: " % name
        m = re.search(r"^== %s\n(.*?)^== %s: status (\d+)$"
                      % (name, name), out, re.S | re.M)
        results.parse_lines(m.group(1) if m else "", prefix)

        def exit_status(m=m, want=want):
            require(m, "no output between its markers (%s)" % why)
            require(int(m.group(2)) == want,
                    "status %s, expected %d" % (m.group(2), want))
        results.check(prefix + "exits %d" % want, exit_status)
    results.check("glibc: g_stdio: exit() flushes stdout",
                  lambda: require("exit flushes stdout\n== g_stdio" in out,
                                  "the unflushed line is missing"))

    def powered_off():
        require(status == 1, "QEMU exit status %s, expected 1 (%s)"
                % (status, why))
    results.check("glibc: the script ends and the machine powers off",
                  powered_off)
