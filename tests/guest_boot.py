"""Guest tests of the boot path: GRUB and -kernel boots, gdb, faults, input."""
import contextlib
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import time

from harness import (ROOT, BUILD, IMAGE, KERNEL, QEMU_EXIT_PANIC,
                     guest_session, require)
from guest_kcc import run_tool, tool_env

# Subsystems main() must announce, in this order (kernel/init/main.c).
INIT_STEPS = ["console", "boot info", "traps", "memory", "interrupts:",
              "scheduler", "timer", "devices", "interrupts enabled",
              "process 1 started"]


def check_init_steps(g, loader):
    g.expect(r"Sprout \S+ - a teaching Unix kernel")
    for n, what in enumerate(INIT_STEPS, 1):
        if n == 2:
            g.expect(loader)
        m = g.expect(r"\[init +(\d+)\] ([^\r\n]*)\r?\n")
        require(int(m.group(1)) == n, "step %s numbered %s" % (n, m.group(1)))
        require(m.group(2).startswith(what),
                "step %d is %r, expected %r" % (n, m.group(2), what))
    g.expect(r"init: starting /sbin/init")


def check_grub_banner(g):
    """GRUB's "Booting `Sprout'" once, on a line of its own: not two
    copies mixed together, one from its serial terminal and one that the
    BIOS copied from the screen (boot/grub.cfg)."""
    g.expect(r"Booting `Sprout'\r?\n")
    banners = g.output.count("Booting `")
    require(banners == 1, "GRUB's banner appears %d times" % banners)


def boot_iso():
    with guest_session("boot-iso", timeout=60, boot="iso") as g:
        check_grub_banner(g)
        check_init_steps(g, r'loaded by GRUB \S+, command line ""')


def boot_kernel():
    with guest_session("boot-kernel", cmdline="quiet=no") as g:
        check_init_steps(g, r'loaded by qemu, command line ".*quiet=no"')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, proc, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("QEMU's gdb stub never listened on %d" % port)


def make_iso(append):
    """Build the ISO with this kernel command line (make APPEND=...)."""
    b = os.path.relpath(BUILD, ROOT)
    run_tool(["make", "-s", "B=" + b, "APPEND=" + append,
              os.path.join(b, "sprout.iso")])


@contextlib.contextmanager
def qemu_gdb(append=""):
    """`make qemu-gdb APPEND=...` on a free port and a copy of the disk;
    yields the port. The build's ISO is remade without APPEND after."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="sprout-gdb-") as tmp:
        disk = os.path.join(tmp, "disk.img")
        shutil.copyfile(IMAGE, disk)
        qemu = subprocess.Popen(["make", "-s", "qemu-gdb", "GDBPORT=%d" % port,
                                 "B=%s" % BUILD, "DISK=" + disk,
                                 "APPEND=" + append],
                                cwd=ROOT, env=tool_env(),
                                stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL,
                                start_new_session=True)
        try:
            wait_for_port(port, qemu)
            yield port
        finally:
            os.killpg(qemu.pid, signal.SIGKILL)
            qemu.wait()
            if append:
                make_iso("")


def gdb_stops_at_main():
    """`make qemu-gdb`, then gdb with the repository's .gdbinit."""
    with qemu_gdb():
        out = subprocess.run(
            ["gdb", "-batch", "-iex",
             "add-auto-load-safe-path %s" % os.path.join(ROOT, ".gdbinit"),
             "-ex", "break main", "-ex", "continue", "-ex", "bt",
             "-ex", "print sizeof(struct pt_regs)"],
            cwd=ROOT, capture_output=True, text=True, timeout=90).stdout
    require(re.search(r"Breakpoint 1, main \(", out), "no stop at main:\n" + out)
    require(re.search(r"#0 +main \(magic=", out), "no backtrace:\n" + out)
    require(re.search(r"\$1 = 76", out), "cannot print structures:\n" + out)


def exec_layout(path):
    """What exec should record in mm_struct for the ELF file at path: the
    span of its executable and of its writable PT_LOAD segments (the part
    read from the file), and the page after the last segment's end."""
    with open(path, "rb") as f:
        elf = f.read()
    phoff, = struct.unpack_from("<I", elf, 28)
    phentsize, phnum = struct.unpack_from("<HH", elf, 42)
    code, data, end = [], [], 0
    for i in range(phnum):
        (p_type, _, vaddr, _, filesz, memsz, flags,
         _) = struct.unpack_from("<8I", elf, phoff + i * phentsize)
        if p_type != 1:                                 # PT_LOAD
            continue
        if flags & 1:                                   # PF_X
            code.append((vaddr, vaddr + filesz))
        if flags & 2:                                   # PF_W
            data.append((vaddr, vaddr + filesz))
        end = max(end, vaddr + memsz)
    return {"start_code": min(a for a, _ in code),
            "end_code": max(b for _, b in code),
            "start_data": min(a for a, _ in data),
            "end_data": max(b for _, b in data),
            "start_brk": (end + 4095) & ~4095}


