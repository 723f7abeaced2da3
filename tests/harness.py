"""The pieces every test group uses: result counting and QEMU boots."""
import ctypes
import glob
import os
import re
import shutil
import signal
import subprocess
import threading
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import qemu_net  # noqa: E402
BUILD = os.path.join(ROOT, os.environ.get("B", "build"))
LOGS = os.path.join(BUILD, "test-logs")
KERNEL = os.path.join(BUILD, "kernel.elf")
ISO = os.path.join(BUILD, "sprout.iso")
IMAGE = os.path.join(BUILD, "disk.img")         # as make built it
DISK = os.path.join(BUILD, "test-disk.img")     # what the tests write to
QEMU_EXIT_PANIC = 255          # (0x7f << 1) | 1, see kernel/arch/power.h


def outcome(fn, *args):
    """Run fn(*args): (True, "") if it returns, (False, why) if it raises
    (a failed check, a timeout, a crash)."""
    try:
        fn(*args)
        return True, ""
    except Exception as e:
        return False, str(e) or type(e).__name__


class Results:
    """Counts and prints results, one line each."""

    def __init__(self, pattern=""):
        self.pattern = pattern
        self.passed = 0
        self.failed = 0

    def wanted(self, name):
        return self.pattern in name

    def record(self, name, ok, why=""):
        if ok:
            self.passed += 1
            print("PASS %s" % name, flush=True)
        else:
            self.failed += 1
            print("FAIL %s: %s" % (name, why), flush=True)

    def check(self, name, test):
        """Run test(); it passes unless it raises. Prints one line."""
        if self.wanted(name):
            self.record(name, *outcome(test))

    def step(self, name, fn, *args):
        """Run fn(*args) whatever -k picks, since the steps after it need
        it (it typed at the guest, made a file); print a line only if
        picked. It passes unless it raises."""
        ok, why = outcome(fn, *args)
        if self.wanted(name):
            self.record(name, ok, why)

    def parse_lines(self, text, prefix=""):
        """Record every `ok <name>` / `FAIL <name> -- <why>` line in text."""
        seen = 0
        for line in text.splitlines():
            line = line.strip("\r")
            m = re.match(r"^(ok|FAIL) (.*?)(?: -- (.*))?$", line)
            if m:
                seen += 1
                name = prefix + m.group(2)
                if self.wanted(name):
                    self.record(name, m.group(1) == "ok", m.group(3) or "")
        return seen


def fresh_disk():
    shutil.copyfile(IMAGE, DISK)


def check_disk(results, disk=DISK):
    """e2fsck -fn: the file system the guests wrote must be consistent."""
    def test():
        out = subprocess.run(["e2fsck", "-fn", disk], capture_output=True,
                             text=True, env=dict(os.environ, PATH=os.environ.get("PATH", "") + ":/sbin:/usr/sbin"))
        if out.returncode != 0:
            raise AssertionError("e2fsck exit %d:\n%s" % (out.returncode, out.stdout[-2000:]))
    results.check("disk: e2fsck -fn finds the image clean after the tests", test)


def run_host_tests(results):
    for prog in sorted(glob.glob(os.path.join(BUILD, "host", "test_*"))):
        name = "host: %s runs to the end" % os.path.basename(prog)
        before = results.passed + results.failed
        try:
            out = subprocess.run([prog], capture_output=True, text=True,
                                 timeout=60)
            seen = results.parse_lines(out.stdout, "host: ")
            ok = out.returncode == 0 and seen > 0
            why = "exit status %d" % out.returncode
        except subprocess.TimeoutExpired:
            ok, why = False, "timed out"
        # A crash counts under -k if the name or one of its cases matched.
        shown = results.passed + results.failed > before
        if not ok and (shown or results.wanted(name)):
            results.record(name, False, why)


class Timeout(Exception):
    pass


def host_ports(net):
    """A boot's net= option: True (a card, nothing forwarded) or a list
    of (guest_port, "tcp"|"udp") to forward from the host, each from a
    free port on 127.0.0.1: {(guest_port, proto): host_port}."""
    return {} if net is True else {
        (guest, proto): qemu_net.free_port(proto) for guest, proto in net}


