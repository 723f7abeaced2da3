#!/usr/bin/env python3
"""The sched lab's grader (docs/labs/02-sched.md): make grade LAB=sched.

One boot runs /labs/shares (the calls, and the CPU shares they give) and
/labs/statlog (a known workload, then /proc/sched_log); the log is read
with labs/sched/stat_log.py, the script the hand-out gives students.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
from gradelib import Fail, check_lines, krun, run, test  # noqa: E402
import stat_log  # noqa: E402


def output():
    return krun("/labs/shares; /labs/statlog", timeout=180)[1]


def workload():
    """The statlog run: {role: pid} and the log's text."""
    out = output()
    m = re.search(r"^sleeper (\d+) cpu1 (\d+) cpu2 (\d+)$", out, re.M)
    log = re.search(r"^--- /proc/sched_log\n(.*?)^--- end$", out,
                    re.M | re.S)
    if not m or not log:
        check_lines(out, "sched_log")   # raises: statlog's FAIL line
    pids = dict(zip(("sleeper", "cpu1", "cpu2"), map(int, m.groups())))
    return pids, log.group(1)


def lives():
    """Each workload child's totals from stat_log.times()."""
    pids, text = workload()
    tasks = stat_log.parse(text)
    totals = {}
    for role, pid in pids.items():
        total = times_of(tasks, pid)
        if not total:
            raise Fail("the %s (pid %d) is not in the log from N to E"
                       % (role, pid))
        totals[role] = total
    return totals


def times_of(tasks, pid):
    return stat_log.times(tasks[pid]) if pid in tasks else None


@test(10, "settickets takes 1..1000 tickets, EINVAL otherwise")
def settickets():
    check_lines(output(), "settickets")
    check_lines(output(), "settickets rejects bad counts")


@test(10, "setpolicy switches and returns the old policy")
def setpolicy():
    check_lines(output(), "setpolicy")


@test(30, "stride: tickets 10/20/30 get 1/6, 1/3, 1/2 of the CPU")
def stride_shares():
    check_lines(output(), "stride shares")


@test(10, "back to the counter policy: equal shares")
def counter_shares():
    check_lines(output(), "counter shares")


@test(20, "/proc/sched_log: PID STATE JIFFIES lines, legal steps")
def log_format():
    pids, text = workload()
    bad = [line for line in text.splitlines()
           if not stat_log.LINE.match(line)]
    if bad:
        raise Fail("not a PID STATE JIFFIES line: %r" % bad[0])
    tasks = stat_log.parse(text)
    errors = stat_log.broken_steps(tasks)
    if errors:
        raise Fail(errors[0])
    lives()


@test(20, "stat_log.py: the workload's waiting, running and sleeping")
def log_times():
    t = lives()
    if t["sleeper"]["sleeping"] < 15:
        raise Fail("the sleeper slept 20 ticks, the log says %d"
                   % t["sleeper"]["sleeping"])
    for role, ticks in (("cpu1", 20), ("cpu2", 10)):
        if t[role]["running"] < ticks * 3 // 4:
            raise Fail("%s ran %d ticks, the log says %d"
                       % (role, ticks, t[role]["running"]))
    waited = t["cpu1"]["waiting"] + t["cpu2"]["waiting"]
    if waited < 5:
        raise Fail("cpu1 and cpu2 shared the CPU, yet waited %d ticks "
                   "in all" % waited)
    for role, total in t.items():
        parts = total["waiting"] + total["running"] + total["sleeping"]
        if total["turnaround"] != parts:
            raise Fail("%s: turnaround %d is not the sum of its states, %d"
                       % (role, total["turnaround"], parts))


run()
