"""gdb that knows Sprout (tools/gdb/), and the console's ^P.

One boot, stopped at the first instruction as under `make qemu-gdb`
(-S -gdb on a free port), with tests/user/gdb_target.c as process 1: it
opens and dups a file, makes a pipe and forks a child that sleeps
reading it, then calls getppid(). gdb in batch mode, given the .gdbinit
that make writes (tools/gdbinit.tmpl), stops it there with
`sprout break-syscall getppid`, runs each sprout command and detaches;
each command's output is checked ("gdb: ..."). Then the program reads a
line and a byte from the console while the test types ^P, which must
print the task table ("console: ...").

A second boot, stopped the same way, runs docs/README.md's guided tour:
the commands of each stop's ```gdb block in turn, while process 1 runs
tests/user/tour.sh (opens, signals and pipelines, several times over);
each stop's commands must run, its breakpoints be set and its continue
stop at one of them ("tour: ...").
"""
import os
import re
import socket
import subprocess

from harness import (BUILD, LOGS, ROOT, Timeout, guest_session,
                     require)

# Each command's output follows its marker line.
SCRIPT = """\
sprout user tests/gdb_target
sprout break-syscall getppid
continue
set $child = current->children->pid
help sprout
sprout ps
sprout task 1
sprout task $child
sprout files $child
sprout vm 1
sprout vm $child
sprout vm 1 &scribble
sprout bt $child
sprout syscalls
delete
break after_gdb
continue 1
sprout bt 1
sprout task current->pid
delete
sprout user iam_test
detach
"""
ROW = r"[ >] +%d +\d+ +%d +\d+ +\d+ %s +%s +\d+/\d+ +gdb_target"   # sprout ps


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gdbinit(port):
    """The .gdbinit make qemu-gdb writes, for this build and port."""
    with open(os.path.join(ROOT, "tools/gdbinit.tmpl")) as f:
        text = f.read().replace("GDBPORT", str(port))
    return text.replace("BUILD", BUILD)


def run_gdb(name, init, script, timeout=60):
    """gdb -batch -nx with these two command files; its output, with an
    "@@ command" line before each command's, split into a dict."""
    os.makedirs(LOGS, exist_ok=True)
    files = []
    for suffix, text in [("init", init), ("gdb", script)]:
        path = os.path.join(LOGS, "%s.%s" % (name, suffix))
        with open(path, "w") as f:
            f.write(text)
        files += ["-x", path]
    out = subprocess.run(["gdb", "-batch", "-nx"] + files, cwd=ROOT,
                         capture_output=True, text=True, timeout=timeout)
    with open(os.path.join(LOGS, name + ".out"), "w") as f:
        f.write(out.stdout + out.stderr)
    return out.stdout + out.stderr


def marked(script):
    """The script with an echo of each command before it."""
    return "".join("echo @@ %s\\n\n%s\n" % (line, line)
                   for line in script.splitlines())


