"""reboot(2): argument checks, then a power-off that syncs the disk first.

reboot_check writes a file without sync and calls reboot(RB_POWER_OFF);
QEMU must exit with status 1 (debug-exit code 0) and the file must be on
the disk image, read back here with debugfs.
"""
import os
import subprocess

from harness import DISK, guest_session, require


def debugfs_cat(path):
    env = dict(os.environ, PATH=os.environ.get("PATH", "") + ":/sbin:/usr/sbin")
    return subprocess.run(["debugfs", "-R", "cat " + path, DISK],
                          capture_output=True, text=True, env=env).stdout


def run(results):
    def boot():
        with guest_session("reboot", timeout=60,
                           cmdline="init=/bin/tests/reboot_check") as g:
            g.expect(r"reboot_check: powering off")
            status = g.wait()
            results.parse_lines(g.output, "reboot: ")
            require(status == 1, "QEMU exit status %d, expected 1" % status)

    results.check("reboot: RB_POWER_OFF powers the machine off", boot)
    results.check("reboot: it syncs first (the unsynced file is on disk)",
                  lambda: require(debugfs_cat("/tmp/before-reboot.txt") ==
                                  "written just before reboot()\n",
                                  "the file is missing or different"))
