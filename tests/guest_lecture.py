"""The course's own example programs, tests/user/lecture_*.c: plain POSIX
C as the lecture shows it (threads too: all are built with -pthread). Each must compile with tools/kcc without a
warning, and print on Sprout (booted as process 1) exactly what it prints
on this Linux machine, built by the host's C compiler and run here.

Results are named `lecture: <program>: ...`."""
import glob
import os
import subprocess
import tempfile

from harness import ROOT, guest_session, require
from guest_kcc import run_tool


def compile_with_kcc(src, tmp):
    out = run_tool(["tools/kcc", "-pthread", "-O2", "-Wall", "-Wextra", "-o",
                    os.path.join(tmp, "kcc.out"), src])
    require(out.stderr == "", "warnings:\n" + out.stderr[-1500:])


def linux_output(src, tmp):
    exe = os.path.join(tmp, "host.out")
    cc = os.environ.get("HOSTCC", "cc")
    out = subprocess.run([cc, "-pthread", "-O2", "-o", exe, src],
                         capture_output=True,
                         text=True, timeout=120)
    require(out.returncode == 0, "%s: %s" % (cc, out.stderr[-1500:]))
    run = subprocess.run([exe], capture_output=True, text=True, timeout=60)
    require(run.returncode == 0, "on Linux it exited %d" % run.returncode)
    return run.stdout


def sprout_output(name):
    """What the program printed between the kernel's starting it and
    reporting its exit (which must be status 0). The kernel says so
    before its power-off sync: QEMU must be let power off, not killed
    then, or the disk is left half written (the programs make and
    remove files in /tmp) and the final e2fsck fails now and then."""
    with guest_session("lecture-" + name, timeout=60,
                       cmdline="init=/bin/tests/" + name) as g:
        start = g.expect(r"init: starting \S+\r?\n").end()
        end = g.expect(r"init exited with status (\d+)")
        require(end.group(1) == "0", "on Sprout it exited " + end.group(1))
        status = g.wait()
        require(status == 1, "QEMU exit status %d, expected 1" % status)
        return g.output[start:end.start()].replace("\r\n", "\n")


def check_program(src):
    name = os.path.basename(src)[:-2]
    with tempfile.TemporaryDirectory() as tmp:
        compile_with_kcc(src, tmp)
        want = linux_output(src, tmp)
    got = sprout_output(name)
    require(got == want, "Sprout printed %r, Linux %r" % (got, want))


def run(results):
    for src in sorted(glob.glob(os.path.join(ROOT, "tests/user/lecture_*.c"))):
        name = os.path.basename(src)[:-2]
        results.check("lecture: %s: compiles with kcc and prints what it "
                      "prints on Linux" % name,
                      lambda src=src: check_program(src))
