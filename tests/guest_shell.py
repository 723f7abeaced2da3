"""Shell sessions on Sprout: every tests/sh/*.t file typed into /bin/sh.

One boot with the default init, which starts an interactive /bin/sh on
the console. The test types over the serial line as a user would:

  1. PS1 and PS2 become markers (set through a variable, so that the
     echo of the typed line does not itself contain the marker);
  2. for each .t file (sorted): a fresh folder /tmp/t-NAME, then each
     command, a line at a time (waiting for PS2 between lines); the
     command's output is what arrives between the echo of its last line
     and the next PS1 marker, compared with tests/session.py's compare();
     an expected line "^C" or "^Z" means: type that key once the command
     has had a moment to start (the terminal echoes it, so the line is
     expected output too);
  3. errors at the prompt ($((1 / 0)), ${x?}, a syntax error): each
     ends its command with a message, and the shell goes on;
  4. init's respawn: "exit 3" ends the shell, init says so and starts
     another (with the default "$ " prompt);
  5. poweroff, and QEMU must exit (the e2fsck check follows in run.py).

A second, short boot checks init's script mode (init=/sbin/init SCRIPT):
the script runs once on the console, init says how it ended and powers
off. A third boots a copy of the disk given an /etc/rc (written with
debugfs) that prints and then fails: its output must come before the
first prompt, and the shell must start all the same.

One result per command: "sh: FILE:LINE: COMMAND". A command that ends
the shell (exit, or a failure under set -e) fails, and the rest of its
file runs in the new shell init starts, in the same folder.
"""
import glob
import os
import re
import shutil
import subprocess
import tempfile
import time

from harness import BUILD, DISK, ROOT, Timeout, guest_session, require
import session

PS1 = "@@sh@@ "
PS2 = "@@more@@ "
SET_PROMPTS = "M=@@; PS1=\"${M}sh${M} \"; PS2=\"${M}more${M} \""
KEY_WAIT = 2.0          # seconds before typing ^C or ^Z at a command
COMMAND_TIMEOUT = 60    # seconds for one command to give the prompt back
KEYS = {"^C": "\x03", "^Z": "\x1a"}


def echo_of(line):
    """What the terminal shows for a typed line (ECHOCTL: ^X)."""
    return "".join("^" + chr(ord(c) + 64) if ord(c) < 32 and c != "\t"
                   else c for c in line)


class ShellExited(Exception):
    pass


PROMPT_OR_EXIT = re.escape(PS1) + r"|init: /bin/sh (?:exited|killed)[^\n]*\n"


class Session:
    def __init__(self, g):
        self.g = g
        self.folder = "/"

    def set_prompts(self):
        self.type_line(SET_PROMPTS)
        self.expect(re.escape(PS1))

    def prompt(self):
        """Wait for the next prompt; if the shell ended instead, set up
        the one init starts and say so."""
        m = self.expect(PROMPT_OR_EXIT)
        if m.group(0) != PS1:
            self.expect(r"\$ ")
            self.set_prompts()
            self.type_line("cd " + self.folder)
            self.expect(re.escape(PS1))
            raise ShellExited(m.group(0).strip())
        return m

    def expect(self, pattern, timeout=COMMAND_TIMEOUT):
        self.g.deadline = time.monotonic() + timeout
        return self.g.expect(pattern)

    def type_line(self, line):
        self.g.send(line + "\r")
        return self.expect(re.escape(echo_of(line)) + r"\r\n")

    def run(self, command):
        """Type command (and its keys); return the output it made."""
        lines = command.text.split("\n")
        for i, line in enumerate(lines):
            m = self.type_line(line)
            if i + 1 < len(lines):      # (PS1: the line was complete)
                self.expect(re.escape(PS2) + "|" + re.escape(PS1))
        start = m.end()
        for key in [k for k in command.expected if k in KEYS]:
            time.sleep(KEY_WAIT)
            self.g.send(KEYS[key])
        end = self.prompt()
        return self.g.output[start:end.start()]

    def recover(self):
        """After a command that hung: ^C, and back to a prompt."""
        self.g.send("\x03\r")
        try:
            self.prompt()
        except ShellExited:
            pass


def mkdir_command():
    if os.path.exists(os.path.join(BUILD, "root", "bin", "mkdir")):
        return "mkdir -p"
    return "/bin/tests/shtool mkdir"


def run_file(results, s, path):
    name = os.path.splitext(os.path.basename(path))[0]
    commands = session.parse(path)
    s.folder = "/tmp/t-" + name
    s.type_line("set +eux; %s %s && cd %s" % (mkdir_command(), s.folder, s.folder))
    s.prompt()
    for c in commands:
        try:
            why = session.compare(c, s.run(c))
        except ShellExited as e:
            why = "the shell ended (%s)" % e
        except Timeout as e:
            why = str(e)
            s.recover()
        if results.wanted("sh: " + c.name()):
            results.record("sh: " + c.name(), why is None, why or "")


