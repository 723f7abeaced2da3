"""Shell sessions written down: the .t files under tests/sh/.

A .t file is what a terminal shows, command by command:

    # a comment (a line starting with '#')
    $ echo hello | wc -c
    6
    $ ls /nope; echo $?
    ls: /nope: No such file or directory
    1
    $ for i in 1 2
    > do echo $i; done
    1
    2
    $ date
    \\w{3} \\w{3} .* (re)

A line starting with "$ " is a command, and "> " continues it (the shell
reads both as one input). The lines up to the next command are its
expected output, standard output and standard error together as the
terminal shows them; blank lines at the end of that block are not part
of it. An expected line ending in " (re)" is a Python regular expression
that must match the whole line (so an expected line that starts with
'#', which would read as a comment, is written "\\#... (re)").

A file may type keys at a command: an expected line that is exactly
"^C" or "^Z" means "type Ctrl-C (Ctrl-Z) once the command has had a
moment to start"; the terminal echoes the key as ^C, so the line is also
expected output:

    $ sleep 100
    ^C
    $ echo $?
    130

Such a file, and the job messages it shows ("[1]+  Stopped ..."), only
make sense at a terminal: the host run below skips it.

Each file runs in one shell, in order, starting in an empty folder of
its own, so variables, functions, jobs and the current folder carry over
from command to command. tests/guest_shell.py types the files into
Sprout's /bin/sh over the serial console;

    python3 tests/session.py --host DIR FILE.t ...

runs them with the build machine's bash (--posix) with DIR first on the
PATH, which checks a file's expectations against Linux. Both report one
result per command: "ok FILE:LINE: COMMAND" or "FAIL ... -- why".
"""
import os
import re
import subprocess
import sys
import tempfile


class Command:
    def __init__(self, path, line, text, expected):
        self.path = path
        self.line = line          # where its "$ " line is, from 1
        self.text = text          # the input, "\n" between its lines
        self.expected = expected  # the expected output's lines

    def name(self):
        first = self.text.split("\n")[0]
        return "%s:%d: %s" % (os.path.basename(self.path), self.line, first)


def parse(path):
    """The Commands of a .t file, in order."""
    commands = []
    with open(path) as f:
        lines = f.read().split("\n")
    for number, line in enumerate(lines, 1):
        if line.startswith("$ "):
            commands.append(Command(path, number, line[2:], []))
        elif line.startswith("> ") and commands and not commands[-1].expected:
            commands[-1].text += "\n" + line[2:]
        elif line.startswith("#"):
            continue
        elif commands:
            commands[-1].expected.append(line)
        elif line.strip():
            raise ValueError("%s:%d: output before any command" % (path, number))
    for c in commands:
        while c.expected and not c.expected[-1].strip():
            c.expected.pop()
    return commands


def matches(want, got):
    if want.endswith(" (re)"):
        return re.fullmatch(want[:-5], got) is not None
    return want == got


def compare(command, output):
    """None if the output is what the command expects, else why not."""
    got = output.replace("\r\n", "\n").split("\n")
    while got and not got[-1].strip():
        got.pop()
    want = command.expected
    if len(got) == len(want) and all(matches(w, g) for w, g in zip(want, got)):
        return None
    return "expected %r, got %r" % ("\n".join(want), "\n".join(got))


MARK = "@@session-%d@@"


KEYS = ("^C", "^Z")


def types_keys(commands):
    """Does the file type ^C or ^Z somewhere (terminal only)?"""
    return any(line in KEYS for c in commands for line in c.expected)


def run_host(path, bindir):
    """Run one .t file under the host's bash; yield (command, why|None)."""
    commands = parse(path)
    script = []
    for i, c in enumerate(commands):
        script.append("echo '%s'" % (MARK % i))
        script.append(c.text)
    script.append("echo '%s'" % (MARK % len(commands)))
    with tempfile.TemporaryDirectory() as work:
        env = dict(os.environ, PATH=os.path.abspath(bindir) + ":" + os.environ["PATH"],
                   HOME=work, LC_ALL="C")
        out = subprocess.run(["bash", "--posix"], input="\n".join(script) + "\n",
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             cwd=work, env=env, text=True, timeout=60).stdout
    for i, c in enumerate(commands):
        start = out.find(MARK % i + "\n")
        end = out.find(MARK % (i + 1))
        if start < 0 or end < 0:
            yield c, "the shell stopped before this command ended"
            continue
        yield c, compare(c, out[start + len(MARK % i) + 1:end])


def main(argv):
    if len(argv) < 3 or argv[0] != "--host":
        sys.exit("usage: session.py --host BINDIR FILE.t ...")
    failed = 0
    for path in argv[2:]:
        if types_keys(parse(path)):
            print("skip %s -- types ^C/^Z: a terminal's file, for Sprout" % path)
            continue
        for c, why in run_host(path, argv[1]):
            if why:
                failed += 1
                print("FAIL %s -- %s" % (c.name(), why))
            else:
                print("ok %s" % c.name())
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
