"""Debian's static BusyBox (busybox-static, i386) runs on Sprout as it
runs on Linux: tests/busybox/applets.sh, a BusyBox ash script with one
section per applet, runs on Sprout (booted as "init=/sbin/init
/usr/share/busybox/run.sh") and, with the same binary, on this machine,
under a terminal of its own (a pty: job control needs one); each
section's output must be the same on both, after the few differences
that must be (below) are rubbed out.

A second boot types at BusyBox's interactive ash on the console, as a
user would (tests/busybox/interactive.sh): line editing and history,
^C and ^Z through the terminal, bg and fg, vi, top and less on the
screen. What each step must show is what Linux shows; no host run.

The image has BusyBox only when make built it with BUSYBOX=1 (make test
does, and exports BUSYBOX=1: see docs/busybox.md); without it these
tests are not run, which is a failure under make test.
Results are named `busybox: <section>: ...`."""
import os
import pty
import re
import select
import shutil
import socket
import subprocess
import tempfile
import time

from harness import BUILD, DISK, ROOT, guest_session, require, Timeout

BUSYBOX = os.path.join(BUILD, "busybox", "busybox")
SCRIPT = os.path.join(ROOT, "tests", "busybox", "applets.sh")
GUEST_RUN = "/usr/share/busybox/run.sh"
GUEST_INTERACTIVE = "/usr/share/busybox/interactive.sh"
PS1 = "@@bb@@ "

# Where Linux may refuse a user who is not root (Debian's kernel keeps
# the kernel log from them: dmesg_restrict), what root gets there.
AS_ROOT = {"dmesg": "dmesg: 0\ndmesg has lines\nstatus 0\n"}


def on_test_disk():
    """Is /bin/busybox on the disk the guests boot (debugfs looks)?"""
    env = dict(os.environ, PATH=os.environ.get("PATH", "") + ":/sbin:/usr/sbin")
    out = subprocess.run(["debugfs", "-R", "stat /bin/busybox", DISK],
                         capture_output=True, text=True, env=env)
    return "Inode:" in out.stdout


def normalise(text):
    """What must differ between the runs: line ends (a terminal's
    \\r\\n), and the script's path in ash's messages."""
    text = text.replace("\r\n", "\n")
    return re.sub(r"^\S*applets\.sh: ", "applets.sh: ", text, flags=re.M)


def sections(text):
    """{name: output} from the "== NAME" ... "== NAME: end N" markers."""
    return {m.group(1): m.group(2) + "status %s\n" % m.group(3)
            for m in re.finditer(r"^== (\w+)\n(.*?)^== \1: end (\d+)\n",
                                 text, re.S | re.M)}


def free_ports(n):
    """n consecutive free TCP ports on 127.0.0.1; the first."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            first = s.getsockname()[1]
        if first + n < 65536 and all(_port_free(first + i) for i in range(n)):
            return first
    raise AssertionError("no %d free ports in a row" % n)


def _port_free(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def linux_run(timeout=120):
    """applets.sh under BusyBox's ash on this machine, in a pty (the
    child is a session leader with it as controlling terminal, as init
    makes the script's shell on Sprout), in a fresh directory whose
    bin/ holds BusyBox and its applet links, as the image's /bin/bb/."""
    with tempfile.TemporaryDirectory() as tmp:
        bindir = os.path.join(tmp, "bin")
        os.mkdir(bindir)
        shutil.copy(BUSYBOX, os.path.join(bindir, "busybox"))
        applets = subprocess.run([BUSYBOX, "--list"], capture_output=True,
                                 text=True).stdout.split()
        for name in applets:
            if name != "busybox":
                os.symlink("busybox", os.path.join(bindir, name))
        env = {"PATH": bindir, "HOME": "/", "BB_WORK": tmp + "/bb",
               "BB_PORT": str(free_ports(3))}
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(tmp)
            os.execve(os.path.join(bindir, "busybox"),
                      ["ash", SCRIPT], env)
        out, deadline = b"", time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not select.select([fd], [], [], 1)[0]:
                continue
            try:
                data = os.read(fd, 4096)
            except OSError:         # EIO: the child closed the pty
                break
            if not data:
                break
            out += data
        else:
            os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
    return normalise(out.decode("utf-8", "replace"))


def sprout_run(timeout=240):
    with guest_session("busybox", timeout=timeout,
                       cmdline="init=/sbin/init " + GUEST_RUN) as g:
        try:
            status, why = g.wait(), ""
        except Timeout as e:
            status, why = None, str(e)
    return normalise(g.output), status, why


