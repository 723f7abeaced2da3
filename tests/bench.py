#!/usr/bin/env python3
"""`make bench`: boot Sprout under QEMU with -icount shift=0 (1 guest
instruction = 1 ns, so figures repeat whatever the host's load) and run
/bin/bench as process 1. Prints the guest's `bench:` lines.

  tests/bench.py                 every figure (three boots: processes,
                                 pipes, AF_UNIX and TCP over lo, file
                                 write, then cold and warm reads)
  tests/bench.py syscall fork    just these, in one boot
  tests/bench.py pipe unix tcp   pipes against AF_UNIX and TCP (127.0.0.1)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import guest_session, fresh_disk  # noqa: E402


def run_bench(args):
    cmdline = "init=/bin/bench " + " ".join(args)
    with guest_session("bench", timeout=1200, cmdline=cmdline,
                       extra=["-icount", "shift=0"]) as g:
        while True:
            line = g.expect(r"bench: ([^\r\n]*)\r?\n").group(0).strip()
            if line == "bench: done":
                break
            print(line, flush=True)


def main():
    fresh_disk()
    if sys.argv[1:]:
        run_bench(sys.argv[1:])
        return
    # A reboot between writing and reading makes the first read cold.
    for args in ([], ["fswrite"], ["fsread", "open"]):
        run_bench(args)


if __name__ == "__main__":
    main()
