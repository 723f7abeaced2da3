"""The ext3 journal (docs/journal.md): replay at mount, and the plain
ext2 disk that FS=ext2 still gives.

Replay: on a copy of the image, e2fsprogs' debugfs writes three
transactions into the journal, as a crashed Linux would leave them:

  1  committed    /tmp/ja's block <- "new A" (after JBD2's magic number:
                 an escaped copy), /tmp/jc's block <- "new C"
  2  committed    revokes /tmp/jc's block (freed after transaction 1)
  3  no commit    /tmp/jb's block <- "new B"

Sprout boots on it with cat as process 1 and must show "new A" (replayed),
"old B" (an uncommitted transaction is dropped) and "old C" (a revoked
block is not replayed), say so on the console, and power off leaving
the journal empty, the superblock without "needs recovery", and e2fsck
content.

Abort: a copy of the image whose home block of a directory fails to be
written (QEMU's blkdebug). The commit writes the journal, then fails at
the checkpoint: fsync says EIO, the journal aborts, and the disk keeps a
committed transaction in its journal - Sprout's own log, which e2fsck
must replay into a clean file system holding the new file.
"""
import os
import re
import shutil
import subprocess
import tempfile

from harness import BUILD, IMAGE, guest_session, require, run_test_program

ENV = dict(os.environ, PATH=os.environ.get("PATH", "") + ":/sbin:/usr/sbin")
REPLAY_IMG = os.path.join(BUILD, "journal-replay.img")
MAGIC = bytes.fromhex("c03b3998")      # JBD2's: debugfs escapes the copy
EXT2_IMG = os.path.join(BUILD, "journal-ext2.img")
ABORT_IMG = os.path.join(BUILD, "journal-abort.img")


def tool(args, ok=(0,), stdin=None):
    out = subprocess.run(args, capture_output=True, text=True, env=ENV,
                         input=stdin, timeout=120)
    require(out.returncode in ok, "%s: exit %d: %s%s" % (
        " ".join(args), out.returncode, out.stdout[-1500:], out.stderr[-500:]))
    return out.stdout


def debugfs(image, request):
    return tool(["debugfs", "-R", request, image])


def fsck_clean(image):
    """e2fsck -fn finds nothing, and the disk needs no recovery."""
    tool(["e2fsck", "-fn", image])
    head = tool(["dumpe2fs", "-h", image])
    require("needs_recovery" not in head, "needs_recovery is still set")
    require(re.search(r"Journal start:\s+0\b", head),
            "the journal is not empty: " + head[-300:])


def block_of(image, path):
    return int(debugfs(image, "blocks " + path).split()[0])


def make_replay_image(d):
    shutil.copyfile(IMAGE, REPLAY_IMG)
    blocks = {}
    for name in "abc":
        src = os.path.join(d, name)
        with open(src, "w") as f:       # long enough for cat to show
            f.write("old %s%s\n" % (name.upper(), "." * 40))  # a new text
        debugfs_w(REPLAY_IMG, "write %s /tmp/j%s" % (src, name))
        blocks[name] = block_of(REPLAY_IMG, "/tmp/j" + name)
    for name in "abc":
        with open(os.path.join(d, "new" + name), "wb") as f:
            f.write(((MAGIC if name == "a" else b"") + ("new %s\n" % name.upper()
                     ).encode()).ljust(1024, b"\0"))
    with open(os.path.join(d, "both"), "wb") as f:
        for name in "ac":
            with open(os.path.join(d, "new" + name), "rb") as g:
                f.write(g.read())
    debugfs_w(REPLAY_IMG, "\n".join([
        "jo",
        "jw -b %d,%d %s" % (blocks["a"], blocks["c"], os.path.join(d, "both")),
        "jw -r %d" % blocks["c"],
        "jw -b %d -c %s" % (blocks["b"], os.path.join(d, "newb")),
        "jc"]))
    log = debugfs(REPLAY_IMG, "logdump")
    require(log.count("commit block") == 2, "debugfs did not write the "
            "transactions expected:\n" + log)


def debugfs_w(image, script):
    tool(["debugfs", "-w", "-f", "-", image], stdin=script + "\n")


