#!/usr/bin/env python3
"""The shell lab's grader (docs/labs/06-shell.md): make grade LAB=shell.

One boot runs /labs/pipe_amp, which prints a line per case; each check
below is one of its cases.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
from gradelib import check_lines, krun, run, test  # noqa: E402

CHECKS = [
    (40, "|& sends standard error down the pipe"),
    (10, "| alone still leaves standard error out"),
    (20, "|& comes after the command's own redirections"),
    (15, "|& after a compound command"),
    (15, "|& and | in one pipeline"),
]


def case_check(case):
    def check():
        check_lines(krun("/labs/pipe_amp", timeout=120)[1], case)
    return check


for points, case in CHECKS:
    test(points, case)(case_check(case))

run()
