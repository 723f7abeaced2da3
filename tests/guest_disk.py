"""The disk driver's two ways of moving data (docs/disk.md): bus-master
DMA, the default, and PIO, which `nodma` on the kernel command line
forces. tests/user/disk_check writes large files of a known pattern
(fsync'd) and reads files back; the machine reboots between runs, so
every read comes from the disk. Three boots:

  DMA    the boot line says DMA; write A            the host checks A
  nodma  the boot line says PIO; read A; write B    the host checks B
  DMA    read A and B at once (two requests queued), remove both

The host reads each written file out of the image with debugfs and
compares it with the same pattern computed here.

ktest=blk tests the asynchronous side in the kernel, where no file
system is in the way. Then a disk with a bad sector, made with QEMU's blkdebug driver on a copy
of the image: a read there must fail with EIO (DMA and PIO), say so on
the console, and leave the disk working (the writes at power-off)."""
import os
import shutil
import struct
import tempfile

from harness import (BUILD, IMAGE, guest_session,
                     run_test_program, require)
from guest_hostcheck import debugfs

A = ("dma_a", 10 * 2**20 + 777, 1)       # not a whole number of sectors
B = ("dma_b", 9 * 2**20 + 1234, 2)


def job(kind, f):
    return "%s:%s:%d:%d" % (kind, f[0], f[1], f[2])


def pattern(size, seed):
    """disk_check.c's: word k is k * 2654435761 ^ seed, little-endian."""
    words = (size + 3) // 4
    data = struct.pack("<%dI" % words, *((k * 2654435761 ^ seed) & 0xFFFFFFFF
                                          for k in range(words)))
    return data[:size]


def host_has(f):
    """The image holds f's pattern (read with debugfs on the host)."""
    def test():
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "file")
            debugfs("dump /tmp/%s %s" % (f[0], out))
            with open(out, "rb") as fp:
                got = fp.read()
        want = pattern(f[1], f[2])
        require(len(got) == len(want), "%d bytes, expected %d"
                % (len(got), len(want)))
        if got != want:
            raise AssertionError("differs from byte %d" % next(
                i for i in range(len(want)) if got[i] != want[i]))
    return test


def boot(results, step, options, jobs, mode_line):
    prefix = "disk: %s: " % step
    g = run_test_program(results, "disk", "disk_check", prefix, 300,
                         options=options, args=" ".join(jobs))

    def says_mode():
        require(mode_line in g.output, "no %r line in the boot" % mode_line)
    results.check(prefix + "boot line: %s" % mode_line, says_mode)


def run(results):
    # Each boot needs the ones before it: all of them, or none.
    if not (results.wanted("disk: ") or results.pattern.startswith("disk: ")):
        return
    boot(results, "dma", "", [job("w", A)], "DMA (bus master at")
    results.check("disk: a file written by DMA is on the disk (debugfs)",
                  host_has(A))
    boot(results, "nodma", "nodma", [job("r", A), job("w", B)],
         "PIO, 16 sectors per interrupt")
    results.check("disk: a file written by PIO is on the disk (debugfs)",
                  host_has(B))
    boot(results, "dma reads", "", [job("r", A), job("r", B),
                                    "x:" + A[0], "x:" + B[0]], "DMA (bus master at")
    results.check("disk: queued requests, end_io, a submit from end_io "
                  "(ktest=blk, DMA)", lambda: queue_ktest(""))
    results.check("disk: queued requests, end_io, a submit from end_io "
                  "(ktest=blk, nodma)", lambda: queue_ktest("nodma"))
    run_errors(results)


def bad_sector():
    """A sector in the middle of /bin/cksum's second block."""
    first = int(debugfs("blocks /bin/cksum").split()[0])
    return (first + 1) * 2 + 1


def bad_sector_session(name, event, cmdline):
    """A guest on a copy of the image whose bad sector fails `event`."""
    image = os.path.join(BUILD, "bad-sector.img")
    config = os.path.join(BUILD, "bad-sector.cfg")
    shutil.copyfile(IMAGE, image)
    with open(config, "w") as f:
        # iotype: only reads, or only writes, fail there (the rule is
        # armed by the event, and the mount of a journal writes at once).
        f.write('[inject-error]\nevent = "%s"\niotype = "%s"\nerrno = "5"\n'
                'sector = "%d"\n' % (event, event.split("_")[0], bad_sector()))
    drive = ["-drive", "file=blkdebug:%s:%s,format=raw,if=ide,index=0,"
             "cache=unsafe" % (config, image)]
    with guest_session(name, timeout=60, cmdline=cmdline.strip(), disk=None,
                       extra=drive) as g:
        g.wait()
    os.remove(image)
    return g


def read_error(options):
    g = bad_sector_session("disk-bad-sector-" + (options or "dma"), "read_aio",
                           options + " init=/bin/wc /bin/cksum")
    require("wc: /bin/cksum: Input/output error" in g.output,
            "wc did not get EIO")
    require("ata: read error at sector" in g.output, "no ata: line")
    require("init exited with status 1" in g.output, "wc did not exit 1")
    require("write error" not in g.output and "flush error" not in g.output,
            "the disk failed after the read error")


def write_error():
    """A write-back that sync(2) started fails: the next fsync says EIO."""
    g = bad_sector_session("disk-bad-sector-write", "write_aio",
                           "init=/bin/tests/disk_check e:/bin/cksum")
    require("ata: write error at sector" in g.output, "no ata: line")
    require("ok fsync reports the write error of /bin/cksum" in g.output,
            "fsync did not report it")


def queue_ktest(options):
    """ktest=blk (kernel/init/ktest.c): blk_submit and end_io without a
    file system."""
    with guest_session("disk-ktest-" + (options or "dma"), timeout=60,
                       cmdline=(options + " ktest=blk init=/bin/true").strip()) as g:
        g.expect(r"ktest: blk: 3 of 3 requests read the superblock, "
                 r"3 end_io calls")
        g.expect(r"init exited with status 0")


def run_errors(results):
    results.check("disk: a bad sector: EIO by DMA, then the disk still works",
                  lambda: read_error(""))
    results.check("disk: a bad sector: EIO by PIO (nodma), then the disk "
                  "still works", lambda: read_error("nodma"))
    results.check("disk: a bad sector: a failed write-back reaches fsync",
                  write_error)
