#!/usr/bin/env python3
"""`make bench-linux`: `make bench` on Sprout and on Linux 6.1, side by
side (docs/performance.md says how and why).

  tools/benchlinux/bench_linux.py           print the table
  tools/benchlinux/bench_linux.py --doc     and write it into
                                            docs/performance.md
  tools/benchlinux/bench_linux.py --fresh   run Linux again even if
                                            its results are cached
  tools/benchlinux/bench_linux.py -n 5      5 runs each (default 3)

Both kernels boot in the same QEMU (tests/harness.py's command line,
-icount shift=0) on fresh copies of the same disk image, and both run
that image's /bin/bench with tests/bench.py's arguments, boot by boot;
then /bin/glibc/bench, the same user/bench.c built with glibc
(i686-linux-gnu-gcc -static), so that the table shows each kernel with
each C library.
Linux is Debian's i386 686 kernel package (fetch-kernel.sh), booted with
an initramfs (initramfs.py) whose /init (init.c) loads the disk's
drivers and ext4, mounts the disk and runs /bin/bench there.

Everything Linux needs is kept in build/benchlinux/: the package, its
files, the initramfs, and linux-runs.json, Linux's results. Those are
used again as long as what they came from is unchanged (the kernel, the
initramfs, both benches, /bin/true, QEMU's command line, the run count): a new Sprout needs
only Sprout's runs (about a minute); a new bench.c runs Linux again
(several minutes: every Linux boot takes 5 s of guest time).
"""
import argparse
import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, HERE)
import bench  # noqa: E402
import harness  # noqa: E402
import initramfs  # noqa: E402
import table  # noqa: E402

CACHE = os.path.join(harness.BUILD, "benchlinux")
DOC = os.path.join(ROOT, "docs", "performance.md")
# What mounting the IDE ext2 disk needs: the PIIX IDE driver (libata,
# the SCSI layer), SCSI disks, ext4 (which mounts ext2) and the crc32c
# checksum ext4 asks for by name, so no depends= line brings it.
MODULES = ["ata_piix", "sd_mod", "crc32c_generic", "ext4"]
# quiet: the kernel's messages cost guest time on the serial port.
LINUX_CMDLINE = "console=ttyS0 quiet panic=-1 --"
# The benchmark's two builds, as the table's column pairs name them and
# where they are on the disk: ours (user/user.mk), glibc's (glibc.mk).
PROGRAMS = [("", "/bin/bench"), (", glibc", "/bin/glibc/bench")]


def say(text):
    print("bench-linux: " + text, file=sys.stderr, flush=True)


def linux_files():
    """The kernel package, fetched and unpacked once: (vmlinuz, the
    modules' folder)."""
    subprocess.run([os.path.join(HERE, "fetch-kernel.sh"), CACHE],
                   check=True)
    root = os.path.join(CACHE, "root")
    return (glob.glob(os.path.join(root, "boot", "vmlinuz-*"))[0],
            glob.glob(os.path.join(root, "lib", "modules", "*"))[0])


def make_initramfs(moddir):
    """build/benchlinux/initramfs.cpio, with /init built by tools/kcc."""
    init = os.path.join(CACHE, "init")
    subprocess.run([os.path.join(ROOT, "tools", "kcc"), "-O2", "-Wall",
                    "-o", init, os.path.join(HERE, "init.c")], check=True)
    with open(init, "rb") as f:
        init_data = f.read()
    modules = initramfs.load_order(MODULES, initramfs.module_files(moddir))
    path = os.path.join(CACHE, "initramfs.cpio")
    with open(path, "wb") as f:
        f.write(initramfs.build(init_data, modules))
    return path


def digest(paths, extra):
    h = hashlib.sha256(extra.encode())
    for p in paths:
        with open(p, "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def runs(n, **qemu_args):
    """n runs of every boot in bench.BOOTS, for each program in PROGRAMS,
    each on a fresh copy of build/disk.img (its own: a `make test`
    meanwhile uses the tests'): {program: a list of n lists of lines}.
    Sprout runs a program as init=; Linux (qemu_args has kernel=) gets
    it as the first argument of its /init (init.c)."""
    every, disk = {p: [] for _, p in PROGRAMS}, os.path.join(CACHE, "disk.img")
    for i in range(n):
        for _, program in PROGRAMS:
            shutil.copyfile(harness.IMAGE, disk)
            lines = []
            for args in bench.BOOTS:
                if "kernel" in qemu_args:
                    lines += bench.bench_lines([program] + args, disk=disk,
                                               **qemu_args)
                else:
                    lines += bench.bench_lines(args, disk=disk,
                                               cmdline="init=" + program)
            every[program].append(lines)
            say("run %d of %d, %s: %d figures" % (i + 1, n, program,
                                                  len(lines)))
    return every


def linux_runs(n, fresh):
    vmlinuz, moddir = linux_files()
    initrd = make_initramfs(moddir)
    user = os.path.join(harness.BUILD, "user")
    qemu = harness.qemu_command(cmdline=LINUX_CMDLINE, kernel=vmlinuz,
                                initrd=initrd, extra=bench.ICOUNT)
    key = digest([vmlinuz, initrd, os.path.join(user, "bench"),
                  os.path.join(harness.BUILD, "glibc", "bench"),
                  os.path.join(user, "bin", "true")],
                 "%d %s" % (n, " ".join(qemu)))
    saved = os.path.join(CACHE, "linux-runs.json")
    if not fresh and os.path.exists(saved):
        with open(saved) as f:
            cached = json.load(f)
        if cached["key"] == key:
            say("Linux: the results of %s (unchanged inputs)" % saved)
            return cached["runs"]
    say("Linux: %d runs of %d boots (%s)" % (n, len(bench.BOOTS),
                                             os.path.basename(vmlinuz)))
    result = runs(n, kernel=vmlinuz, initrd=initrd, cmdline=LINUX_CMDLINE)
    with open(saved, "w") as f:
        json.dump({"key": key, "runs": result}, f, indent=1)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=3, help="runs per kernel")
    ap.add_argument("--doc", action="store_true",
                    help="write the table into docs/performance.md")
    ap.add_argument("--fresh", action="store_true",
                    help="run Linux even if its results are cached")
    args = ap.parse_args()
    os.makedirs(CACHE, exist_ok=True)
    linux = linux_runs(args.n, args.fresh)
    say("Sprout: %d runs of %d boots" % (args.n, len(bench.BOOTS)))
    sprout = runs(args.n)
    text = table.table(*[(what, sprout[p], linux[p]) for what, p in PROGRAMS])
    print(text)
    if args.doc:
        with open(DOC) as f:
            page = f.read()
        with open(DOC, "w") as f:
            f.write(table.put_in_doc(text, page))
        say("wrote the table into " + os.path.relpath(DOC, ROOT))


if __name__ == "__main__":
    main()
