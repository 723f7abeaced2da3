"""The orphan list (kernel/fs/ext2_orphan.c): a file unlinked while open
is listed on the disk, and the next boot deletes it if the machine
stopped first.

orphan_check unlinks an open file, fsyncs it and says so; we kill QEMU
outright (no power-off deletes it) and look at the image: debugfs finds
the inode named as the first orphan, with no links but its blocks, and
e2fsck -fp, on a copy, reads the same list. Then we boot again with
init=/bin/true, expect the kernel to clean it up, and find the inode
free and e2fsck -fn clean.
"""
import os
import shutil
import subprocess

from harness import DISK, guest_session, require


ENV = dict(os.environ, PATH=os.environ.get("PATH", "") + ":/sbin:/usr/sbin")


def debugfs(request):
    return subprocess.run(["debugfs", "-R", request, DISK],
                          capture_output=True, text=True, env=ENV).stdout


def e2fsck(option, image):
    return subprocess.run(["e2fsck", option, image], capture_output=True,
                          text=True, env=ENV)


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

    def e2fsck_reads_it():
        require(orphan, "orphan_check did not name its inode")
        copy = DISK + ".orphan"
        shutil.copyfile(DISK, copy)
        try:
            preen = e2fsck("-fp", copy)
            require(preen.returncode == 0 and "Clearing orphaned inode %s "
                    % orphan[0] in preen.stdout, "e2fsck -fp: exit %d\n%s"
                    % (preen.returncode, preen.stdout[-1500:]))
            require(e2fsck("-fn", copy).returncode == 0,
                    "e2fsck -fn after -fp is not clean")
        finally:
            os.remove(copy)
    results.check("orphan: e2fsck -fp reads the same list and clears it "
                  "(on a copy)", e2fsck_reads_it)

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
        fsck = e2fsck("-fn", DISK)
        require(fsck.returncode == 0, "e2fsck -fn: exit %d\n%s"
                % (fsck.returncode, fsck.stdout[-1500:]))
    results.check("orphan: the next boot deletes it (ext2: cleaned up 1 "
                  "orphan inodes) and e2fsck -fn is clean", cleaned_up)