def gdb_sees_exec_layout():
    """gdb's `print *current->mm` as /bin/hello exits shows its layout."""
    port = free_port()
    with guest_session("gdb-mm", timeout=90, cmdline="init=/bin/hello",
                       extra=["-S", "-gdb", "tcp:127.0.0.1:%d" % port]) as g:
        wait_for_port(port, g.proc)
        out = subprocess.run(
            ["gdb", "-batch", "-nx", "-ex", "set architecture i386",
             "-ex", "file " + KERNEL,
             "-ex", "target remote 127.0.0.1:%d" % port,
             "-ex", "break do_exit", "-ex", "continue",
             "-ex", "print/x *current->mm"],
            cwd=ROOT, capture_output=True, text=True, timeout=90).stdout
    m = re.search(r"\$1 = \{(.*)\}", out)
    require(m, "no mm_struct printed:\n" + out)
    got = dict(re.findall(r"(\w+) = (0x[0-9a-f]+|0)", m.group(1)))
    want = exec_layout(os.path.join(BUILD, "user", "hello"))
    for field, value in want.items():
        require(int(got.get(field, "-1"), 16) == value,
                "mm.%s is %s, the ELF says %#x" % (field, got.get(field),
                                                  value))
    sp = int(got.get("start_stack", "0"), 16)
    require(0xBF800000 < sp < 0xC0000000 and sp % 16 == 0,
            "mm.start_stack %#x is not an initial stack pointer" % sp)


def gdb_user_program():
    """`make gdb PROG=build/user/hello` (docs/debugging.md): gdb has the
    program's symbols, break main stops in it (after the kernel's main),
    and uregs shows the trap frame of its write()."""
    commands = ["set width 0", "break main", "continue", "continue", "bt",
                "print argv[1]", "break sys_write", "continue", "uregs"]
    with qemu_gdb("init=/bin/hello a b") as port:
        out = subprocess.run(
            ["make", "-s", "gdb", "GDBPORT=%d" % port, "B=%s" % BUILD,
             "PROG=" + os.path.join(BUILD, "user", "hello")],
            input="\n".join(commands) + "\n", cwd=ROOT, env=tool_env(),
            capture_output=True, text=True, timeout=90).stdout
    for what, pattern in [
            ("no stop in hello's main",
             r"Breakpoint 1\.1, main \(argc=3, argv=0x[0-9a-f]+\) "
             r"at user/hello\.c:\d+"),
            ("no user backtrace",               # via libc's start-up
             r"#1 +0x[0-9a-f]+ in __libc_start_main .*\n#2 +0x[0-9a-f]+ "
             r"in _start \(\)"),
            ("no argv[1]", r'= 0x[0-9a-f]+ "a"'),
            ("no trap frame of write()",
             r"eax = 0x4, .*trapno = 0x80, .*cs = 0x1b,")]:
        require(re.search(pattern, out), "%s:\n%s" % (what, out))


def fault_report(ktest, report, callers=()):
    """The report's lines in order, then the backtrace naming callers."""
    def test():
        with guest_session("ktest-" + ktest, cmdline="ktest=" + ktest) as g:
            for p in report + [r"Backtrace:"] + [
                    r"\] %s\+0x" % fn for fn in callers] + [
                    r"\] main\+0x", r"System halted"]:
                g.expect(p)
            status = g.wait()
            require(status == QEMU_EXIT_PANIC, "QEMU exit status %d" % status)
    return test


def serial_input():
    with guest_session("ktest-echo", cmdline="ktest=echo") as g:
        g.expect(r"ktest: echo ready")
        g.send("hello sprout\r")
        g.expect(r"echo: hello sprout")
        g.send("Typed-Over_Serial 123!\r")
        g.expect(r"echo: Typed-Over_Serial 123!")
        g.send("quit\r")
        g.expect(r"ktest: echo done")


def strace_names_calls():
    """strace on the command line: /sbin/init's calls in strace's format."""
    lines = [
        r'[pid 1] open("/dev/console", O_RDWR|O_NOCTTY, 0) = 3',
        r'[pid 1] dup2(3, 0) = 0',
        r'[pid 1] write(1, "init: Sprout process 1 running\n", 31) = 31',
        r'[pid 1] access("/bin/sh", 1) = 0',
    ]
    with guest_session("strace", cmdline="strace") as g:
        for line in lines:
            g.expect(r"(?m)^" + re.escape(line) + r"\r?$")
        g.expect(r"\[pid 1\] fork\(\) = \d+")


