"""Guest tests of the boot path: GRUB and -kernel boots, gdb, faults, input."""
import os
import re
import signal
import socket
import subprocess
import time

from harness import (ROOT, BUILD, QEMU_EXIT_PANIC, guest_session, require)

# Subsystems main() must announce, in this order (kernel/init/main.c).
INIT_STEPS = ["console", "boot info", "traps", "memory", "interrupts:",
              "scheduler", "timer", "input", "interrupts enabled",
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


def boot_iso():
    with guest_session("boot-iso", timeout=60, boot="iso") as g:
        check_init_steps(g, r"loaded by GRUB")


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


def gdb_stops_at_main():
    """`make qemu-gdb`, then gdb with the repository's .gdbinit."""
    port = free_port()
    qemu = subprocess.Popen(["make", "-s", "qemu-gdb", "GDBPORT=%d" % port,
                             "B=%s" % BUILD],
                            cwd=ROOT, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for_port(port, qemu)
        out = subprocess.run(
            ["gdb", "-batch", "-iex",
             "add-auto-load-safe-path %s" % os.path.join(ROOT, ".gdbinit"),
             "-ex", "break main", "-ex", "continue", "-ex", "bt",
             "-ex", "print sizeof(struct pt_regs)"],
            cwd=ROOT, capture_output=True, text=True, timeout=90).stdout
    finally:
        os.killpg(qemu.pid, signal.SIGKILL)
        qemu.wait()
    require(re.search(r"Breakpoint 1, main \(", out), "no stop at main:\n" + out)
    require(re.search(r"#0 +main \(magic=", out), "no backtrace:\n" + out)
    require(re.search(r"\$1 = 72", out), "cannot print structures:\n" + out)


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
        r'[pid 1] open("/dev/console", O_RDWR, 0) = 3',
        r'[pid 1] dup2(3, 0) = 0',
        r'[pid 1] write(1, "init: Sprout process 1 running\n", 31) = 31',
        r'[pid 1] access("/bin/sh", 1) = -1 ENOENT (No such file or directory)',
        r'[pid 1] write(1, "init: no /bin/sh yet; waiting fo"..., 42) = 42',
    ]
    with guest_session("strace", cmdline="strace") as g:
        for line in lines:
            g.expect(r"(?m)^" + re.escape(line) + r"\r?$")
        g.expect(r"\[pid 1\] waitpid\(-1, 0x[0-9a-f]+, 0\) = -1 ECHILD "
                 r"\(No child processes\)")


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


def run(results):
    results.check("boot: GRUB ISO boots to the banner and every init step",
                  boot_iso)
    results.check("boot: -kernel boots to the banner and every init step",
                  boot_kernel)
    results.check("debug: gdb against make qemu-gdb stops at main, backtraces",
                  gdb_stops_at_main)
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
