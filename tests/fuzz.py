#!/usr/bin/env python3
"""The long run of the system-call fuzzer (docs/fuzz.md):

  make fuzz CALLS=1000000 [SEED=0x5eed] [CHILDREN=4]

boots tests/user/t_fuzz as process 1 with `-n CALLS -p CHILDREN -s SEED`
on a fresh copy of the disk (build/fuzz-disk.img, so that a make test in
the same tree is not disturbed), then runs `e2fsck -fn` on that copy.
It prints t_fuzz's results, what ran (calls, children, seconds) and, last,
`N passed, M failed`; the exit status is 1 on any failure. The serial log
is build/test-logs/fuzz-t_fuzz-<arguments>.log: a panic is there, after
the "fuzz: child N, pid P, seed S" lines of the children that were running.
"""
import argparse
import os
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import BUILD, IMAGE, Results, check_disk, run_test_program  # noqa: E402

FUZZ_DISK = os.path.join(BUILD, "fuzz-disk.img")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--calls", type=int, default=1000000)
    ap.add_argument("--children", type=int, default=4)
    ap.add_argument("--seed", default="0x5eed")
    args = ap.parse_args()
    results = Results()
    shutil.copyfile(IMAGE, FUZZ_DISK)
    # Generous: the children make some 10000 calls a second under TCG.
    timeout = 300 + args.calls // 100
    start = time.monotonic()
    g = run_test_program(
        results, "fuzz", "t_fuzz", "fuzz: t_fuzz: ", timeout,
        args="-n %d -p %d -s %s" % (args.calls, args.children, args.seed),
        disk=FUZZ_DISK)
    seconds = time.monotonic() - start
    check_disk(results, FUZZ_DISK)
    ran = re.search(r"fuzz: \d+ calls by .*", g.output)
    print(ran.group(0).strip() if ran else "fuzz: no summary line: see the log")
    print("boot to power-off: %.0f s" % seconds)
    print("%d passed, %d failed" % (results.passed, results.failed))
    sys.exit(1 if results.failed else 0)


if __name__ == "__main__":
    main()
