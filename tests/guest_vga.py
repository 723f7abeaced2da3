"""The console as a student at QEMU's window has it: the VGA screen and
the PS/2 keyboard. Keys are pressed on the emulated keyboard through
QEMU's QMP socket (send-key, so they arrive as scancodes), and the screen
is read out of the VGA's text memory (pmemsave of 0xB8000: 80x25 cells
of a character byte and a colour byte). The same output goes to the
serial line, where the tests wait for a program to have drawn. Two boots:

  /bin/edit as process 1  its screen (the ~ rows, the reversed status
                          line, nothing scrolled), then editing with the
                          arrows, Home, End, Delete and Enter typed on
                          the keyboard, saved with ^S
  the shell (default      colours from printf, an arrow's echo at the
  init)                   prompt, ^C from the keyboard stopping a job,
                          clear, poweroff
"""
import json
import os
import re
import socket
import tempfile
import time

from harness import guest_session, require
from guest_screen import boot_program, disk_file, run_steps, status_line

COLS, ROWS = 80, 25
PLAIN, REVERSED, BRIGHT_RED = 0x07, 0x70, 0x0C
KEY_WAIT = 2.0          # seconds for a command to start before ^C

# Characters as the keys that type them (QEMU's key names, "qcodes").
SHIFTED = dict(zip('!@#$%^&*()_+{}:"~|<>?',
                   ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0",
                    "minus", "equal", "bracket_left", "bracket_right",
                    "semicolon", "apostrophe", "grave_accent", "backslash",
                    "comma", "dot", "slash"]))
PLAIN_KEYS = {" ": "spc", "\r": "ret", "-": "minus", "=": "equal",
              "[": "bracket_left", "]": "bracket_right", ";": "semicolon",
              "'": "apostrophe", "`": "grave_accent", "\\": "backslash",
              ",": "comma", ".": "dot", "/": "slash"}


def chord(c):
    """The keys pressed together to type character c."""
    if c.isupper():
        return ["shift", c.lower()]
    if c in SHIFTED:
        return ["shift", SHIFTED[c]]
    return [PLAIN_KEYS.get(c, c)]


class Machine:
    """QEMU's QMP socket, connected on first use."""

    def __init__(self, folder):
        self.path = os.path.join(folder, "qmp.sock")
        self.dump = os.path.join(folder, "vga.bin")
        self.f = None

    def qemu_args(self):
        return {"extra": ("-qmp", "unix:%s,server=on,wait=off" % self.path)}

    def command(self, name, **args):
        if self.f is None:
            s = socket.socket(socket.AF_UNIX)
            s.connect(self.path)
            self.f = s.makefile("rw")
            self.f.readline()                   # the greeting
            self.command("qmp_capabilities")
        self.f.write(json.dumps({"execute": name, "arguments": args}) + "\n")
        self.f.flush()
        while True:
            reply = json.loads(self.f.readline())
            if "event" in reply:
                continue
            require("error" not in reply, "QMP %s: %s" % (name, reply))
            return reply["return"]

    def press(self, *keys):
        """Keys held down together, then let go (a chord: ctrl c)."""
        self.command("send-key", keys=[{"type": "qcode", "data": k}
                                       for k in keys], **{"hold-time": 10})

    def type(self, text):
        for c in text:
            self.press(*chord(c))

    def screen(self):
        """The screen as rows of text and rows of colour bytes."""
        self.command("pmemsave", val=0xB8000, size=ROWS * COLS * 2,
                     filename=self.dump)
        with open(self.dump, "rb") as f:
            mem = f.read()
        text = [mem[y * COLS * 2:(y + 1) * COLS * 2:2].decode("cp437")
                for y in range(ROWS)]
        colours = [list(mem[y * COLS * 2 + 1:(y + 1) * COLS * 2:2])
                   for y in range(ROWS)]
        return text, colours


# --- edit -------------------------------------------------------------

FILE = "/tmp/vga-edit.txt"
FRAME_END = r"\x1b\[\d+;\d+H\x1b\[\?25h"       # edit's last bytes
HELP = "^S save, ^Q quit, ^K delete a line; arrows or ^P ^N ^B ^F move"


