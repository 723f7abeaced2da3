"""tools/krun, as a student or a script uses it: each case runs krun (one
boot each, about half a second) and checks what it printed and its exit
status. krun works on copies of build/disk.img; that the image is left
alone is checked too."""
import os
import subprocess
import tempfile

from harness import IMAGE, ROOT, require
from guest_kcc import tool_env

LINES = r"""
#include <stdio.h>
#include <stdlib.h>

/* N numbered lines, then one without a newline; exit status 7. */
int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;

	for (int i = 1; i <= n; i++)
		printf("line %d of %d\n", i, n);
	printf("the end, no newline");
	return 7;
}
"""
LONG = 3000


def krun(*args, timeout=120, stdin=b""):
    """krun's standard input is a pipe holding stdin (empty by default:
    never the test run's own, which krun would read to its end)."""
    return subprocess.run([os.path.join(ROOT, "tools/krun"), "-t", "30"] +
                          list(args),
                          cwd=ROOT, env=tool_env(), capture_output=True,
                          timeout=timeout, input=stdin)


def expect(args, out, status, stdin=b""):
    got = krun(*args, stdin=stdin)
    require(got.returncode == status and got.stdout == out,
            "krun %s: exit %d, wanted %d; output %r, wanted %r; stderr %r"
            % (" ".join(args), got.returncode, status, got.stdout[-300:],
               out[-300:], got.stderr[-500:]))


def lines_dir(tmp):
    """A folder for -i: bin/lines built with tools/kcc (once)."""
    extra = os.path.join(tmp, "extra")
    if os.path.exists(extra):
        return extra
    src = os.path.join(tmp, "lines.c")
    with open(src, "w") as f:
        f.write(LINES)
    os.makedirs(os.path.join(extra, "bin"))
    out = subprocess.run(["tools/kcc", "-O2", "-o",
                          os.path.join(extra, "bin", "lines"), src],
                         cwd=ROOT, env=tool_env(), capture_output=True,
                         text=True, timeout=120)
    require(out.returncode == 0, "tools/kcc: " + out.stderr[-1000:])
    return extra


def panic_dir(tmp):
    """A folder for -i whose /sbin/init is not a program: the kernel
    cannot start process 1 and panics."""
    extra = os.path.join(tmp, "panic")
    os.makedirs(os.path.join(extra, "sbin"))
    init = os.path.join(extra, "sbin", "init")
    with open(init, "w") as f:
        f.write("not a program\n")
    os.chmod(init, 0o755)
    return extra


def od_tail(data):
    """The last two lines of the build machine's od -c of data."""
    out = subprocess.run(["od", "-c"], input=data, capture_output=True)
    return b"".join(out.stdout.splitlines(keepends=True)[-2:])


def long_output(n):
    text = "".join("line %d of %d\n" % (i, n) for i in range(1, n + 1))
    return (text + "the end, no newline").encode()


def run(results):
    before = os.stat(IMAGE).st_mtime_ns
    with tempfile.TemporaryDirectory(prefix="sprout-krun-") as tmp:
        results.check("krun: 'echo hi' prints hi and exits 0",
                      lambda: expect(["echo hi"], b"hi\n", 0))
        results.check("krun: 'exit 3' prints nothing and exits 3",
                      lambda: expect(["exit 3"], b"", 3))
        results.check(
            "krun: a line that prints init's status line goes on after it",
            lambda: expect(["echo init: /tmp/krun.sh exited with status 9;"
                            " echo after"],
                           b"init: /tmp/krun.sh exited with status 9\n"
                           b"after\n", 0))
        results.check(
            "krun: -i DIR runs a kcc-built program from DIR, its output "
            "intact",
            lambda: expect(["-i", lines_dir(tmp), "lines 2"],
                           long_output(2), 7))
        results.check(
            "krun: %d lines of output arrive intact, the last without a "
            "newline" % LONG,
            lambda: expect(["-i", lines_dir(tmp),
                            "/bin/lines %d" % LONG], long_output(LONG), 7))

        results.check("krun: its standard input is the line's "
                      "(echo data | krun 'cat | wc -c')",
                      lambda: expect(["cat | wc -c"], b"5\n", 0,
                                     stdin=b"data\n"))
        results.check(
            "krun: the line reads its input a line at a time, then EOF",
            lambda: expect(["read a; echo got $a; cat; read b || echo end"],
                           b"got one\ntwo\nend\n", 0, stdin=b"one\ntwo\n"))
        big = bytes(range(256)) * 400
        results.check(
            "krun: %d bytes of binary input arrive intact" % len(big),
            lambda: expect(["wc -c; od -c /tmp/krun.stdin | tail -2"],
                           b"%d\n" % len(big) + od_tail(big), 0, stdin=big))

        def panic():
            got = krun("-i", panic_dir(tmp), "echo hi")
            require(got.returncode == 125, "exit %d" % got.returncode)
            require(b"krun: the kernel panicked" in got.stderr and
                    b"Kernel panic" in got.stderr,
                    "stderr %r" % got.stderr[-500:])
            require(got.stdout == b"", "stdout %r" % got.stdout[-300:])
        results.check("krun: a kernel panic gives 125 and the console's "
                      "last lines on stderr", panic)

    def untouched():
        require(os.stat(IMAGE).st_mtime_ns == before,
                "build/disk.img was written")
    results.check("krun: build/disk.img is left alone", untouched)
