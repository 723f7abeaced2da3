#!/usr/bin/env python3
"""Crash tests: cut the power in the middle of a write storm, then check
that the disk recovers (docs/crashtest.md).

One run boots tests/user/crash_storm once to the end on a fresh image,
to learn how many write requests it makes (W) and to check the checker
on a disk that was never cut. Then, for each kill point N (drawn from
1..W by a generator seeded with SEED):

  1. boot the storm on a fresh copy of the image with crashafter=N; the
     kernel cuts the power after write request N ("crash: power cut
     after write N") and the CPU stops; we SIGKILL QEMU;
  2. on a copy: e2fsck -fp (what a boot script runs; e2fsprogs replays
     an ext3 journal) must exit 0 or 1, then e2fsck -fn must be clean;
  3. boot Sprout on the original with /bin/true as init (it replays the
     journal and cleans up orphans at mount; true exits at once and the
     kernel powers off cleanly); e2fsck -fn must be clean;
  4. dump /crash with debugfs and check the files: every byte the storm
     promised ("synced <path> <bytes>" printed after fsync returned) is
     there, and every byte of every file is its own or zero (each byte
     names its file and offset: see crash_storm.c).

make test runs 20 points with seed 1; `make crash-test N=500 SEED=s` runs
more; `tests/guest_crash.py --seed S --at N` repeats a single point.
"""
import argparse
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import time

from harness import BUILD, IMAGE, LOGS, Results, Timeout, guest_session

WORK = os.path.join(BUILD, "crash")
CUT = os.path.join(WORK, "cut.img")          # the disk whose power was cut
COPY = os.path.join(WORK, "fsck.img")        # e2fsck -fp's copy of it
DUMP = os.path.join(WORK, "dump")            # debugfs's rdump of /crash
OPS = 100                                    # each storm worker's operations
RECORD = 16
NAME = re.compile(r"^[sd](\d+)(\.new)?$")
# e2fsck's lines that say nothing about what it found.
NOISE = re.compile(r"Pass \d|Fix\? no|Clear\? no|e2fsck \d|\*\*\*|\(i\.e\.|"
                   r"\d+/\d+ files|/")
ENV = dict(os.environ, PATH=os.environ.get("PATH", "") + ":/sbin:/usr/sbin")


class Problem(Exception):
    pass


def storm_cmdline(seed, at=None):
    crash = "crashafter=%d " % at if at else ""
    return "%sinit=/bin/tests/crash_storm %d %d" % (crash, seed, OPS)


def tool(*argv):
    return subprocess.run(list(argv), capture_output=True, text=True, env=ENV)


def e2fsck(opts, image, problems, when, allowed=(0,)):
    """Run e2fsck; note what it found in problems unless its exit status
    is allowed (-n reports, so it says each error and "Fix? no")."""
    out = tool("e2fsck", opts, image)
    if out.returncode not in allowed:
        found = []
        for line in (out.stdout + out.stderr).splitlines():
            line = line.replace(image + ": ", "").strip()
            if line and not re.match(NOISE, line):
                found.append(line)
        problems.append("e2fsck %s %s: exit %d: %s" % (
            opts, when, out.returncode, " | ".join(found[:5])))


def expected(ident, off, n):
    """File ident's own bytes [off, off + n): crash_storm.c's records."""
    first = off - off % RECORD
    recs = b"".join(struct.pack("<4I", 0x48535243, ident, r,
                                ((ident * 2654435761) ^ (r * 40503) ^
                                 0x5a5a5a5a) & 0xffffffff)
                    for r in range(first, off + n, RECORD))
    return recs[off - first:off - first + n]


def check_files(promises, problems):
    """The dumped files: promises kept, every byte its file's own or 0."""
    for dirpath, _, names in os.walk(DUMP):
        for name in names:
            path = os.path.join(dirpath, name)
            rel = "/crash/" + os.path.relpath(path, DUMP)
            m = NAME.match(name)
            if not m:
                problems.append("%s: not a name the storm uses" % rel)
                continue
            with open(path, "rb") as f:
                data = f.read()
            own = expected(int(m.group(1)), 0, len(data))
            bad = [i for i in range(len(data))
                   if data[i] and data[i] != own[i]]
            if bad:
                problems.append("%s: %d bytes are neither its own nor zero,"
                                " the first at offset %d" % (rel, len(bad),
                                                             bad[0]))
    for rel, size in sorted(promises.items()):
        path = DUMP + rel[len("/crash"):]
        if not os.path.exists(path):
            problems.append("%s: synced with %d bytes, gone" % (rel, size))
            continue
        with open(path, "rb") as f:
            data = f.read(size)
        ident = int(NAME.match(os.path.basename(rel)).group(1))
        if data != expected(ident, 0, size):
            problems.append("%s: synced with %d bytes, %d there, or other "
                            "bytes" % (rel, size, len(data)))


def verdict(problems):
    if problems:
        raise Problem("; ".join(problems[:4]) +
                      (" (and %d more)" % (len(problems) - 4)
                       if len(problems) > 4 else ""))