def errors_keep_the_shell(s):
    """At the terminal an error in an expansion ends the command, not
    the shell (a script would end): $((1 / 0)), ${x?}, a syntax error."""
    for line, message in [("echo $((1 / 0)); echo not reached",
                           "sh: arithmetic: division by zero: 1 / 0"),
                          ("echo ${unset_var?no value}; echo not reached",
                           "sh: unset_var: no value"),
                          ("if then", "sh: syntax error near unexpected "
                           "token `then'")]:
        s.type_line(line)
        s.expect(re.escape(message) + r"\r\n" + re.escape(PS1))
        s.type_line("echo alive $?")
        s.expect(r"alive [12]\r\n" + re.escape(PS1))   # bash 1, dash 2


def respawn(s):
    """exit ends the shell; init reports it and starts a new one."""
    s.g.send("exit 3\r")
    s.expect(r"init: /bin/sh exited with status 3\r\n")
    s.expect(r"\$ ")
    s.type_line("echo new shell $?")
    s.expect(r"new shell 0\r\n\$ ")


def power_off(s):
    s.type_line("poweroff")
    status = s.g.wait()
    require(status == 1, "QEMU exit status %d, expected 1" % status)


def script_mode():
    script = "/bin/tests/init-script.sh"
    with guest_session("shell-script", timeout=60,
                       cmdline="init=/sbin/init " + script) as g:
        g.expect(r"script: running as %s, pid \d+\r\n" % re.escape(script))
        g.expect(r"script: the console is its terminal\r\n")
        g.expect(r"script: exiting with 3\r\n")
        g.expect(r"init: %s exited with status 3\r\n" % re.escape(script))
        status = g.wait()
        require(status == 1, "QEMU exit status %d, expected 1" % status)


RC = """echo "rc: running as $0, pid $$, before any shell"
echo "rc: failing with 4"
exit 4
"""


def disk_with_rc(tmp):
    """A copy of the test disk with RC as /etc/rc."""
    disk, rc = os.path.join(tmp, "disk.img"), os.path.join(tmp, "rc")
    shutil.copyfile(DISK, disk)
    with open(rc, "w") as f:
        f.write(RC)
    out = subprocess.run(["debugfs", "-w", "-R", "write %s /etc/rc" % rc, disk],
                         capture_output=True, text=True,
                         env=dict(os.environ, PATH=os.environ.get("PATH", "")
                                  + ":/sbin:/usr/sbin"))
    require(out.returncode == 0 and "Allocated inode" in out.stdout,
            "debugfs: %s %s" % (out.stdout[-500:], out.stderr[-500:]))
    return disk


def etc_rc():
    """init runs /etc/rc first, on the console; a failing rc does not
    stop the boot: the shell starts after it."""
    with tempfile.TemporaryDirectory(prefix="sprout-rc-", dir=BUILD) as tmp:
        with guest_session("shell-rc", timeout=60, cmdline="",
                           disk=disk_with_rc(tmp)) as g:
            g.expect(r"rc: running as /etc/rc, pid \d+, before any shell\r\n")
            g.expect(r"rc: failing with 4\r\n")
            g.expect(r"\$ ")
            require("$ " not in g.output[:g.output.index("rc: running")],
                    "a prompt came before /etc/rc's output")
            g.send("echo the shell runs\r")
            g.expect(r"the shell runs\r\n\$ ")
            g.send("poweroff\r")
            status = g.wait()
            require(status == 1, "QEMU exit status %d, expected 1" % status)


def run(results):
    results.check("sh: init SCRIPT runs the script once, then powers off",
                  script_mode)
    results.check("sh: init runs /etc/rc before the first shell; rc failing "
                  "does not stop the boot", etc_rc)
    files = sorted(glob.glob(os.path.join(ROOT, "tests", "sh", "*.t")))
    names = [session.parse(f) for f in files]
    wanted = any(results.wanted("sh: " + c.name()) for cs in names for c in cs)
    if not (wanted or results.wanted("sh: init starts") or
            results.wanted("sh: at the terminal") or
            results.wanted("sh: poweroff")):
        return
    with guest_session("shell", timeout=120, cmdline="") as g:
        s = Session(g)
        try:
            s.expect(r"\$ ")
            s.set_prompts()
        except Timeout as e:
            results.record("sh: the shell starts and takes the prompts", False, str(e))
            return
        for path in files:
            try:
                run_file(results, s, path)
            except (Timeout, ShellExited) as e:     # no folder, even
                results.record("sh: %s" % os.path.basename(path), False, str(e))
                s.recover()
        results.check("sh: at the terminal, an error ends the command, not "
                      "the shell", lambda: errors_keep_the_shell(s))
        results.check("sh: init starts a new shell when the shell exits",
                      lambda: respawn(s))
        results.check("sh: poweroff powers the machine off", lambda: power_off(s))
