"""The kernel's writes, checked by another ext2: /bin/tests/f_hostcheck
runs as process 1 and writes files into /hostcheck on the shared test
disk (see tests/user/f_hostcheck.c for the files), calls sync() and exits
0. Then, on the host, debugfs (from e2fsprogs) dumps each file out of the
image, and this compares it byte for byte with what it should hold, and
`debugfs -R stat` gives the size the inode records.

The files stay on the disk; run.py's final e2fsck looks at them too."""
import os
import re
import subprocess
import tempfile

from harness import DISK, guest_session, require

DIR = "/hostcheck"
KiB = 1024

# Keep in step with tests/user/f_hostcheck.c: (file number, name, size).
PLAIN = [(0, "empty", 0), (1, "one", 1), (2, "small", 5000),
         (3, "edge-indirect", 12 * KiB + 1), (4, "indirect", 100 * KiB + 123),
         (5, "edge-double", 268 * KiB + 1), (6, "mid", 300 * KiB),
         (7, "double", 2048 * KiB + 777)]
HOLES_NO, HOLES = 100, [(0, 100), (50000, 100), (400000, 100)]
NESTED_NO, NESTED, NESTED_SIZE = 200, "sub/dir/nested", 1500


def pattern(n, start, length):
    """Bytes [start, start + length) of file number n."""
    return bytes((((off + n * 1000003) * 2654435761) & 0xffffffff) >> 24
                 for off in range(start, start + length))


def holes_content():
    data = bytearray(HOLES[-1][0] + HOLES[-1][1])
    for off, length in HOLES:
        data[off:off + length] = pattern(HOLES_NO, off, length)
    return bytes(data)


def debugfs(request):
    """Run one debugfs request on the test disk (read-only); its stdout."""
    env = dict(os.environ, PATH=os.environ.get("PATH", "") + ":/sbin:/usr/sbin")
    out = subprocess.run(["debugfs", "-R", request, DISK], env=env,
                         capture_output=True, text=True, timeout=60)
    require(out.returncode == 0, "debugfs -R %r: exit %d: %s"
            % (request, out.returncode, out.stderr[-500:]))
    return out.stdout


def stat(path):
    """(type, size, 512-byte blocks) of path, as the inode says."""
    text = debugfs("stat " + path)
    kind = re.search(r"Type: (\w+)", text)
    size = re.search(r"\bSize: (\d+)", text)
    blocks = re.search(r"Blockcount: (\d+)", text)
    require(kind and size and blocks, "debugfs stat %s: %r" % (path, text[:300]))
    return kind.group(1), int(size.group(1)), int(blocks.group(1))


def dumped(path):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "file")
        debugfs("dump %s %s" % (path, out))
        require(os.path.exists(out), "debugfs could not dump %s" % path)
        with open(out, "rb") as f:
            return f.read()


def same_file(path, want):
    kind, size, _ = stat(path)
    require(kind == "regular", "%s is a %s, not a regular file" % (path, kind))
    require(size == len(want), "inode size %d, want %d" % (size, len(want)))
    got = dumped(path)
    require(len(got) == len(want), "dumped %d bytes, want %d"
            % (len(got), len(want)))
    if got != want:
        first = next(i for i in range(len(got)) if got[i] != want[i])
        raise AssertionError("bytes differ from offset %d: got %s, want %s"
                             % (first, got[first:first + 8].hex(),
                                want[first:first + 8].hex()))


def holes():
    want = holes_content()
    same_file(DIR + "/holes", want)
    _, _, blocks = stat(DIR + "/holes")
    require(blocks * 512 < len(want) // 4,
            "%d blocks of 512 bytes for %d bytes: the holes were filled in"
            % (blocks, len(want)))


def nested():
    for folder in ("sub", "sub/dir"):
        kind, _, _ = stat("%s/%s" % (DIR, folder))
        require(kind == "directory", "%s is a %s" % (folder, kind))
    same_file("%s/%s" % (DIR, NESTED), pattern(NESTED_NO, 0, NESTED_SIZE))


def run(results):
    def guest():
        with guest_session("hostcheck", timeout=120,
                           cmdline="init=/bin/tests/f_hostcheck " + DIR) as g:
            status = g.wait()
            results.parse_lines(g.output, "hostcheck: guest: ")
            require("init exited with status 0" in g.output,
                    "f_hostcheck did not exit with status 0")
            require(status == 1, "QEMU exit status %d, expected 1" % status)
    results.check("hostcheck: f_hostcheck writes the files, exits 0", guest)

    for n, name, size in PLAIN:
        results.check("hostcheck: debugfs reads %s/%s (%d bytes) as written"
                      % (DIR, name, size),
                      lambda: same_file("%s/%s" % (DIR, name),
                                        pattern(n, 0, size)))
    results.check("hostcheck: debugfs reads %s/holes with zeros in the "
                  "holes, which take no blocks" % DIR, holes)
    results.check("hostcheck: debugfs finds %s/%s in new folders, as written"
                  % (DIR, NESTED), nested)
