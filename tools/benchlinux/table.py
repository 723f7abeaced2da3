"""The side-by-side table of `make bench-linux`: /bin/bench's lines from
several runs on each kernel in, one Markdown table out.

A run is the `bench:` lines of one pass through every boot, e.g.
"bench: fork+exit+wait               54.851 us". Each figure is the
median of the runs, followed by the spread: half the distance between
the largest and the smallest run, as a percentage of the median. The
ratio is always Sprout's time over Linux's (for a bandwidth, Linux's
MB/s over Sprout's): below 1, Sprout is ahead. The columns come in
pairs, one pair for each C library that built the benchmark: ours and
glibc (the same user/bench.c, built by i686-linux-gnu-gcc -static).
"""
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import docpage  # noqa: E402

LINE = re.compile(r"bench: (.*?)\s+(-?[\d.]+) (ns|us|MB/s)$")
# The rows, in order: (the figure's name in the table, bench's name).
ROWS = [
    ("boot to process 1", "boot to process 1"),
    ("getpid", "null system call (getpid)"),
    ("fork+exit+wait", "fork+exit+wait"),
    ("fork+execve+wait", "fork+execve+wait"),
    ("sched_yield switch", "context switch (sched_yield)"),
    ("pipe round trip", "pipe round trip (1 byte)"),
    ("pipe 16 MiB", "pipe 16 MiB (64 KiB writes)"),
    ("AF_UNIX round trip", "AF_UNIX round trip (1 byte)"),
    ("AF_UNIX 16 MiB", "AF_UNIX 16 MiB (64K writes)"),
    ("TCP lo round trip", "TCP lo round trip (1 byte)"),
    ("TCP lo 16 MiB", "TCP lo 16 MiB (64K writes)"),
    ("signal (kill+handler)", "signal delivery (kill+handler)"),
    ("write 16 MiB + fsync, busy", "write 16 MiB (4 KiB, fsync) busy"),
    ("write 16 MiB + fsync, elapsed", "write 16 MiB (4 KiB, fsync)"),
    ("read 16 MiB cold, busy", "read 16 MiB cold busy"),
    ("read 16 MiB cold, elapsed", "read 16 MiB cold"),
    ("read 16 MiB warm", "read 16 MiB warm"),
    ("open+close", "open+close"),
]


def parse(lines):
    """{bench's name: (value, unit)} from one run's lines."""
    figures = {}
    for line in lines:
        m = LINE.match(line.strip())
        if m:
            figures[m.group(1)] = (float(m.group(2)), m.group(3))
    return figures


def summary(values):
    """(median, spread in percent of it) of one figure's runs."""
    mid = statistics.median(values)
    return mid, (max(values) - min(values)) / 2 / mid * 100 if mid else 0.0


def show(value, unit, spread):
    """"54.9 µs ±0.1%": three significant digits at least, in the unit
    that keeps the number readable."""
    if unit == "us" and value >= 1000:
        value, unit = value / 1000, "ms"
    if unit == "ns" and value >= 10000:
        value, unit = value / 1000, "us"
    digits = 0 if value >= 100 else 1 if value >= 10 else 2
    text = "{:,.{}f} {}".format(value, digits, unit.replace("us", "µs"))
    return text + " ±%.1f%%" % spread


def ratio(sprout, linux, unit):
    """Sprout's time over Linux's, with two significant digits at least
    ("0.45", "0.00062")."""
    r = linux / sprout if unit == "MB/s" else sprout / linux
    return "%.2f" % r if r >= 0.1 else "%.2g" % r


def pair_cells(runs, name):
    """One figure's three cells for one pair of columns (Sprout's,
    Linux's, the ratio), and its unit: None if neither kernel has it."""
    cells, medians, unit = [], [], None
    for kernel_runs in runs:
        seen = [r[name] for r in kernel_runs if name in r]
        if not seen:
            cells.append("-")
            medians.append(None)
            continue
        unit = seen[0][1]
        mid, spread = summary([v for v, _ in seen])
        cells.append(show(mid, unit, spread))
        medians.append(mid)
    both = all(m for m in medians)
    cells.append(ratio(medians[0], medians[1], unit) if both else "-")
    return cells, unit


def table(*pairs):
    """The Markdown table. Each pair is (what built the benchmark,
    Sprout's runs, Linux's runs) and gives three columns: Sprout, Linux
    and the ratio; a figure gets a line if any kernel reported it."""
    parsed = [[[parse(r) for r in kernel_runs] for kernel_runs in pair[1:]]
              for pair in pairs]
    head, rule = ["figure"], ["---"]
    for what, _, _ in pairs:
        head += ["Sprout" + what, "Linux 6.1" + what, "ratio"]
        rule += ["---"] * 3
    out = ["| %s |" % " | ".join(head), "|%s|" % "|".join(rule)]
    for label, name in ROWS:
        line, units = [label], []
        for runs in parsed:
            cells, unit = pair_cells(runs, name)
            line += cells
            units.append(unit)
        if any(units):
            out.append("| %s |" % " | ".join(line))
    return "\n".join(out)


BEGIN = "<!-- bench-linux table: begin (make bench-linux DOC=1 writes it) -->"
END = "<!-- bench-linux table: end -->"


def put_in_doc(text, doc):
    """doc with `text` between the BEGIN and END marker lines."""
    return docpage.put_between(text, doc, BEGIN, END)
