"""sprout files PID: the three levels of open files.

  fd table (files_struct.fd[])  ->  struct file  ->  struct inode
  per process                       the open-file    the file itself
                                    description
Two fds that show the same struct file share its offset (dup, fork);
its count is the number of fds, in all processes, pointing there.
"""
import gdb

from kernel import find_task

O_ACCMODE = {0: "O_RDONLY", 1: "O_WRONLY", 2: "O_RDWR"}   # <sprout/fcntl.h>
O_FLAGS = [(0o2000, "O_APPEND"), (0o4000, "O_NONBLOCK")]
S_IFMT = {0o140000: "socket", 0o120000: "symlink", 0o100000: "file",
          0o060000: "block", 0o040000: "dir", 0o020000: "char",
          0o010000: "fifo"}                                 # <sprout/stat.h>


def flags(f):
    n = int(f["f_flags"])
    return "|".join([O_ACCMODE.get(n & 3, "?")] +
                    [name for bit, name in O_FLAGS if n & bit])


def inode(i):
    mode = int(i["i_mode"])
    return "inode %d %s size %d links %d" % (
        int(i["i_ino"]), S_IFMT.get(mode & 0o170000, "?"), int(i["i_size"]),
        int(i["i_nlink"]))


class Files(gdb.Command):
    """Show a process's open files: sprout files PID.
For each fd: the struct file it points to (same address: shared, as
after dup or fork), its offset, flags and count, and its inode."""

    def __init__(self):
        super().__init__("sprout files", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        t = find_task(arg)
        if not t["files"]:
            raise gdb.GdbError("process %s has no fd table" % arg)
        fds = t["files"]["fd"]
        cloexec = int(t["files"]["close_on_exec"])
        seen = {}
        print("%3s %-10s %6s %-18s %5s  %s" % ("FD", "FILE", "OFFSET",
                                              "FLAGS", "COUNT", "INODE"))
        for fd in range(fds.type.range()[1] + 1):
            f = fds[fd]
            if not f:
                continue
            name = f["f_name"].string() if f["f_name"] else ""
            note = " (same file as fd %d)" % seen[int(f)] \
                if int(f) in seen else ""
            seen.setdefault(int(f), fd)
            print("%3d %#010x %6d %-18s %5d  %s %s%s%s" % (
                fd, int(f), int(f["f_pos"]), flags(f), int(f["f_count"]),
                inode(f["f_inode"]), name,
                " close-on-exec" if cloexec >> fd & 1 else "", note))


Files()