def by_command(output):
    parts = re.split(r"^@@ (.*)\n", output, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def gdb_checks(results, out, child):
    def has(command, *patterns):
        def test():
            text = out.get(command)
            require(text is not None, "%r did not run" % command)
            for p in patterns:
                require(re.search(p, text, re.M),
                        "%r: no %r in:\n%s" % (command, p, text))
        return test

    results.check("gdb: help sprout lists the commands", has(
        "help sprout", *[r"^sprout %s -- " % c for c in
                         ("ps", "task", "files", "vm", "bt", "syscalls",
                          "break-syscall", "user")]))
    results.check("gdb: sprout break-syscall getppid stops in sys_getppid",
                  has("continue", r"Breakpoint 1, sys_getppid"))
    results.check("gdb: sprout ps: the caller running, the child asleep "
                  "in pipe_read", has(
                      "sprout ps", r"^" + ROW % (1, 0, "R", "-"),
                      r"^" + ROW % (child, 1, "S", "pipe_read"),
                      r"^  +0 +0 .* idle$"))
    results.check("gdb: sprout task: the trap frame of getppid (eax 64)",
                  has("sprout task 1", r"trap frame: eip=0x80",
                      r"eax=0x40 ", r"trapno=128", r"text +0x0804",
                      r"kernel stack: esp=0xc", r"blocked=0x00000800$",
                      r"signal 10 -> handler on_usr1 flags",
                      r"signal 13 ignored$"))
    results.check("gdb: sprout task: a sleeper's saved context",
                  has("sprout task $child", r"sleeps in: pipe_read",
                      r"resumes at __schedule\+"))
    results.check("gdb: sprout files: fd 4 shares fd 3's file after dup "
                  "and fork (count 4, offset 100)", has(
                      "sprout files $child",
                      r"^  3 (0x\w+) +100 O_RDONLY +4  inode \d+ file .*hello",
                      r"^  4 0x\w+ +100 O_RDONLY +4 .*\(same file as fd 3\)",
                      r"^  5 .* fifo", r"^  6 .*O_WRONLY .* fifo"))
    results.check("gdb: sprout vm: shared copy-on-write pages (count 2), "
                  "the parent's written page its own", has(
                      "sprout vm 1", r"^0x0804\w+-0x\w+ r +2$",
                      r"^0x\w+-0x\w+ r cow +2$", r"^0x\w+-0x\w+ rw +1$"))
    results.check("gdb: sprout vm: the child keeps the original, shared",
                  has("sprout vm $child", r"^0x\w+-0x\w+ r cow +2$"))
    results.check("gdb: sprout vm ADDR: the walk to a frame", has(
        "sprout vm 1 &scribble", r"^0x80\w+: PDE 32 = 0x\w+$",
        r"^  PTE \d+ = 0x\w+$", r"physical 0x\w+, rw, frame \d+ refcount 1"))
    results.check("gdb: sprout bt: the child's kernel and user frames", has(
        "sprout bt $child", r"^#0 .* in switch_to",
        r"in __schedule\+.*\n.*in schedule\+.*\n.*in pipe_read\+",
        r"in sys_read\+", r"in system_call\+", r"^-- user mode",
        r"^#u0 +0x\w+ in read\+", r"^#u\d+ +\? 0x\w+ in main\+"))
    results.check("gdb: sprout syscalls: the table with arguments", has(
        "sprout syscalls", r"^   4 write\(int fd, const void \*buf, "
        r"size_t count\)$", r"^  64 getppid\(\)$"))
    results.check("gdb: sprout user: break after_gdb stops in the program",
                  has("break after_gdb", r"Breakpoint 2 at 0x80\w+: file "
                      r"tests/user/gdb_target.c"))
    results.check("gdb: ... and continue reaches it in user mode",
                  has("continue 1", r"Breakpoint 2, after_gdb \(\) at "
                      r"tests/user/gdb_target.c"))
    results.check("gdb: sprout bt of a process stopped in user mode", has(
        "sprout bt 1", r"^-- user mode, on the CPU now",
        r"^#u0 +0x\w+ in after_gdb$", r"^#u\d+ +\? 0x\w+ in main\+"))
    results.check("gdb: sprout task of a process stopped in user mode", has(
        "sprout task current->pid", r"kernel stack: empty \(in user mode\)",
        r"trap frame: none in use"))
    results.check("gdb: sprout user finds a lab's program by its /labs name",
                  has("sprout user iam_test", r"add symbol table from file "
                      r"\".*/labs/syscall/iam_test\""))


def procdump(g, child, key_at):
    """Type ^P after the program's prompt: the table, not data."""
    g.expect(re.escape("ready: ^P %s" % key_at) + r"\r\n")
    g.send("\x10")
    g.expect(r"  PID  PPID S WCHAN +COMM\r\n")
    g.expect(r"    1     0 S \w+ +gdb_target\r\n")
    g.expect(r" +%d +1 S pipe_read +gdb_target\r\n" % child)


def picked(results, prefix):
    """Could -k pick a test whose name starts with prefix?"""
    return results.wanted(prefix) or results.pattern.startswith(prefix)


def run(results):
    if picked(results, "gdb: ") or picked(results, "console: "):
        gdb_boot(results)
    if picked(results, "tour: "):
        tour(results)


def gdb_boot(results):
    """The first boot: gdb_target, the sprout commands, then ^P."""
    port = free_port()
    with guest_session("gdb", timeout=120,
                       cmdline="init=/bin/tests/gdb_target",
                       extra=["-S", "-gdb", "tcp:127.0.0.1:%d" % port]) as g:
        text = run_gdb("gdb", gdbinit(port), marked(SCRIPT))
        m = re.search(r"stop: parent 1 child (\d+)", g.output)
        child = int(m.group(1)) if m else -1
        gdb_checks(results, by_command(text), child)
        for mode, typed in [("canonical", "x\r"), ("non-canonical", "q")]:
            def test():
                procdump(g, child, mode)
                g.send(typed)
            results.step("console: ^P lists the tasks and their wchan "
                         "(%s mode)" % mode, test)
        try:
            status = g.wait()
        except Timeout:
            status = None
        results.parse_lines(g.output, "gdb: gdb_target: ")
        results.check("gdb: gdb_target exits 0 and powers off",
                      lambda: require(status == 1, "QEMU status %r" % status))


def tour_stops():
    """docs/README.md's stops: (heading, the commands of its ```gdb
    block)."""
    with open(os.path.join(ROOT, "docs/README.md")) as f:
        sections = re.split(r"^## ", f.read(), flags=re.M)
    stops = []
    for section in sections:
        block = re.search(r"^```gdb\n(.*?)^```", section, re.S | re.M)
        if block:
            stops.append((section.split("\n")[0], [
                line.strip() for line in block.group(1).splitlines()
                if line.strip() and not line.startswith("#")]))
    return stops


def stop_check(n, commands, out, last):
    """Every command of stop n ran (gdb -batch gives up at the first
    error), each break was set, each continue stopped at a breakpoint."""
    def test():
        for line in commands:
            text = out.get("%d: %s" % (n, line))
            require(text is not None, "gdb stopped before %r; its last "
                    "output:\n%s" % (line, last))
            if line.startswith("break "):
                require(re.search(r"^Breakpoint \d+ at ", text, re.M),
                        "%r: %s" % (line, text.strip()))
            if line == "continue":
                require(re.search(r"^Breakpoint [\d.]+, ", text, re.M),
                        "continue did not stop at a breakpoint: %s"
                        % text.strip()[-300:])
    return test


def tour(results):
    """The tour's commands, stop after stop, against a running Sprout
    that runs tests/user/tour.sh; breakpoints are deleted between
    stops."""
    stops = tour_stops()
    port = free_port()
    script = "".join(
        "".join("echo @@ %d: %s\\n\n%s\n" % (n, line, line)
                for line in commands) + "delete\n"
        for n, (_, commands) in enumerate(stops, 1)) + "detach\n"
    with guest_session("tour", timeout=120,
                       cmdline="init=/sbin/init /bin/tests/tour.sh",
                       extra=["-S", "-gdb", "tcp:127.0.0.1:%d" % port]) as g:
        text = run_gdb("tour", gdbinit(port), script, timeout=100)

        def powers_off():       # (so the disk is left clean)
            g.expect(r"init: /bin/tests/tour.sh exited with status 0")
            require(g.wait() == 1, "QEMU did not power off cleanly")
        results.check("tour: after gdb detaches, the script ends and "
                      "Sprout powers off", powers_off)
    out = by_command(text)
    results.check("tour: docs/README.md has its eight stops",
                  lambda: require(len(stops) == 8, "%d stops" % len(stops)))
    for n, (heading, commands) in enumerate(stops, 1):
        results.check("tour: %s: the commands run, the breakpoints hit"
                      % heading, stop_check(n, commands, out, text[-600:]))
