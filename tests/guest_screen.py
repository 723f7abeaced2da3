"""Programs that drive the terminal's screen, tried over the serial line:
/bin/edit and /bin/more each boot as process 1 on a file put on the
tests' disk with debugfs, the test types keys at them, and then looks
at the screen they drew and (edit) at the file left on the disk once
the guest has powered off (process 1 ending syncs the disk)."""
import os
import re
import subprocess
import tempfile

from harness import DISK, guest_session, require
from guest_kcc import tool_env

UP, DOWN, RIGHT, LEFT = "\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D"
HOME, END, PAGE_DOWN, DELETE = "\x1b[H", "\x1b[F", "\x1b[6~", "\x1b[3~"
BACKSPACE, ENTER = "\x7f", "\r"


def ctrl(key):
    return chr(ord(key) & 0x1f)


def put_file(path, text, tmp_name):
    """Write text to path on the tests' disk (debugfs: the guest is off)."""
    with open(tmp_name, "w") as f:
        f.write(text)
    debugfs("-w", "-R", "write %s %s" % (tmp_name, path))


def disk_file(path):
    return debugfs("-R", "cat " + path)


def debugfs(*args):
    out = subprocess.run(["debugfs"] + list(args) + [DISK], env=tool_env(),
                         capture_output=True, text=True, timeout=60)
    require(out.returncode == 0, "debugfs %s: %s" % (args, out.stderr))
    return out.stdout


def run_steps(results, g, steps):
    """Run every step (title, fn(g)) in turn, each typing for the next;
    report those -k picks."""
    for title, fn in steps:
        results.step(title, fn, g)


def boot_program(results, name, cmdline, steps, after, setup=None,
                 **qemu_args):
    """Boot cmdline as process 1 and run the steps, each typing at it and
    checking the screen; every step runs (each types for the next), and
    only those -k picks are reported. Then the program must exit 0, and
    the checks in after (title, fn) run. No boot if -k picks none;
    setup() runs before it; qemu_args go to qemu_command()."""
    exits = "%s: exits 0 and powers off" % name
    titles = [t for t, _ in steps + after] + [exits]
    if not any(results.wanted(t) for t in titles):
        return
    if setup:
        setup()
    with guest_session(name, timeout=90, cmdline=cmdline, **qemu_args) as g:
        run_steps(results, g, steps)
        try:
            g.expect(r"init exited with status 0")
            status = g.wait()
        except Exception as e:      # a timeout
            status = str(e)
    results.check(exits,
                  lambda: require(status == 1, "QEMU status %s" % status))
    for title, fn in after:
        results.check(title, fn)


# --- edit -------------------------------------------------------------

NEW = "/tmp/edit-new.txt"
OLD = "/tmp/edit-60.txt"
OLD_TEXT = "".join("line %d\n" % i for i in range(1, 61))


def status_line(path, lines, modified, pos):
    """The status line's text, as a regex (reverse video around it)."""
    return r"\x1b\[7m%s - %d lines?%s +%s\x1b\[m" % (
        re.escape(path), lines, " \\(modified\\)" if modified else "",
        re.escape(pos))


def edit_new(results):
    def typing(g):
        g.send("hello" + ENTER + "world" + BACKSPACE + LEFT + LEFT + "X")
        g.expect(status_line(NEW, 2, True, "2/2, 4"))

    def warned(g):
        g.send(ctrl("q"))
        g.expect(r"unsaved changes: \^S saves them, \^Q again quits")

    def saved(g):
        g.send(ctrl("s"))
        g.expect(status_line(NEW, 2, False, "2/2, 4"))
        g.expect(r"wrote 12 bytes to %s" % re.escape(NEW))
        g.send(ctrl("q"))

    def content():
        got = disk_file(NEW)
        require(got == "hello\nwoXrl\n", "the file holds %r" % got)

    boot_program(results, "edit", "init=/bin/edit " + NEW, [
        ("edit: a new file: an empty screen of ~ and the status line",
         lambda g: g.expect(status_line(NEW, 1, False, "1/1, 1"))),
        ("edit: typing, Enter, Backspace and the arrows change the text",
         typing),
        ("edit: ^Q with unsaved changes only warns", warned),
        ("edit: ^S saves and says how much, ^Q then quits", saved),
    ], [("edit: the new file holds what was typed", content)])