def edit(results, tmp):
    m = Machine(tmp)

    def frame(lines, modified, pos, message):
        """edit has drawn (the serial line shows it); the VGA must show
        the text rows, ~ below them, the status line reversed across the
        width, then the message line, all without a scroll."""
        def check(g):
            g.expect(status_line(FILE, len(lines), modified, pos))
            g.expect(FRAME_END)
            text, colours = m.screen()
            want = lines + ["~"] * (ROWS - 2 - len(lines))
            got = [t.rstrip() for t in text[:ROWS - 2]]
            require(got == want, "text rows %r" % got)
            status = text[ROWS - 2]
            require(status.startswith("%s - %d line" % (FILE, len(lines))) and
                    status.rstrip().endswith(pos),
                    "status line %r" % status)
            require(colours[ROWS - 2] == [REVERSED] * COLS,
                    "the status line is not reversed across the screen")
            require(all(c == PLAIN for row in colours[:ROWS - 2] for c in row),
                    "text rows are not plain")
            require(text[ROWS - 1].rstrip() == message,
                    "message line %r" % text[ROWS - 1])
        return check

    def typing(g):
        m.type("hello\rworld")
        for key in ["backspace", "left", "left"]:
            m.press(key)
        m.type("X")
        m.press("home")
        m.press("delete")
        m.press("end")
        m.type("!!")            # 2/2, 7 only now: this frame is the last
        frame(["hello", "oXrl!!"], True, "2/2, 7", "")(g)

    def moving(g):
        m.press("up")
        g.expect(status_line(FILE, 2, True, "1/2, 6"))
        m.press("pgdn")
        frame(["hello", "oXrl!!"], True, "2/2, 6", "")(g)

    def saving(g):
        m.press("ctrl", "s")
        frame(["hello", "oXrl!!"], False, "2/2, 6",
              "wrote 13 bytes to " + FILE)(g)
        m.press("ctrl", "q")

    def content():
        got = disk_file(FILE)
        require(got == "hello\noXrl!!\n", "the file holds %r" % got)

    boot_program(results, "vga-edit", "init=/bin/edit " + FILE, [
        ("vga: edit's first screen: ~ rows, the status line reversed, "
         "no scrolling", frame([""], False, "1/1, 1", HELP)),
        ("vga: keys typed on the keyboard (Enter, Backspace, arrows, Home, "
         "Delete, End) edit the text", typing),
        ("vga: Up and Page Down move the cursor", moving),
        ("vga: ^S saves; the message line says so", saving),
    ], [("vga: the file edit saved holds what was typed", content)],
        **m.qemu_args())


# --- the shell --------------------------------------------------------

PROMPT = r"\r\n\$ "


def shell(results, tmp):
    m = Machine(tmp)

    def command(g, line):
        """Type a command line; wait for its echo."""
        m.type(line + "\r")
        g.expect(re.escape(line) + r"\r\n")

    def row_with(text, words):
        for y, row in enumerate(text):
            if words in row:
                return y, row.index(words)
        raise AssertionError("no row shows %r: %r" % (words, text))

    def started(g):
        g.expect(r"\$ ")
        text, _ = m.screen()
        require(any(row.startswith("init: Sprout process 1 running")
                    for row in text),
                "the kernel's lines do not start at the left margin: %r"
                % text)

    def colours(g):
        command(g, r"printf '\033[1;31mred\033[m plain\n'")
        g.expect(PROMPT)
        text, colour = m.screen()
        y, x = row_with(text, "red plain")
        require(colour[y][x:x + 3] == [BRIGHT_RED] * 3,
                "red is %r" % colour[y][x:x + 3])
        require(colour[y][x + 4:x + 9] == [PLAIN] * 5, "plain is not plain")

    def arrow_echo(g):
        m.type("echo")
        m.press("up")
        g.expect(re.escape("echo^[[A"))
        text, _ = m.screen()
        row_with(text, "$ echo^[[A")
        m.press("ctrl", "u")
        m.type("echo done\r")
        g.expect(r"\r\ndone" + PROMPT)

    def interrupt(g):
        command(g, "sleep 100")
        time.sleep(KEY_WAIT)
        m.press("ctrl", "c")
        g.expect(r"\^C" + PROMPT)

    def clear(g):
        command(g, "clear")
        g.expect(r"\$ ")
        text, _ = m.screen()
        rows = [t.rstrip() for t in text]
        require(rows == ["$"] + [""] * (ROWS - 1), "the screen: %r" % rows)

    steps = [
        ("vga: the boot's lines start at the left margin", started),
        ("vga: printf's ESC [ 1;31 m shows bright red", colours),
        ("vga: the Up arrow at a prompt echoes as ^[[A", arrow_echo),
        ("vga: ^C on the keyboard interrupts the job in front", interrupt),
        ("vga: clear leaves only the prompt, at the top", clear),
    ]
    titles = [t for t, _ in steps] + ["vga: poweroff typed on the keyboard"]
    if not any(results.wanted(t) for t in titles):
        return
    with guest_session("vga-shell", timeout=90, cmdline="",
                       **m.qemu_args()) as g:
        run_steps(results, g, steps)
        m.type("poweroff\r")
        results.check(titles[-1], lambda: require(g.wait() == 1,
                                                  "QEMU did not power off"))


def run(results):
    with tempfile.TemporaryDirectory(prefix="sprout-vga-") as tmp:
        edit(results, tmp)
    with tempfile.TemporaryDirectory(prefix="sprout-vga-") as tmp:
        shell(results, tmp)
