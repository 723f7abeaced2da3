"""The orphan list (kernel/fs/ext2_orphan.c): a file unlinked while open
is listed on the disk, and the next boot deletes it if the machine
stopped first.

orphan_check unlinks an open file, fsyncs it and says so; we kill QEMU
outright (no power-off deletes it), look at the image with debugfs (the
superblock names the inode as the first orphan; it has no links but its
blocks), boot again with init=/bin/true and expect the kernel to clean
it up, then find the inode free and e2fsck -fn clean.
"""
import os
import subprocess

from harness import DISK, guest_session, require


def debugfs(request):
    env = dict(os.environ, PATH=os.environ.get("PATH", "") + ":/sbin:/usr/sbin")
    return subprocess.run(["debugfs", "-R", request, DISK],
                          capture_output=True, text=True, env=env).stdout


def run(results):
    orphan = []

    def stop_holding_one():
        with guest_session("orphan-stop", timeout=60,
                           cmdline="init=/bin/tests/orphan_check") as g:
            m = g.expect(r"orphan_check: inode (\d+) unlinked, open, synced")
            orphan.append(m.group(1))
            g.kill()            # no power-off: nothing deletes it now
    results.check("orphan: a file unlinked while open, then the machine "
                  "stops", stop_holding_one)

    def listed():
        require(orphan, "orphan_check did not name its inode")
        stats = debugfs("stats")
        require("First orphan inode:       %s\n" % orphan[0] in stats,
                "the superblock does not name inode %s as the first orphan"
                % orphan[0])
        stat = debugfs("stat <%s>" % orphan[0])
        require("Links: 0 " in stat and "Blockcount: 0\n" not in stat,
                "inode %s: not unlinked, or without its blocks" % orphan[0])
    results.check("orphan: the disk lists it (debugfs: First orphan inode)",
                  listed)

    def cleaned_up():
        with guest_session("orphan-boot", timeout=60,
                           cmdline="init=/bin/true") as g:
            g.expect(r"ext2: cleaned up 1 orphan inodes")
            require(g.wait() == 1, "QEMU did not power off cleanly")
        require(orphan, "orphan_check did not name its inode")
        require("not in use" in debugfs("testi <%s>" % orphan[0]),
                "inode %s is still in use" % orphan[0])
        require("First orphan inode" not in debugfs("stats"),
                "the superblock still lists an orphan")
        fsck = subprocess.run(["e2fsck", "-fn", DISK], capture_output=True,
                              text=True, env=dict(os.environ, PATH=os.environ.get(
                                  "PATH", "") + ":/sbin:/usr/sbin"))
        require(fsck.returncode == 0, "e2fsck -fn: exit %d\n%s"
                % (fsck.returncode, fsck.stdout[-1500:]))
    results.check("orphan: the next boot deletes it (ext2: cleaned up 1 "
                  "orphan inodes) and e2fsck -fn is clean", cleaned_up)
