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

Without booting, the guided tour's gdb commands (docs/README.md, the
```gdb blocks) are run against kernel.elf: every breakpoint must resolve
and every expression must type-check ("tour: ...").
"""
import os
import re
import socket
import subprocess

from harness import (BUILD, KERNEL, LOGS, ROOT, Timeout, guest_session,
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
detach
"""
ROW = r"[ >] +%d +%d +\d+ +\d+ %s +%s +\d+/\d+ +gdb_target"   # sprout ps


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
    if not (picked(results, "gdb: ") or picked(results, "console: ")):
        return tour(results)
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
    tour(results)


def tour_blocks():
    """The gdb commands of docs/README.md's ```gdb blocks."""
    with open(os.path.join(ROOT, "docs/README.md")) as f:
        blocks = re.findall(r"^```gdb\n(.*?)^```", f.read(), re.S | re.M)
    return [line.strip() for b in blocks for line in b.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def tour_check(line):
    """A command that needs no running kernel: a breakpoint's function
    must exist, a print's expression type-checks, a sprout command
    exists (and `sprout user` runs, for the breakpoints after it)."""
    word, _, rest = line.partition(" ")
    if word in ("break", "tbreak"):
        return "info address %s" % rest.split()[0], r"^Symbol .* is "
    if word in ("print", "ptype") or word.startswith("print/"):
        return "ptype %s" % rest, r"^type = "
    if line.startswith("sprout user "):
        return line, r"add symbol table"
    if word == "sprout":
        return "help sprout %s" % rest.split()[0], r"\S"
    return None, None


def tour(results):
    def test():
        lines = tour_blocks()
        require(len(lines) >= 8, "docs/README.md has %d gdb commands"
                % len(lines))
        checks = [(line,) + tour_check(line) for line in lines]
        script = "".join("echo @@ %s\\n\n%s\n" % (line, cmd)
                         for line, cmd, _ in checks if cmd)
        init = "file %s\nsource tools/gdb/sprout.py\n" % KERNEL
        out = by_command(run_gdb("tour", init, script))
        for line, cmd, pattern in checks:
            if cmd:
                got = out.get(line, "")
                require(re.search(pattern, got, re.M) and
                        not re.search("No symbol|not defined|Undefined", got),
                        "tour: %r: %s" % (line, got.strip()))
    results.check("tour: docs/README.md's breakpoints and expressions "
                  "resolve", test)
