"""Guest tests of the terminal: a program runs as process 1 and the test
types at it over the serial line, checking the echo and what read()
returned. Three programs, one boot each:
  tests/user/tty_line.c   the line discipline (tty: ...)
  tests/user/tty_jobs.c   job control (tty jobs: ...): the keys typed
                          reach the foreground job.
  tests/user/tty_stdio.c  stdout line buffered on a terminal, as the
                          stdio lecture shows (tty stdio: ...)."""
import re
import time

from harness import guest_session, require

RUB = "\b \b"                   # what ECHOE sends to wipe one character

# Canonical mode: (name, typed, echo expected, program's answer).
LINES = [
    ("DEL erases a character, wiped with BS SP BS",
     "abc\x7fd\r", "abc" + RUB + "d\r\n", "got: abd"),
    ("BS erases a character too",
     "ab\bc\r", "ab" + RUB + "c\r\n", "got: ac"),
    ("^W erases a word, twice erases two",
     "hello world\x17\x17bye\r",
     "hello world" + RUB * 5 + RUB * 6 + "bye\r\n", "got: bye"),
    ("^U erases the whole line",
     "xyz\x15ok\r", "xyz" + RUB * 3 + "ok\r\n", "got: ok"),
    ("^D inside a line ends it without a newline (no echo)",
     "part\x04", "part", r"got: part \[no NL\]"),
    ("^D at the start of a line: read returns 0",
     "\x04", "", "got EOF"),
]


def typed_line(g, typed, echo, answer):
    g.send(typed)
    g.expect(re.escape(echo) + answer + r"\r\n")


def polled(g):
    """poll() on stdin with a timeout: a part of a line is not readable,
    the whole line is, and FIONREAD counts it, newline included."""
    g.expect(r"ready: poll\r\n")
    g.send("ab")
    time.sleep(1)
    require("poll:" not in g.output[g.pos:], "poll returned before Enter")
    g.send("\r")
    g.expect(r"poll: 1 0x1\r\nfionread: 3\r\npoll read: ab\r\n")


def keys(g):
    """Non-canonical, ECHO off, VMIN=1: each byte at once, unedited."""
    start = g.expect(r"ready: keys\r\n").end()
    for typed, code in [("x", "78"), ("\x7f", "7f"), ("\r", "0a"),
                        ("q", "71")]:
        g.send(typed)
        m = g.expect(r"key: %s \(1\)\r\n" % code)
        require(m.start() == start,
                "%r echoed or more output: %r" % (typed,
                                                   g.output[start:m.start()]))
        start = m.end()


def vmin3(g):
    """VMIN=3: poll() and read() wait for the third byte."""
    g.expect(r"ready: min3\r\n")
    g.send("12")
    time.sleep(1)
    require("min3" not in g.output[g.pos:], "poll returned before 3 bytes")
    g.send("3")
    g.expect(r"min3 poll: 1\r\nmin3: 3 123\r\n")


def gap(g):
    """VMIN=5 VTIME=5: no timer before the first byte; after it, half a
    second of silence ends the read with what has come."""
    g.expect(r"ready: gap\r\n")
    time.sleep(1.5)
    require("gap:" not in g.output[g.pos:], "read returned before any byte")
    g.send("ab")
    g.expect(r"gap: 2 ab\r\n")


def switch(g):
    """A read begun in canonical mode ends at one byte once another
    process has switched the terminal to VMIN=1."""
    g.expect(r"ready: switch\r\n")
    g.send("z")
    g.expect(r"switch: 1 z\r\n")


def ctrl_c(g):
    """^C is echoed as ^C and signals the foreground group."""
    g.expect(r"ready: \^C\r\n")
    time.sleep(0.5)             # let the child get into read()
    g.send("\x03")
    g.expect(r"\^C")
    g.expect(r"ok \^C kills")


def fg_read(g):
    """A background reader, moved to the front and continued, reads the
    line typed."""
    g.expect(r"ready: fg read\r\n")
    g.send("hello\r")
    g.expect(r"hello\r\n")


def job_key(g, name, key, echo):
    """A job in front reads; the key typed signals it, not the shell."""
    g.expect(r"ready: %s job\r\n" % re.escape(name))
    time.sleep(0.5)             # let the job get into read()
    g.send(key)
    g.expect(re.escape(echo))


def no_newline_waits(g):
    """printf without a newline stays in the buffer: the marker written
    after it with write(2) comes first; the rest of the line, once a
    line is typed, sends the whole line."""
    start = g.expect(r"ready: stdio\r\n").end()
    m = g.expect(r"\[waiting\]\r\n")
    require(g.output[start:m.start()] == "",
            "before the marker: %r" % g.output[start:m.start()])
    g.send("x\r")
    g.expect(r"x\r\nBeginning of line and end of line\r\n")


def fflush_shows(g):
    g.expect(r"prompt> \[flushed\]\r\n")


def stdin_flushes(g):
    """fgets on the terminal flushes the question first."""
    g.expect(r"Name\? ")
    g.send("bob\r")
    g.expect(r"bob\r\nhello bob\r\n")


def fork_copies_buffer(g):
    m = g.expect(r"once\r\n(.*)\[forked\]\r\n")
    require(m.group(1) == "twice twice ", "after once: %r" % m.group(1))


def session(results, prog, prefix, steps):
    """One boot of /bin/tests/<prog>; every step runs (each types for the
    next), whatever -k picks, and only the chosen ones are reported; then
    the program's own "ok ..." / "FAIL ..." lines."""
    with guest_session(prog, timeout=120,
                       cmdline="init=/bin/tests/" + prog) as g:
        for name, fn in steps:
            results.step(prefix + name, fn, g)
        results.parse_lines(g.output, prefix)


def run(results):
    line_steps = [("tty_line starts and reaches its first prompt",
                   lambda g: g.expect(r"ready: lines\r\n"))]
    for name, typed, echo, answer in LINES:
        line_steps.append((name, lambda g, t=typed, e=echo, a=answer:
                           typed_line(g, t, e, a)))
    line_steps += [
        ("poll: stdin is readable once a whole line is typed", polled),
        ("non-canonical keys arrive one by one, unechoed", keys),
        ("VMIN=3: poll and read wait for three bytes", vmin3),
        ("VMIN=5 VTIME=5: silence after a byte ends the read", gap),
        ("a canonical read follows a switch to VMIN=1", switch),
        ("^C is echoed as ^C", ctrl_c),
        ("tty_line runs to the end",
         lambda g: g.expect(r"ok ran to the end")),
    ]
    session(results, "tty_line", "tty: ", line_steps)
    session(results, "tty_stdio", "tty stdio: ", [
        ("printf with no newline shows only when the line ends",
         no_newline_waits),
        ("fflush shows a prompt at once", fflush_shows),
        ("reading stdin flushes stdout first", stdin_flushes),
        ("fork: a sent line once, text still buffered twice",
         fork_copies_buffer),
        ("stderr is unbuffered",
         lambda g: g.expect(r"to stderr \[after stderr\]\r\n")),
        ("tty_stdio runs to the end",
         lambda g: g.expect(r"ok ran to the end")),
    ])
    session(results, "tty_jobs", "tty jobs: ", [
        ("a line typed reaches the job brought to the front", fg_read),
        ("^C typed reaches the foreground job",
         lambda g: job_key(g, "^C", "\x03", "^C")),
        ("^Z typed reaches the foreground job",
         lambda g: job_key(g, "^Z", "\x1a", "^Z")),
        ("tty_jobs runs to the end",
         lambda g: g.expect(r"ok ran to the end")),
    ])