def edit_old(results, tmp):
    def scrolled(g):
        g.send(PAGE_DOWN + PAGE_DOWN + DOWN * 5)
        # 23 text rows: 0 + 23 + 23 + 5 is line 52; the window moved
        g.expect(status_line(OLD, 60, False, "52/60, 1"))
        top = g.output.rfind("\x1b[?25l\x1b[H", 0, g.pos)
        require(g.output.startswith("line 30\x1b[K", top + 9),
                "the window does not begin at line 30")

    def edits(g):
        # "line 52" -> "line 52!" split after "li"; the next line joined
        # back to its end; line 54 deleted with ^K; Delete at a line's end
        g.send(END + "!" + HOME + RIGHT + RIGHT + ENTER)
        g.expect(status_line(OLD, 61, True, "53/61, 1"))
        g.send(UP + END + DELETE)
        g.expect(status_line(OLD, 60, True, "52/60, 3"))
        g.send(DOWN + DOWN + ctrl("k") + ctrl("s"))
        g.expect(r"wrote \d+ bytes to %s" % re.escape(OLD))
        g.send(ctrl("q"))

    def content():
        want = OLD_TEXT.replace("line 52\n", "line 52!\n").replace(
            "line 54\n", "")
        got = disk_file(OLD)
        require(got == want, "the file differs: %r" % got[-200:])

    boot_program(results, "edit-scroll", "init=/bin/edit " + OLD, [
        ("edit: a 60-line file opens at its top",
         lambda g: g.expect(status_line(OLD, 60, False, "1/60, 1"))),
        ("edit: PageDown and the arrows scroll the window", scrolled),
        ("edit: Enter splits a line, Delete joins, ^K deletes, ^S saves",
         edits),
    ], [("edit: the file on the disk has those edits", content)],
        lambda: put_file(OLD, OLD_TEXT, tmp))


# --- more -------------------------------------------------------------

LONG = "/tmp/more-100.txt"
LONG_TEXT = "".join("line %d\n" % i for i in range(1, 101))


def prompt(percent):
    return re.escape("\x1b[7m--More--(%d%%)\x1b[m" % percent)


def more(results, tmp):
    seen = {}

    def first_page(g):
        # 25 rows: 24 lines, then the prompt; 183 of 792 bytes = 23%
        m = g.expect(prompt(23))
        page = g.output[:m.start()]
        require("line 24\r\n" in page and "line 25" not in page,
                "the first screen is not lines 1-24")
        seen["end"] = m.end()

    def space(g):
        g.send(" ")
        m = g.expect(prompt(47))
        page = g.output[seen.get("end", 0):m.start()]
        want = "\r\x1b[K" + "".join("line %d\r\n" % i for i in range(25, 49))
        require(page == want, "not lines 25-48 after the prompt's "
                "erasure (or an echo): %r" % page)

    def enter(g):
        g.send("\r")
        g.expect(r"\r\x1b\[Kline 49\r\n" + prompt(48))

    boot_program(results, "more", "init=/bin/more " + LONG, [
        ("more: a screenful, then --More--(23%)", first_page),
        ("more: space shows the next screenful, unechoed", space),
        ("more: Enter shows one more line", enter),
        ("more: q quits", lambda g: g.send("q")),
    ], [], lambda: put_file(LONG, LONG_TEXT, tmp))


def run(results):
    with tempfile.TemporaryDirectory(prefix="sprout-screen-") as tmp:
        edit_new(results)
        edit_old(results, os.path.join(tmp, "old"))
        more(results, os.path.join(tmp, "long"))