def storm(seed, at=None):
    """Boot the storm on a fresh CUT image; return its console output and
    whether the power was cut (else the storm ran to its end)."""
    shutil.copyfile(IMAGE, CUT)
    log = "crash-%d-%s" % (seed, at or "end")
    with guest_session(log, timeout=90, cmdline=storm_cmdline(seed, at),
                       disk=CUT) as g:
        m = g.expect(r"crash: power cut after write \d+|"
                     r"init exited with status \d+")
        cut = m.group(0).startswith("crash")
        if cut:
            g.kill()            # pull the plug: the CPU has stopped
        elif g.wait() != 1 or "status 0" not in m.group(0):
            raise Problem("the storm did not end well: %s" % m.group(0))
    return g.output, cut


def promises_in(output):
    """The last "synced <path> <bytes>" per path, before any cut."""
    kept = {}
    for path, size in re.findall(r"^synced (\S+) (\d+)\r?$",
                                 output.split("crash: power cut")[0], re.M):
        kept[path] = max(kept.get(path, 0), int(size))
    return kept


def recover_and_check(log, promises):
    """Steps 2 to 4 of the docstring; every problem found is reported."""
    problems = []
    shutil.copyfile(CUT, COPY)
    e2fsck("-fp", COPY, problems, "on a copy", allowed=(0, 1))
    e2fsck("-fn", COPY, problems, "after -fp")
    with guest_session(log + "-reboot", timeout=60, disk=CUT,
                       cmdline="init=/bin/true") as g:
        try:
            status = g.wait()
        except Timeout as e:
            raise Problem("the boot after the crash: %s" % e)
    if status != 1:
        raise Problem("the boot after the crash ended with QEMU status %d"
                      % status)
    e2fsck("-fn", CUT, problems, "after Sprout's boot")
    dump(CUT)
    check_files(promises, problems)
    verdict(problems)


def dump(image):
    """debugfs rdump /crash into DUMP (DUMP's last part is "crash"). A cut
    before the storm's mkdir reached the disk leaves DUMP empty: then any
    promise is broken, and there is nothing else to check."""
    shutil.rmtree(DUMP, ignore_errors=True)
    os.makedirs(DUMP)
    tool("debugfs", "-R", "rdump /crash %s" % DUMP, image)
    inner = os.path.join(DUMP, "crash")
    if os.path.isdir(inner):
        moved = DUMP + ".tmp"
        os.rename(inner, moved)
        os.rmdir(DUMP)
        os.rename(moved, DUMP)


def calibrate(seed):
    """Run the storm to its end: its write count, and its disk checked."""
    output, cut = storm(seed)
    m = re.search(r"storm: done after (\d+) disk writes", output)
    if cut or not m:
        raise Problem("the storm did not report its disk writes")
    problems = []
    e2fsck("-fn", CUT, problems, "after the storm")
    dump(CUT)
    check_files(promises_in(output), problems)
    verdict(problems)
    return int(m.group(1))


def kill_point(seed, at, uncut):
    output, cut = storm(seed, at)
    if not cut:
        uncut.append(at)
    recover_and_check("crash-%d-%d" % (seed, at), promises_in(output))


def run(results, points=20, seed=1, at=None):
    if not (results.wanted("crash: ") or
            results.pattern.startswith("crash: ")):
        return
    os.makedirs(WORK, exist_ok=True)
    start = time.monotonic()
    total = []
    # A step: the kill points need W even when -k picks just one of them.
    results.step("crash: the storm (seed %d) runs to its end and its disk "
                 "checks clean" % seed, lambda: total.append(calibrate(seed)))
    if at:
        marks = [at] * points   # the same point again: the interleaving
    elif total:                 # of the workers differs from boot to boot
        rng = random.Random(seed)
        marks = sorted(rng.randint(1, total[0]) for _ in range(points))
    else:
        marks = []
    uncut = []
    for n in marks:
        results.check("crash: seed %d, power cut after write %d: the disk "
                      "recovers, synced data kept, no foreign bytes"
                      % (seed, n), lambda n=n: kill_point(seed, n, uncut))
    print("crash: %d kill points in %.0f s; uncut, the storm made %s writes;"
          " %d points came after its end (no cut)"
          % (len(marks), time.monotonic() - start,
             total[0] if total else "?", len(uncut)), flush=True)


def main():
    ap = argparse.ArgumentParser(description="crash tests (docs/crashtest.md)")
    ap.add_argument("--points", type=int, default=None,
                    help="kill points (default 500), or with --at: how "
                    "many times to repeat that one (default 1)")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--at", type=int, default=None,
                    help="one kill point: cut after this write")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1, 10**6)
    points = args.points or (1 if args.at else 500)
    results = Results()
    run(results, points, seed, args.at)
    print("%d passed, %d failed" % (results.passed, results.failed))
    print("logs: %s/crash-%d-*.log" % (LOGS, seed))
    sys.exit(1 if results.failed else 0)


if __name__ == "__main__":
    main()
