#!/usr/bin/env python3
"""The fs lab's grader: holes in ext2 files (docs/labs/05-fs.md).

Part 1, lseek's SEEK_DATA and SEEK_HOLE, and part 2, fallocate's
FALLOC_FL_PUNCH_HOLE, are graded by their programs' "ok <case>" lines,
from one boot. A second boot runs `punch_test --keep` as process 1 on
a copy of the disk, which keeps the files with holes punched in them;
`e2fsck -fn` of that copy must find it clean: every freed block free in
the bitmaps, every count right.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests"))
from gradelib import test, run, krun, check_lines, Fail  # noqa: E402
from harness import IMAGE, die_with_parent, qemu_command  # noqa: E402

CASES = [
    (5, "a file without holes is all data"),
    (10, "a hole between two data blocks"),
    (5, "at or past the end is ENXIO"),
    (5, "a hole up to the end"),
    (5, "a file of holes only"),
    (10, "holes under indirect blocks"),
    (5, "the offset moves to the answer"),
    (5, "a partly written block is data"),
    (10, "punching frees the whole blocks"),
    (5, "the hole reads as zeros, the rest and the size stay"),
    (5, "SEEK_HOLE finds the punched hole"),
    (5, "partly covered blocks are zeroed, not freed"),
    (5, "a range past the end stops at the end"),
    (5, "an indirect block that maps nothing more is freed"),
    (5, "bad arguments: EINVAL, EOPNOTSUPP, EBADF, ESPIPE, ENODEV, EFBIG"),
]
PUNCHED = ["punching frees the whole blocks",
           "an indirect block that maps nothing more is freed"]
E2FSCK_PATH = os.environ.get("PATH", "") + ":/sbin:/usr/sbin"


def make_check(case):
    def check():
        status, out = krun("/labs/seek_test; /labs/punch_test")
        check_lines(out, case)
    return check


for points, case in CASES:
    test(points, case)(make_check(case))


def boot_and_fsck():
    """punch_test --keep as process 1 on a copy of the disk: what it
    printed, and e2fsck -fn's exit status and report of the copy."""
    with tempfile.TemporaryDirectory(prefix="grade-fs-") as tmp:
        disk = os.path.join(tmp, "disk.img")
        shutil.copyfile(IMAGE, disk)
        cmd = qemu_command(cmdline="init=/labs/punch_test --keep", disk=disk)
        try:
            out = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                                 capture_output=True, timeout=120,
                                 preexec_fn=die_with_parent)
        except subprocess.TimeoutExpired:
            raise Fail("the boot with punch_test --keep did not end in 120 s")
        printed = out.stdout.decode("utf-8", "replace").replace("\r", "")
        fsck = subprocess.run(["e2fsck", "-fn", disk], capture_output=True,
                              text=True, env=dict(os.environ, PATH=E2FSCK_PATH))
        return printed, fsck.returncode, fsck.stdout


@test(10, "e2fsck -fn finds the disk clean after the holes")
def t_e2fsck():
    printed, status, report = boot_and_fsck()
    for case in PUNCHED:
        check_lines(printed, case)      # nothing punched: nothing to check
    if status != 0:
        raise Fail("e2fsck -fn exited with %d: %s" % (
            status, " | ".join(report.strip().splitlines()[-6:])))


run()