def qemu_command(boot="kernel", cmdline="", mem="128M", disk=DISK,
                 extra=(), net=None, kernel=KERNEL, initrd=None):
    """The QEMU command line for a headless test boot. The ISO boots as
    under make qemu-nox: -nographic, where the BIOS also copies the
    screen to the serial port, so GRUB's serial output is seen as users
    see it. net: None for no card; else host_ports()'s forwards, for an
    e1000 on the restricted user network (tools/qemu_net.py). kernel and
    initrd: another kernel to boot the same way (make bench-linux's)."""
    display = ["-nographic"] if boot == "iso" else ["-display", "none"]
    nic = ["-nic", "none"] if net is None else qemu_net.netdev_args(net)
    cmd = ["qemu-system-i386", "-accel", os.environ.get("ACCEL", "tcg"),
           "-m", mem, "-no-reboot"] + display + [
           "-serial", "stdio", "-monitor", "none"] + nic + [
           "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    if disk:
        # cache=unsafe: QEMU turns the guest's FLUSH CACHE into no host
        # fsync of this throwaway image, so the host disk's speed does not
        # leak into guest time (the guest still sends every flush).
        cmd += ["-drive", "file=%s,format=raw,if=ide,index=0,cache=unsafe"
                % disk]
    if boot == "kernel":
        cmd += ["-kernel", kernel, "-append", cmdline]
        if initrd:
            cmd += ["-initrd", initrd]
    else:
        cmd += ["-cdrom", ISO, "-boot", "d"]
    return cmd + list(extra)


def die_with_parent():
    """Run in QEMU's process before exec: Linux kills it when the test
    runner dies, however it dies, so no guest is left running."""
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


class Guest:
    """One QEMU run: its serial output, typed input and exit status."""

    def __init__(self, name, cmd, timeout, ports=None):
        self.name = name
        self.ports = ports or {}        # (guest_port, proto) -> host port
        self.deadline = time.monotonic() + timeout
        self.output = ""
        self.pos = 0                    # where the next expect() looks
        self.cond = threading.Condition()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, cwd=ROOT,
                                     preexec_fn=die_with_parent)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        while True:
            data = self.proc.stdout.read1(4096)
            with self.cond:
                if not data:
                    self.cond.notify_all()
                    return
                self.output += data.decode("utf-8", "replace")
                self.cond.notify_all()

    def _left(self):
        return self.deadline - time.monotonic()

    def expect(self, pattern):
        """Wait for a regex in the output after the last match."""
        rx = re.compile(pattern)
        with self.cond:
            while True:
                m = rx.search(self.output, self.pos)
                if m:
                    self.pos = m.end()
                    return m
                if self.proc.poll() is not None and not self.reader.is_alive():
                    raise Timeout("guest ended before %r appeared" % pattern)
                if self._left() <= 0:
                    raise Timeout("timed out waiting for %r" % pattern)
                self.cond.wait(min(self._left(), 0.5))

    def send(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def wait(self):
        """Wait for QEMU to exit; return its exit status."""
        try:
            status = self.proc.wait(max(self._left(), 0.1))
        except subprocess.TimeoutExpired:
            self.kill()
            raise Timeout("guest did not power off in time")
        self.reader.join(5)
        return status

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.reader.join(5)

    def save_log(self):
        os.makedirs(LOGS, exist_ok=True)
        with open(os.path.join(LOGS, self.name + ".log"), "w") as f:
            f.write(self.output)


def boot(name, timeout=30, net=None, **qemu_args):
    """Start a guest. net= gives it a network card: True, or a list of
    (guest_port, proto) forwards whose host ports land in .ports."""
    ports = host_ports(net) if net else None
    return Guest(name, qemu_command(net=ports, **qemu_args), timeout, ports)


class guest_session:
    """`with guest_session(...) as g:` boots, and always cleans up."""

    def __init__(self, name, timeout=30, **qemu_args):
        self.guest = boot(name, timeout, **qemu_args)

    def __enter__(self):
        return self.guest

    def __exit__(self, *exc):
        self.guest.kill()
        self.guest.save_log()
        return False


def run_test_programs(results, group, pattern, timeout=90):
    """Boot each tests/user/<pattern> program as process 1 (init=...).

    A test program prints `ok <case>` / `FAIL <case> -- <why>` lines; they
    are recorded as `<group>: <program>: <case>`. Then one more result:
    the program exited 0, the kernel said so, and QEMU powered off with
    status 2*0+1 = 1. A program is booted only if -k could match it.
    """
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/user", pattern))):
        name = os.path.basename(path)[:-2]
        prefix = "%s: %s: " % (group, name)
        if results.wanted(prefix) or results.pattern.startswith(prefix):
            run_test_program(results, group, name, prefix, timeout)


def run_test_program(results, group, name, prefix, timeout, options="",
                     args="", **qemu_args):
    """One such boot. options: kernel words before init=; args: the
    program's; qemu_args: boot()'s (net=...). Returns the guest, ended,
    for checks of the rest of its output."""
    cmdline = " ".join(w for w in (options, "init=/bin/tests/" + name, args)
                       if w)
    log = "-".join([group, name] + args.split())
    with guest_session(log, timeout=timeout, cmdline=cmdline,
                       **qemu_args) as g:
        try:
            status, why = g.wait(), ""
        except Timeout as e:
            status, why = None, str(e)
    seen = results.parse_lines(g.output, prefix)

    def powered_off():
        require(status is not None, why)
        require(seen > 0, "the program printed no ok/FAIL lines")
        require("init exited with status 0" in g.output,
                "process 1's exit with status 0 was not reported")
        require(status == 1, "QEMU exit status %d, expected 1" % status)
    results.check(prefix + "exits 0 and powers off", powered_off)
    return g


def require(cond, why):
    if not cond:
        raise AssertionError(why)