# The interactive steps: (name, what to type, a pause in seconds before
# the second part is typed, the second part, what must appear next).
# Each ends at ash's prompt, but the first of vi's, which leaves vi open.
# The commands' own echo never contains what is expected.
INTERACTIVE = [
    ("line editing: left arrow, insert", "echo abc\x1b[DX\r", 0, "",
     r"\nabXc\r?\n"),
    ("history: up arrow runs it again", "\x1b[A\r", 0, "", r"\nabXc\r?\n"),
    ("^C ends the foreground job: status 130", "sleep 30\r", 1.5,
     "\x03echo status $?\r", r"status 130"),
    ("^Z stops it: jobs says Stopped", "sleep 30\r", 1.5, "\x1ajobs\r",
     r"\[1\]\+ +Stopped +sleep 30"),
    ("bg continues it in the background", "bg\r", 0, "jobs\r",
     r"\[1\]\+ +Running +sleep 30"),
    ("kill %1 ends it", "kill %1\r", 1, "jobs\r", r"Terminated +sleep 30"),
    ("fg brings a stopped job back: its status", "sh -c 'sleep 3; exit 5'\r",
     0.5, "\x1afg\r", r'\nsh -c "sleep 3; exit 5"\r?\n'),
    ("fg's status is the job's", "echo fg $?\r", 0, "", r"fg 5"),
    ("vi: insert, escape", "vi vi.txt\r", 1.5, "iTyped in vi\x1b",
     r"Typed in vi"),
    ("vi: :wq writes the file", ":wq\r", 0.5, "cat vi.txt\r",
     r"\nTyped in vi\r?\n"),
    ("top shows the tasks, q quits", "top\r", 2, "q", r"PID +PPID USER"),
    ("less shows a file, q quits", "less /etc/passwd\r", 1.5, "q", r"root:"),
]
IN_VI = "vi: insert, escape"


def interactive(results):
    with guest_session("busybox-interactive", timeout=120,
                       cmdline="init=/sbin/init " + GUEST_INTERACTIVE) as g:
        def prompt():
            g.expect(re.escape(PS1))
        results.step("busybox: interactive: ash shows its prompt", prompt)
        for name, keys, pause, more, want in INTERACTIVE:
            def step(name=name, keys=keys, pause=pause, more=more,
                     want=want):
                g.send(keys)
                if more:
                    time.sleep(pause)
                    g.send(more)
                g.expect(want)
                if name != IN_VI:
                    prompt()
            results.step("busybox: interactive: " + name, step)

        def exits():
            g.send("exit\r")
            g.expect(r"init: %s exited with status 0" % GUEST_INTERACTIVE)
            require(g.wait() == 1, "QEMU did not power off")
        results.step("busybox: interactive: exit ends it; power off", exits)


def script_sections():
    """The section names, from the SECTIONS line of applets.sh."""
    with open(SCRIPT) as f:
        return re.search(r'^SECTIONS="([^"]*)"', f.read(), re.M).group(1).split()


def scripted(results):
    linux = linux_run()
    got, status, why = sprout_run()
    want, have = sections(linux), sections(got)
    for name, output in AS_ROOT.items():
        if "Operation not permitted" in want.get(name, ""):
            want[name] = output

    def ran_on_linux():
        require("== applets.sh done" in linux and want,
                "the script did not finish on Linux:\n" + linux[-1500:])
    results.check("busybox: the script runs on Linux (the reference)",
                  ran_on_linux)
    for name in script_sections():
        def same(name=name):
            require(name in want, "no output on Linux")
            require(name in have, "no output for it (%s)" % why)
            require(have[name] == want[name], "Sprout printed %r, Linux %r"
                    % (have[name], want[name]))
        results.check("busybox: %s: same output as on Linux" % name, same)

    def powered_off():
        require("== applets.sh done" in got, "the script did not finish")
        require(status == 1, "QEMU exit status %s, expected 1 (%s)"
                % (status, why))
    results.check("busybox: the script ends and the machine powers off",
                  powered_off)


def run(results):
    if not os.path.exists(BUSYBOX) or not on_test_disk():
        if os.environ.get("BUSYBOX") == "1":    # make test's promise
            results.check("busybox: BusyBox is on the test disk", lambda:
                          require(False, "make built the image without it"))
        return
    names = ["busybox: %s: same output as on Linux" % s
             for s in script_sections()] + [
             "busybox: the script runs on Linux (the reference)",
             "busybox: the script ends and the machine powers off"]
    if any(results.wanted(n) for n in names):
        scripted(results)
    if any(results.wanted("busybox: interactive: " + step[0])
           for step in INTERACTIVE):
        interactive(results)
