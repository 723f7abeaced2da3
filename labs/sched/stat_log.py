#!/usr/bin/env python3
"""stat_log.py: waiting time and turnaround from Sprout's process-state log.

    python3 labs/sched/stat_log.py LOG [PID ...]

LOG holds the lines of /proc/sched_log (docs/labs/02-sched.md), one state
change each, oldest first; lines of another shape are left out (so LOG
may be a whole console transcript):

    PID STATE JIFFIES       e.g. "12 R 3402": at tick 3402, task 12 ran

STATE is one letter, as in the HIT Linux 0.11 lab:

    N  new: fork made it        J  ready: runnable, waiting for the CPU
    R  running: it has the CPU  W  waiting: asleep (or stopped)
    E  exit: a zombie now

A task's life is N J R, then any of R->J (preempted), R->W (went to
sleep), W->J (woken), J->R (chosen), and last R->E. For every task
whose whole life is in the log (from N to E), this prints the ticks it
spent in each state:

    turnaround  E's tick - N's tick: from fork to exit
    waiting     the ticks in J: ready, but another task had the CPU
    running     the ticks in R
    sleeping    the ticks in W

and the averages, then any step of the log that breaks the rules
above. With PIDs, only those tasks. Exit status 1 if a step broke the
rules or a PID asked for was not found from N to E.
"""
import re
import sys

LINE = re.compile(r"^\s*(\d+) ([NJRWE]) (\d+)\s*$")

# The states a task may go to from each one (None: not seen yet).
NEXT = {None: "N", "N": "J", "J": "R", "R": "JWE", "W": "J", "E": ""}

# Which total a tick spent in a state counts towards.
COLUMN = {"N": "waiting", "J": "waiting", "R": "running", "W": "sleeping"}


def parse(text):
    """{pid: [(state, tick), ...]} from the log lines in text, in order."""
    tasks = {}
    for line in text.splitlines():
        m = LINE.match(line)
        if m:
            tasks.setdefault(int(m.group(1)), []).append(
                (m.group(2), int(m.group(3))))
    return tasks


def broken_steps(tasks):
    """Messages for the steps that break the rules. A task whose N is
    not in the log (it began before the log's oldest line) is judged
    from its first line on."""
    errors = []
    for pid, life in sorted(tasks.items()):
        prev, prev_tick = (None, None) if life[0][0] == "N" else life[0]
        for state, tick in life[1 if prev else 0:]:
            if state not in NEXT[prev]:
                errors.append("pid %d: %s -> %s at tick %d" %
                              (pid, prev or "(start)", state, tick))
            elif prev_tick is not None and tick < prev_tick:
                errors.append("pid %d: tick %d comes after tick %d" %
                              (pid, tick, prev_tick))
            prev, prev_tick = state, tick
    return errors


def times(life):
    """A whole life's totals (a dict), or None if it lacks N or E."""
    if life[0][0] != "N" or life[-1][0] != "E":
        return None
    total = {"turnaround": life[-1][1] - life[0][1],
             "waiting": 0, "running": 0, "sleeping": 0}
    for (state, tick), (_, next_tick) in zip(life, life[1:]):
        total[COLUMN[state]] += next_tick - tick
    return total


def main(argv):
    if len(argv) < 2:
        sys.stderr.write("usage: stat_log.py LOG [PID ...]\n")
        return 2
    try:
        with open(argv[1]) as f:
            tasks = parse(f.read())
        pids = [int(p) for p in argv[2:]]
    except (OSError, ValueError) as e:
        sys.stderr.write("stat_log.py: %s\n" % e)
        return 2
    status = 0
    rows = []
    for pid in pids or sorted(tasks):
        total = times(tasks[pid]) if pid in tasks else None
        if total:
            rows.append((pid, total))
        elif pids:
            sys.stderr.write("stat_log.py: pid %d: not in the log from "
                             "N to E\n" % pid)
            status = 1
    print("%6s %11s %8s %8s %9s" % ("PID", "turnaround", "waiting",
                                     "running", "sleeping"))
    for pid, t in rows:
        print("%6d %11d %8d %8d %9d" % (pid, t["turnaround"], t["waiting"],
                                        t["running"], t["sleeping"]))
    if rows:
        n = len(rows)
        print("average turnaround %.2f, waiting %.2f ticks, of %d tasks" % (
            sum(t["turnaround"] for _, t in rows) / n,
            sum(t["waiting"] for _, t in rows) / n, n))
    for error in broken_steps({p: tasks[p] for p in pids if p in tasks}
                              if pids else tasks):
        print("broken step: " + error)
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
