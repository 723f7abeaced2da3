"""`make bench-linux`'s pieces that need no download and no boot: the
cpio writer and the module order of tools/benchlinux/initramfs.py, and
the medians, ratios, column pairs (our libc's bench, glibc's) and page
markers of tools/benchlinux/table.py."""
import os
import stat
import subprocess
import sys
import tempfile

from harness import ROOT

sys.path.insert(0, os.path.join(ROOT, "tools", "benchlinux"))
import initramfs  # noqa: E402
import table  # noqa: E402


def read_cpio(data):
    """The entries of a newc archive as (name, fields, contents), read
    the way the kernel's unpacker reads them."""
    entries, pos = [], 0
    while True:
        assert data[pos:pos + 6] == b"070701", "bad magic at %d" % pos
        fields = [int(data[pos + 6 + 8 * i:pos + 14 + 8 * i], 16)
                  for i in range(13)]
        namesize, filesize = fields[11], fields[6]
        name = data[pos + 110:pos + 110 + namesize]
        assert name.endswith(b"\0"), "name without its NUL"
        pos += 110 + namesize
        pos += -pos % 4
        body = data[pos:pos + filesize]
        pos += filesize
        pos += -pos % 4
        if name == b"TRAILER!!!\0":
            assert pos == len(data), "bytes after the trailer"
            return entries
        entries.append((name[:-1].decode(), fields, body))


def cpio_entries():
    c = initramfs.Cpio()
    c.directory("dev")
    c.node("dev/sda", stat.S_IFBLK, 8, 0)
    c.file("init", b"\x7fELF12345", 0o755)      # 9 bytes: padded to 12
    c.file("a/longer-name.txt", b"")
    entries = read_cpio(c.finish())
    names = [e[0] for e in entries]
    if names != ["dev", "dev/sda", "init", "a/longer-name.txt"]:
        raise AssertionError("names %r" % names)
    _, dev, _ = entries[0]
    _, sda, _ = entries[1]
    _, init, body = entries[2]
    if not stat.S_ISDIR(dev[1]) or stat.S_IMODE(dev[1]) != 0o755:
        raise AssertionError("dev's mode %o" % dev[1])
    if not stat.S_ISBLK(sda[1]) or (sda[9], sda[10]) != (8, 0):
        raise AssertionError("sda: mode %o rdev %d,%d" % (sda[1], sda[9], sda[10]))
    if body != b"\x7fELF12345" or init[1] != stat.S_IFREG | 0o755:
        raise AssertionError("init: %r mode %o" % (body, init[1]))
    if len({e[1][0] for e in entries}) != len(entries):
        raise AssertionError("inode numbers repeat")


MODULE = 'const char modinfo[] __attribute__((section(".modinfo"))) = "%s";\n'


def module_order():
    """Three fake modules made by the cross compiler: ext4 depends on
    jbd2 and crc-16 (a file name with "-"), jbd2 on crc-16."""
    infos = {"ext4": r"license=GPL\0depends=jbd2,crc-16",
             "jbd2": r"depends=crc-16\0softdep=pre: crc32c",
             "crc-16": r"depends="}
    with tempfile.TemporaryDirectory() as d:
        for name, info in infos.items():
            src = os.path.join(d, name + ".c")
            with open(src, "w") as f:
                f.write(MODULE % info)
            subprocess.run(["i686-linux-gnu-gcc", "-c", "-o",
                            os.path.join(d, name + ".ko"), src], check=True)
        files = initramfs.module_files(d)
        with open(files["jbd2"], "rb") as f:
            info = initramfs.modinfo(f.read())
        if info.get("softdep") != ["pre: crc32c"]:
            raise AssertionError("jbd2's modinfo: %r" % info)
        order = [n for n, _ in initramfs.load_order(["ext4"], files)]
    if order != ["crc_16", "jbd2", "ext4"]:
        raise AssertionError("order %r" % order)


RUNS = [
    ["bench: fork+exit+wait               50.000 us",
     "bench: read 16 MiB warm             1000.0 MB/s"],
    ["bench: fork+exit+wait               60.000 us",
     "bench: read 16 MiB warm             900.0 MB/s"],
    ["bench: fork+exit+wait               52.000 us",
     "bench: read 16 MiB warm             800.0 MB/s",
     "bench: open+close                   4000 ns"],
]
LINUX = [["bench: fork+exit+wait               104.000 us",
          "bench: read 16 MiB warm             1800.0 MB/s"]]


def medians_and_ratios():
    rows = table.table(("", RUNS, LINUX)).split("\n")
    want = ["| fork+exit+wait | 52.0 µs ±9.6% | 104 µs ±0.0% | 0.50 |",
            "| read 16 MiB warm | 900 MB/s ±11.1% | 1,800 MB/s ±0.0% | 2.00 |",
            "| open+close | 4,000 ns ±0.0% | - | - |"]
    if rows[2:] != want:
        raise AssertionError("\n".join(rows))


GLIBC = [["bench: fork+exit+wait               26.000 us"]]


def glibc_columns():
    """A second pair of columns, for the benchmark built with glibc: its
    own header cells and ratio; a figure only one pair has shows "-" in
    the other."""
    rows = table.table(("", RUNS, LINUX), (", glibc", GLIBC, LINUX))
    want = ["| figure | Sprout | Linux 6.1 | ratio | Sprout, glibc | "
            "Linux 6.1, glibc | ratio |",
            "|---|---|---|---|---|---|---|",
            "| fork+exit+wait | 52.0 µs ±9.6% | 104 µs ±0.0% | 0.50 | "
            "26.0 µs ±0.0% | 104 µs ±0.0% | 0.25 |",
            "| read 16 MiB warm | 900 MB/s ±11.1% | 1,800 MB/s ±0.0% | 2.00 | "
            "- | 1,800 MB/s ±0.0% | - |",
            "| open+close | 4,000 ns ±0.0% | - | - | - | - | - |"]
    if rows.split("\n") != want:
        raise AssertionError(rows)


def doc_markers():
    page = "intro\n%s\nold table\n%s\nafter\n" % (table.BEGIN, table.END)
    new = table.put_in_doc("| new |", page)
    if new != "intro\n%s\n| new |\n%s\nafter\n" % (table.BEGIN, table.END):
        raise AssertionError(new)
    try:
        table.put_in_doc("| new |", "no markers")
    except ValueError:
        return
    raise AssertionError("a page without markers was accepted")


def run(results):
    results.check("host: bench-linux's cpio archive reads back: names, "
                  "modes, device numbers, padding, trailer", cpio_entries)
    results.check("host: bench-linux loads modules after their "
                  "dependencies, from .modinfo", module_order)
    results.check("host: bench-linux's table: medians, spread, ratio as "
                  "time over time, a missing side", medians_and_ratios)
    results.check("host: bench-linux's table: the glibc-built benchmark's "
                  "pair of columns", glibc_columns)
    results.check("host: bench-linux writes its table between the page's "
                  "markers", doc_markers)