def strace_reads_user_memory_safely():
    """What a call reads is shown from entry (execve's path, before the
    program is replaced), what it fills in from after it returns (read's
    data), and a pointer that cannot be read as an address."""
    with guest_session("strace-exec",
                       cmdline="strace init=/bin/tests/t_exec") as g:
        g.expect(r'\[pid [2-9]\d*\] execve\("/bin/hello", 0x[0-9a-f]+, '
                 r'0x[0-9a-f]+\) = 0')
        g.expect(r'\[pid \d+\] execve\(0xc0000000, 0x[0-9a-f]+, '
                 r'0x[0-9a-f]+\) = -1 EFAULT \(Bad address\)')
        g.expect(r'\[pid 1\] read\(3, "\\177ELF\\1\\1\\1\\0[^"]*"\.\.\., '
                 r'262144\) = \d+')
        g.expect(r"init exited with status 0")


def check_hello_args(g, args):
    """/bin/hello printed exactly these arguments, untraced, and exited."""
    for i, arg in enumerate(["/bin/hello"] + args):
        g.expect(r'hello: argv\[%d\] = "%s"' % (i, re.escape(arg)))
    g.expect(r"Hello from Sprout!")
    g.expect(r"init exited with status 0")
    require("argv[%d]" % (len(args) + 1) not in g.output,
            "more arguments than %r" % args)
    trace = re.search(r"\[\d+\] \w+\([0-9a-f]+, .*", g.output)
    require(not trace, "system calls traced: %s" % (trace and trace.group(0)))
    require(g.wait() == 1, "QEMU did not power off with status 1")


def args_are_not_flags():
    """The words after init=PATH are the program's: strace among them is
    an argument, and does not also turn tracing on."""
    with guest_session("init-args", cmdline="init=/bin/hello a strace") as g:
        check_hello_args(g, ["a", "strace"])


APPEND = "init=/bin/hello -- a strace"


def iso_append():
    """make APPEND="..." puts the command line in the ISO's grub.cfg; the
    words after "--" are /bin/hello's arguments, not kernel flags."""
    make_iso(APPEND)
    try:
        with guest_session("boot-iso-append", timeout=60, boot="iso") as g:
            check_grub_banner(g)
            g.expect(r'loaded by GRUB \S+, command line "%s"'
                     % re.escape(APPEND))
            check_hello_args(g, ["a", "strace"])
    finally:
        make_iso("")    # the build's ISO as make leaves it


def run(results):
    results.check("boot: GRUB ISO boots to a clean GRUB banner, the kernel's "
                  "and every init step", boot_iso)
    results.check("boot: -kernel boots to the banner and every init step",
                  boot_kernel)
    results.check("boot: words after init=PATH are its arguments, not "
                  "kernel flags", args_are_not_flags)
    results.check("boot: make APPEND= puts the command line in the ISO; "
                  "strace after -- is only an argument", iso_append)
    results.check("debug: gdb against make qemu-gdb stops at main, backtraces",
                  gdb_stops_at_main)
    results.check("debug: gdb shows exec's code, data, brk and stack in "
                  "current->mm", gdb_sees_exec_layout)
    results.check("debug: make gdb PROG=build/user/hello stops at the "
                  "program's main; uregs shows its trap frame",
                  gdb_user_program)
    results.check("fault: divide by zero prints the exception report",
                  fault_report("divzero", [
                      r"exception 0 \(divide error\)",
                      r"eip=c0[0-9a-f]+ \(divide_by_zero\+0x",
                      r"eax=[0-9a-f]{8} ebx=", r"cr2="], ["run_ktest"]))
    results.check("fault: NULL write prints a page fault with cr2",
                  fault_report("pagefault", [
                      r"exception 14 \(page fault\), error code 00000002",
                      r"page fault at address 00000000: kernel write",
                      r"\(write_null\+0x"]))
    results.check("fault: panic() prints registers and a named backtrace",
                  fault_report("panic", [
                      r"Kernel panic: ktest: panic requested",
                      r"eip=c0[0-9a-f]+ \(run_ktest\+0x"]))
    results.check("console: lines typed over the serial port arrive",
                  serial_input)
    results.check("debug: strace on the command line prints every system call "
                  "as strace does", strace_names_calls)
    results.check("debug: strace reads arguments at entry, results after, "
                  "bad pointers never", strace_reads_user_memory_safely)
