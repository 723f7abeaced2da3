"""tools/kprof, as a student uses it: one profile of a short command line
(one boot, a few seconds), cut in two phases by a line it prints, and
checks of the tables it prints: the functions the command must have run
are there with counts and calls, the percentages add up to 100, and the
phases split where the line said."""
import os
import re
import subprocess

from harness import ROOT, require
from guest_kcc import tool_env

MARK = "kprof-test-phase"
LINE = "cat /bin/true > /dev/null; echo %s; echo x" % MARK
ROW = re.compile(r"^ +([\d,]+) +([\d.]+)% +([\d,]*) +(\S.*)$")


def kprof_output():
    out = subprocess.run([os.path.join(ROOT, "tools/kprof"), "-q", "-t",
                          "60", "-n", "0", "--split", MARK, "-c", LINE],
                         cwd=ROOT, env=tool_env(), capture_output=True,
                         text=True, timeout=120)
    require(out.returncode == 0, "kprof exit %d: %s"
            % (out.returncode, out.stderr[-1000:]))
    return out.stdout


def phases(text):
    """Each phase's kernel table: {function: (instructions, %, calls)},
    and the total its header line gave."""
    found = []
    for part in text.split("\nkprof: "):
        m = re.search(r"kernel ([\d,]+) \(", part)
        require(m, "no kernel total in %r" % part[:300])
        rows = {}
        table = part.split("\nkernel (")[1].split("\nuser (")[0]
        for line in table.splitlines():
            r = ROW.match(line)
            if r:
                rows[r.group(4)] = (int(r.group(1).replace(",", "")),
                                    float(r.group(2)),
                                    int(r.group(3).replace(",", "") or 0))
        found.append((int(m.group(1).replace(",", "")), rows))
    return found


def run(results):
    if not results.wanted("kprof: "):
        return
    got = {}

    def profile():
        got["phases"] = phases(kprof_output())
        require(len(got["phases"]) == 2, "%d phases, wanted 2 (split at "
                "%r)" % (len(got["phases"]), MARK))
    results.check("kprof: profiles '%s' in two phases" % LINE, profile)

    def first_phase_ran_cat():
        total, rows = got["phases"][0]
        for name in ("syscall_dispatch", "sys_read", "sys_execve"):
            require(name in rows and rows[name][0] > 0 and rows[name][2] > 0,
                    "%s: %r" % (name, rows.get(name)))
        require(sum(n for n, _, _ in rows.values()) == total,
                "the rows add up to %d, the total says %d"
                % (sum(n for n, _, _ in rows.values()), total))
        pct = sum(p for _, p, _ in rows.values())
        require(abs(pct - 100) < 0.5, "percentages add up to %.2f" % pct)
    results.check("kprof: phase 1 shows cat's system calls with "
                  "instructions and calls, adding up to 100%",
                  first_phase_ran_cat)

    def second_phase_only_echo():
        _, rows = got["phases"][1]
        require("sys_write" in rows, "no sys_write: %r" % sorted(rows))
        require("sys_read" not in rows and "sys_execve" not in rows,
                "cat's calls leaked past the split: %r" % sorted(rows))
    results.check("kprof: phase 2 (after the split line) has the echo's "
                  "write and none of cat's reads", second_phase_only_echo)
