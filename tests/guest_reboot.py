"""reboot(2): argument checks, then a power-off that syncs the disk first.

reboot_check writes a file without sync and calls reboot(RB_POWER_OFF);
QEMU must exit with status 1 (debug-exit code 0) and the file must be on
the disk image, read back here with debugfs. It also holds a file
unlinked but open: the power-off must delete it, as its last close would
(else its inode stays in use with no name, and e2fsck complains).
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

    def boot():
        with guest_session("reboot", timeout=60,
                           cmdline="init=/bin/tests/reboot_check") as g:
            orphan.append(g.expect(r"orphan inode (\d+)\r?\n").group(1))
            g.expect(r"reboot_check: powering off")
            status = g.wait()
            results.parse_lines(g.output, "reboot: ")
            require(status == 1, "QEMU exit status %d, expected 1" % status)

    results.check("reboot: RB_POWER_OFF powers the machine off", boot)
    results.check("reboot: it syncs first (the unsynced file is on disk)",
                  lambda: require(debugfs("cat /tmp/before-reboot.txt") ==
                                  "written just before reboot()\n",
                                  "the file is missing or different"))

    def orphan_deleted():
        require(orphan, "reboot_check did not name its orphan")
        ino = "<%s>" % orphan[0]
        require("not in use" in debugfs("testi " + ino),
                "inode %s is still marked in use" % ino)
        require("Blockcount: 0" in debugfs("stat " + ino),
                "inode %s still holds blocks" % ino)
    results.check("reboot: a file unlinked but still open is deleted at "
                  "power-off (its inode is free)", orphan_deleted)