def replay(results):
    with tempfile.TemporaryDirectory() as d:
        make_replay_image(d)
    with guest_session("journal-replay", timeout=60, disk=REPLAY_IMG,
                       cmdline="init=/bin/cat /tmp/ja /tmp/jb /tmp/jc") as g:
        try:
            g.wait()
        finally:
            out = g.output

    def says():
        require("ext3: journal of 4096 blocks, replayed 2 transactions" in out,
                "no replay line on the console")
    results.check("journal: mount replays the committed transactions "
                  "(console line)", says)

    def committed():
        require("new A" in out, "cat did not see the replayed block")
        with tempfile.TemporaryDirectory() as d:
            debugfs(REPLAY_IMG, "dump /tmp/ja %s/ja" % d)
            with open(os.path.join(d, "ja"), "rb") as f:
                got = f.read()
        require(got.startswith(MAGIC + b"new A"), "the disk holds %r" % got[:12])
    results.check("journal: a committed transaction is replayed (an escaped "
                  "copy gets its magic back)", committed)

    def uncommitted():
        require("old B" in out and "new B" not in out, "cat saw: " + out[-200:])
        require("old B" in debugfs(REPLAY_IMG, "cat /tmp/jb"), "disk differs")
    results.check("journal: a transaction without its commit block is not "
                  "replayed", uncommitted)

    def revoked():
        require("old C" in out and "new C" not in out, "cat saw: " + out[-200:])
        require("old C" in debugfs(REPLAY_IMG, "cat /tmp/jc"), "disk differs")
    results.check("journal: a revoked block is not replayed", revoked)
    results.check("journal: after replay and power-off e2fsck is content and "
                  "the journal empty", lambda: fsck_clean(REPLAY_IMG))
    os.remove(REPLAY_IMG)


def plain_ext2(results):
    """The image without its journal (as make image FS=ext2 makes it)."""
    shutil.copyfile(IMAGE, EXT2_IMG)
    tool(["tune2fs", "-O", "^has_journal", EXT2_IMG])
    g = run_test_program(results, "journal", "f_fsops", "journal: ext2: ",
                         120, disk=EXT2_IMG)

    def no_journal():
        require("ext3:" not in g.output, "a journal line on an ext2 disk")
        tool(["e2fsck", "-fn", EXT2_IMG])
        require("has_journal" not in tool(["dumpe2fs", "-h", EXT2_IMG]),
                "the disk grew a journal")
    results.check("journal: ext2: no journal, and e2fsck is content", no_journal)
    os.remove(EXT2_IMG)


def abort(results):
    shutil.copyfile(IMAGE, ABORT_IMG)
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "abort.sh")
        with open(script, "w") as f:
            f.write("touch /home/aborted.txt\nsync /home/aborted.txt\n")
        debugfs_w(ABORT_IMG, "write %s /tmp/abort.sh" % script)
    sector = block_of(ABORT_IMG, "/home") * 2
    config = os.path.join(BUILD, "journal-abort.cfg")
    with open(config, "w") as f:
        f.write('[inject-error]\nevent = "write_aio"\niotype = "write"\n'
                'errno = "5"\n'
                'sector = "%d"\n' % sector)
    drive = ["-drive", "file=blkdebug:%s:%s,format=raw,if=ide,index=0,"
             "cache=unsafe" % (config, ABORT_IMG)]
    with guest_session("journal-abort", timeout=60, disk=None, extra=drive,
                       cmdline="init=/bin/sh /tmp/abort.sh") as g:
        try:
            g.wait()
        finally:
            out = g.output
    os.remove(config)

    def aborts():
        require("ext3: journal write failed: journal aborted" in out,
                "no abort line on the console")
        require("sync: /home/aborted.txt: Input/output error" in out,
                "fsync did not fail: " + out[-300:])
    results.check("journal: a failed checkpoint aborts the journal, fsync "
                  "says EIO", aborts)

    def e2fsck_replays():
        head = tool(["dumpe2fs", "-h", ABORT_IMG])
        require("needs_recovery" in head, "the disk claims no recovery needed")
        require("aborted.txt" not in debugfs(ABORT_IMG, "ls /home"),
                "the directory block was written home after all")
        tool(["e2fsck", "-fy", ABORT_IMG], ok=(0, 1))
        fsck_clean(ABORT_IMG)
        require("aborted.txt" in debugfs(ABORT_IMG, "ls /home"),
                "e2fsck's replay of Sprout's journal lost the new file")
    results.check("journal: e2fsck replays Sprout's committed transaction",
                  e2fsck_replays)
    os.remove(ABORT_IMG)


def run(results):
    if not (results.wanted("journal: ") or results.pattern.startswith("journal: ")):
        return
    replay(results)
    plain_ext2(results)
    abort(results)
