"""Your own program on Sprout, the way the README tells it: compile it
with tools/kcc, put it on a disk image with `make image EXTRA=dir`, boot
with init=/bin/yours and its arguments; its exit status is printed and
becomes QEMU's (2N + 1).

All of it happens in a temporary folder: the image is built there with
DISK= (and its staging folder with STAGE=), so the build's own disk.img
and the tests' shared disk are not touched, which is checked too."""
import os
import subprocess
import tempfile

from harness import BUILD, DISK, IMAGE, ROOT, guest_session, require

PROGRAM = r"""
#include <stdio.h>
#include <stdlib.h>

/* Print the arguments, exit with the first as the status. */
int main(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		printf("argv[%d] = %s\n", i, argv[i]);
	return argc > 1 ? atoi(argv[1]) : 0;
}
"""
NOTE = "placed by make image EXTRA=\n"
STATUS = 42


def tool_env():
    """The environment for tools/kcc and make: B set, and no MAKEFLAGS
    from a `make test` above us (its jobserver is not ours to use)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    env["B"] = BUILD
    env["PATH"] = env.get("PATH", "") + ":/sbin:/usr/sbin"
    return env


def run_tool(cmd):
    out = subprocess.run(cmd, cwd=ROOT, env=tool_env(), capture_output=True,
                         text=True, timeout=120)
    require(out.returncode == 0, "%s: exit %d:\n%s" % (
        " ".join(cmd), out.returncode, (out.stdout + out.stderr)[-1500:]))
    return out


def compile_program(tmp, extra):
    src = os.path.join(tmp, "exitwith.c")
    with open(src, "w") as f:
        f.write(PROGRAM)
    os.makedirs(os.path.join(extra, "bin"))
    out = run_tool(["tools/kcc", "-O2", "-Wall", "-Wextra", "-o",
                    os.path.join(extra, "bin", "exitwith"), src])
    require(out.stderr == "", "warnings:\n" + out.stderr[-1500:])


def make_image(tmp, extra, disk):
    os.makedirs(os.path.join(extra, "etc"))
    with open(os.path.join(extra, "etc", "kcc-note.txt"), "w") as f:
        f.write(NOTE)
    shared = [(p, os.stat(p).st_mtime_ns) for p in (IMAGE, DISK)]
    run_tool(["make", "-s", "B=" + os.path.relpath(BUILD, ROOT), "image",
              "EXTRA=" + extra, "DISK=" + disk,
              "STAGE=" + os.path.join(tmp, "root")])
    require(os.path.exists(disk), "make image wrote no %s" % disk)
    for path, mtime in shared:
        require(os.stat(path).st_mtime_ns == mtime, "%s was rewritten" % path)


def debugfs(disk, request):
    out = subprocess.run(["debugfs", "-R", request, disk], env=tool_env(),
                         capture_output=True, text=True, timeout=60)
    require(out.returncode == 0, "debugfs -R %r: %s" % (request, out.stderr))
    return out.stdout


def files_in_place(disk):
    """EXTRA's files at their paths, and the usual ones still there."""
    for path in ("/bin/exitwith", "/sbin/init", "/bin/tests/t_fork"):
        require("Type: regular" in debugfs(disk, "stat " + path),
                "no regular file %s on the image" % path)
    got = debugfs(disk, "cat /etc/kcc-note.txt")
    require(got == NOTE, "/etc/kcc-note.txt holds %r, want %r" % (got, NOTE))


def boot(disk):
    """Returns the guest's output after its argv lines, and QEMU's status."""
    with guest_session("kcc-exitwith", timeout=60, disk=disk,
                       cmdline="init=/bin/exitwith %d hello" % STATUS) as g:
        for i, arg in enumerate(["/bin/exitwith", str(STATUS), "hello"]):
            g.expect(r"argv\[%d\] = %s\r?\n" % (i, arg))
        g.expect(r"init exited with status %d" % STATUS)
        return g.wait()


def run(results):
    names = ["kcc: tools/kcc compiles a program, warning-free",
             "kcc: make image EXTRA= DISK= builds another image, "
             "leaving the build's and the tests' disks alone",
             "kcc: EXTRA's files are on that image at their paths (debugfs)",
             "kcc: init=/bin/exitwith %d hello prints its arguments and "
             "its exit status" % STATUS,
             "kcc: QEMU's exit status is 2*%d+1 = %d" % (STATUS, 2 * STATUS + 1)]
    if not any(results.wanted(n) for n in names):
        return

    # Each step needs the one before, so all run; -k picks the lines.
    with tempfile.TemporaryDirectory(prefix="sprout-kcc-") as tmp:
        extra = os.path.join(tmp, "extra")
        disk = os.path.join(tmp, "disk.img")
        status = []
        results.step(names[0], lambda: compile_program(tmp, extra))
        results.step(names[1], lambda: make_image(tmp, extra, disk))
        results.step(names[2], lambda: files_in_place(disk))
        results.step(names[3], lambda: status.append(boot(disk)))

        def qemu_status():
            require(status, "the boot did not get that far")
            require(status[0] == 2 * STATUS + 1, "QEMU exit status %d"
                    % status[0])
        results.step(names[4], qemu_status)
