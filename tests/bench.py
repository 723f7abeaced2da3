#!/usr/bin/env python3
"""`make bench`: boot Sprout under QEMU with -icount shift=0 (1 guest
instruction = 1 ns, so figures repeat whatever the host's load) and run
/bin/bench as process 1. Prints the guest's `bench:` lines.

  tests/bench.py                 every figure (two boots: processes,
                                 pipes, AF_UNIX and TCP over lo, signals
                                 and the file write, then cold and warm
                                 reads and open+close)
  tests/bench.py syscall fork    just these, in one boot
  tests/bench.py pipe unix tcp   pipes against AF_UNIX and TCP (127.0.0.1)

`make bench-linux` (tools/benchlinux/) runs the same boots on Linux.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import guest_session, fresh_disk  # noqa: E402

ICOUNT = ["-icount", "shift=0"]
# The boots of a whole run, as /bin/bench's arguments: a reboot between
# writing and reading makes the first read cold.
BOOTS = (["default", "fswrite"], ["fsread", "open"])


def bench_lines(args, cmdline="init=/bin/bench", **qemu_args):
    """Boot once, /bin/bench given args; yield its figure lines. Another
    kernel (qemu_args kernel=, initrd=) passes its own command line,
    which ends in "--" and hands the arguments on to its init."""
    cmdline = " ".join([cmdline] + list(args))
    with guest_session("bench", timeout=1200, cmdline=cmdline,
                       extra=ICOUNT, **qemu_args) as g:
        while True:
            line = g.expect(r"bench: ([^\r\n]*)\r?\n").group(0).strip()
            if line == "bench: done":
                return
            yield line


def main():
    fresh_disk()
    for args in [sys.argv[1:]] if sys.argv[1:] else BOOTS:
        for line in bench_lines(args):
            print(line, flush=True)


if __name__ == "__main__":
    main()
