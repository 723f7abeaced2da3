#!/usr/bin/env python3
"""The fs lab's grader: SEEK_DATA and SEEK_HOLE on sparse ext2 files
(docs/labs/05-fs.md).

One boot runs the test program; each check passes when its case printed
"ok <case>". The file system is checked too: the test's files are gone
at the end, and `e2fsck -fn` of the test disk (tests/guest_labs.py) must
stay clean.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from gradelib import test, run, krun, check_lines  # noqa: E402

CASES = [
    (10, "a file without holes is all data"),
    (15, "a hole between two data blocks"),
    (10, "at or past the end is ENXIO"),
    (10, "a hole up to the end"),
    (10, "a file of holes only"),
    (20, "holes under indirect blocks"),
    (10, "the offset moves to the answer"),
    (15, "a partly written block is data"),
]


def make_check(case):
    def check():
        status, out = krun("/labs/seek_test")
        check_lines(out, case)
    return check


for points, case in CASES:
    test(points, case)(make_check(case))

run()
