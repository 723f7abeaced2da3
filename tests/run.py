#!/usr/bin/env python3
"""Sprout's test runner: `make test` calls it after building everything.

It runs two kinds of tests and prints one line per test:

  host   the programs in build/host/ (kernel code compiled for this
         machine); each prints `ok <name>` or `FAIL <name>: <why>`.
  guest  boots of the kernel in QEMU (headless, -no-reboot, with the
         isa-debug-exit device so the guest sets QEMU's exit status),
         checking what arrives on the serial port. Each boot has its own
         time limit, so a hung kernel fails its tests instead of hanging.

Guests share one disk, build/test-disk.img, a fresh copy of build/disk.img
made at the start; the last test runs `e2fsck -fn` on it, so a test that
leaves the file system inconsistent fails the run.

The last line is `N passed, M failed`; the exit status is 1 on any failure.
Serial logs of every boot are kept in build/test-logs/.

  tests/run.py              everything
  tests/run.py -k fault     only tests whose name contains "fault"
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Results, run_host_tests, fresh_disk, check_disk  # noqa: E402
import guest_boot  # noqa: E402
import guest_tty  # noqa: E402
import guest_files  # noqa: E402
import guest_hostcheck  # noqa: E402
import guest_kcc  # noqa: E402
import guest_krun  # noqa: E402
import guest_kprof  # noqa: E402
import guest_labs  # noqa: E402
import guest_screen  # noqa: E402
import guest_vga  # noqa: E402
import guest_user  # noqa: E402
import guest_flush  # noqa: E402
import guest_disk  # noqa: E402
import guest_journal  # noqa: E402
import guest_reboot  # noqa: E402
import guest_orphan  # noqa: E402
import guest_shell  # noqa: E402
import guest_libc  # noqa: E402
import guest_glibc  # noqa: E402
import guest_busybox  # noqa: E402
import guest_lecture  # noqa: E402
import guest_gdb  # noqa: E402
import guest_nic  # noqa: E402
import guest_ip  # noqa: E402
import guest_net  # noqa: E402
import guest_crash  # noqa: E402
import host_lint  # noqa: E402
import host_benchlinux  # noqa: E402
import host_calltable  # noqa: E402

GROUPS = [guest_boot, guest_user, guest_libc, guest_glibc, guest_busybox,
          guest_lecture,
          guest_files, guest_hostcheck, guest_tty, guest_flush, guest_disk,
          guest_journal, guest_reboot, guest_orphan, guest_kcc, guest_screen,
          guest_vga, guest_shell, guest_krun, guest_kprof, guest_ip, guest_nic,
          guest_net, guest_gdb, guest_labs, guest_crash]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-k", dest="pattern", default="",
                    help="run only tests whose name contains this")
    args = ap.parse_args()
    results = Results(args.pattern)
    run_host_tests(results)
    host_lint.run(results)
    host_benchlinux.run(results)
    host_calltable.run(results)
    fresh_disk()
    for group in GROUPS:
        group.run(results)
    check_disk(results)
    if results.passed + results.failed == 0:
        print("no test name contains %r" % args.pattern)
        results.failed = 1
    print("%d passed, %d failed" % (results.passed, results.failed))
    sys.exit(1 if results.failed else 0)


if __name__ == "__main__":
    main()
