#!/usr/bin/env python3
"""The signal lab's grader (docs/labs/03-signal.md): make grade LAB=signal.

One boot runs /labs/alarmtest, which prints a line per case; each check
below is one of its cases.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
from gradelib import check_lines, krun, run, test  # noqa: E402

CHECKS = [
    (15, "the handler runs"),
    (15, "the handler runs every n ticks"),
    (20, "the handler is not re-entered"),
    (10, "sigalarm(0, 0) stops it"),
    (10, "sigalarmreturn outside a handler"),
    (20, "registers survive"),
    (10, "eflags survive"),
]


def case_check(case):
    def check():
        check_lines(krun("/labs/alarmtest", timeout=120)[1], case)
    return check


for points, case in CHECKS:
    test(points, case)(case_check(case))

run()
