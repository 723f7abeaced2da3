"""The buffer cache writes dirty data back on a timer (kernel/fs/bdflush.c).

flush_check writes a file without fsync and waits past the flush
interval; we then kill QEMU outright, so no power-off sync can run, and
read the file from the disk image on the host with debugfs.
"""
import os
import subprocess

from harness import DISK, guest_session, require

EXPECTED = "".join("line %d of the flush test\n" % i for i in range(100))


def debugfs_cat(path):
    env = dict(os.environ, PATH=os.environ.get("PATH", "") + ":/sbin:/usr/sbin")
    out = subprocess.run(["debugfs", "-R", "cat " + path, DISK],
                         capture_output=True, text=True, env=env)
    return out.stdout


def written_back_without_sync():
    with guest_session("flush", timeout=60,
                       cmdline="init=/bin/tests/flush_check") as g:
        g.expect(r"flush_check: written, not synced")
        g.expect(r"flush_check: waited 8 s")
        g.kill()                # no sync at power-off: pull the plug
    got = debugfs_cat("/tmp/flushed.txt")
    require(got == EXPECTED, "the disk holds %d of %d bytes, or other bytes"
            % (len(got), len(EXPECTED)))


def run(results):
    results.check("disk: data written without fsync reaches the disk "
                  "within the flush interval", written_back_without_sync)
