"""gradelib: what every lab's grader (labs/NAME/grade.py) is made of.

A grader is a list of checks, each worth some points:

    import os, sys
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
    from gradelib import test, run, krun, Fail, check_lines

    @test(10, "iam stores the name")
    def iam_stores():
        status, out = krun("/labs/iam_test")
        check_lines(out, "iam stores the name")

    run()

A check passes by returning and fails by raising Fail("why") (an
AssertionError counts too). run() runs the checks in the order of the
file and prints one line each, then the score as the last line:

    syscall: iam stores the name: OK (10/10)
    syscall: trace is inherited by fork: FAIL (0/20) -- no "ok fork" line
    Score: 80/100

Its exit status is 0 on full marks and 1 otherwise, so scripts (and the
CI check in tests/guest_labs.py) can tell.

Sprout runs under tools/krun: one boot of QEMU per command line. Boots
cost seconds, so krun() remembers what each line printed, and several
checks that read the same run's output share one boot.
"""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KRUN = os.path.join(ROOT, "tools", "krun")
KRUN_FAILED = 125        # krun's "could not tell the line's status"

_checks = []             # (function, points, name), in the file's order
_boots = {}              # (line, files, cmdline) -> (status, output)


class Fail(Exception):
    """A check's failure; its message is the why shown to the student."""


def test(points, name):
    """Decorate a check worth points; it is graded under name."""
    def register(fn):
        _checks.append((fn, points, name))
        return fn
    return register


def _stage(files, tmp):
    """A folder holding files ({guest path: host path}) at their guest
    paths, for krun -i, which copies a folder's tree onto the disk."""
    for guest, host in files.items():
        dst = os.path.join(tmp, guest.lstrip("/"))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(host, dst)
    return tmp


def _boot(line, timeout, files, cmdline):
    args = [KRUN, "-t", str(timeout)]
    if cmdline:
        args += ["-a", cmdline]
    with tempfile.TemporaryDirectory(prefix="grade-") as tmp:
        if files:
            args += ["-i", _stage(files, tmp)]
        try:
            out = subprocess.run(args + [line], cwd=ROOT,
                                 stdin=subprocess.DEVNULL,
                                 capture_output=True, timeout=timeout + 60)
        except subprocess.TimeoutExpired:
            return KRUN_FAILED, "krun did not finish in %d s\n" % timeout
    output = out.stdout.decode("utf-8", "replace")
    if out.returncode == KRUN_FAILED:
        # krun's own complaint (a panic, a hang) and the console's tail.
        output += out.stderr.decode("utf-8", "replace")
    return out.returncode, output


def krun(line, timeout=120, files=None, cmdline=None):
    """Boot Sprout and run the shell command line on it: (exit status,
    everything it and the kernel printed). files ({guest path: host
    path}) are added to the disk copy first; cmdline holds more kernel
    command-line words. Each distinct request boots once."""
    key = (line, tuple(sorted(files.items())) if files else None, cmdline)
    if key not in _boots:
        _boots[key] = _boot(line, timeout, files, cmdline)
    return _boots[key]


def check_lines(output, case):
    """Pass if output has the line "ok <case>"; else fail with the
    reason its "FAIL <case> -- why" line gives, if it has one."""
    lines = output.splitlines()
    if "ok " + case in lines:
        return
    for line in lines:
        if line == "FAIL " + case or line.startswith("FAIL %s -- " % case):
            raise Fail(line.partition(" -- ")[2] or line)
    tail = " | ".join(lines[-3:])
    raise Fail('no "ok %s" line; the output ended: %s' % (case, tail))


def _lab_name():
    """The lab's name: the folder of the grader, labs/NAME/grade.py."""
    return os.path.basename(os.path.dirname(os.path.abspath(sys.argv[0])))


def run():
    """Run the checks, print a line each and the score; exit 0 on full
    marks, 1 otherwise."""
    lab = _lab_name()
    score = total = 0
    for fn, points, name in _checks:
        total += points
        print("%s: %s: " % (lab, name), end="", flush=True)
        try:
            fn()
        except (Fail, AssertionError) as e:
            print("FAIL (0/%d) -- %s" % (points, str(e) or "failed"))
            continue
        except Exception as e:      # the grader's own bug: still a line
            print("FAIL (0/%d) -- %s: %s" % (points, type(e).__name__, e))
            continue
        score += points
        print("OK (%d/%d)" % (points, points))
    print("Score: %d/%d" % (score, total), flush=True)
    sys.exit(0 if score == total else 1)
