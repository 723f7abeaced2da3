"""sprout ps and sprout task PID: the task table, and one task in full."""
import gdb

from kernel import (tasks, find_task, state, ppid, comm, wchan, symbol,
                    is_current, u32, task_pt_regs, from_user,
                    TASK_UNION_SIZE)


class Ps(gdb.Command):
    """List every task: pid, ppid, pgid, sid, state, wchan, counter, command.
The state: R running or runnable, S asleep (a signal wakes it), D asleep
until its event, T stopped, Z zombie. WCHAN: what it sleeps on, the
kernel function it called schedule() from. CNT/PRI: ticks left in its
time slice / the slice it gets (kernel/sched/sched.c).
">" marks the task that was running when gdb stopped the machine."""

    def __init__(self):
        super().__init__("sprout ps", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        print("  %5s %5s %5s %5s %-2s %-18s %7s %s" % (
            "PID", "PPID", "PGID", "SID", "S", "WCHAN", "CNT/PRI", "COMM"))
        for t in tasks():
            print("%s %5d %5d %5d %5d %-2s %-18s %3d/%-3d %s" % (
                ">" if is_current(t) else " ", int(t["pid"]), ppid(t),
                int(t["pgrp"]), int(t["session"]), state(t), wchan(t),
                int(t["counter"]), int(t["priority"]), comm(t)))


def kernel_stack(t):
    """Where t's kernel stack pointer is, and how many bytes are in use
    (the stack grows down from the top of its 8 KiB task_union)."""
    sp = int(gdb.parse_and_eval("$esp")) if is_current(t) \
        else int(t["kernel_esp"])
    base = int(t.cast(gdb.lookup_type("unsigned int")))
    return sp, base + TASK_UNION_SIZE - sp


def show_context(t):
    """The registers switch_to() pushed (kernel/arch/switch.S)."""
    if is_current(t):
        print("context:   running now: its registers are the CPU's "
              "(info registers)")
        return
    sp = int(t["kernel_esp"])
    edi, esi, ebx, ebp, ret = (u32(sp + 4 * i) for i in range(5))
    print("context:   edi=%#x esi=%#x ebx=%#x ebp=%#x" % (edi, esi, ebx, ebp))
    print("           resumes at %s" % symbol(ret))


def show_trap_frame(t):
    regs = task_pt_regs(t)
    if not from_user(regs):
        print("trap frame: none (a kernel thread, or not yet in user mode)")
        return
    r = {f.name: int(regs[f.name]) for f in regs.dereference().type.fields()}
    print("trap frame: eip=%#x esp=%#x eflags=%#x (the user registers)"
          % (r["eip"], r["esp"], r["eflags"]))
    print("           eax=%#x ebx=%#x ecx=%#x edx=%#x esi=%#x edi=%#x "
          "ebp=%#x" % tuple(r[n] for n in
                            ("eax", "ebx", "ecx", "edx", "esi", "edi", "ebp")))
    print("           trapno=%d (128: a system call, eax its number on "
          "entry)" % r["trapno"])


def show_signals(t):
    print("signals:   pending=%#010x blocked=%#010x"
          % (int(t["signal"]), int(t["blocked"])))
    actions = t["sigaction"]
    for sig in range(1, actions.type.range()[1] + 1):
        handler = int(actions[sig]["handler"])
        if handler not in (0, 1):           # SIG_DFL, SIG_IGN
            print("           signal %d -> handler %#x flags %#x"
                  % (sig, handler, int(actions[sig]["flags"])))
        elif handler == 1:
            print("           signal %d ignored" % sig)


def show_memory(t):
    mm = t["mm"]
    if not int(mm["pgdir"]):
        print("memory:    none (a kernel thread or a zombie)")
        return
    print("memory:    page directory %#x" % int(mm["pgdir"]))
    for name, lo, hi in [("text", "start_code", "end_code"),
                         ("data", "start_data", "end_data"),
                         ("heap", "start_brk", "brk")]:
        print("           %-5s %#010x-%#010x" % (name, int(mm[lo]),
                                                 int(mm[hi])))
    print("           stack below 0xc0000000, started at %#x"
          % int(mm["start_stack"]))


class Task(gdb.Command):
    """Show one task in full: sprout task PID.
Its identity, kernel stack, saved context (switch_to's registers) or
trap frame (the user registers), signals, current directory, memory."""

    def __init__(self):
        super().__init__("sprout task", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        t = find_task(arg)
        print("task %d (%s) at %#x: state %s, parent %d, pgrp %d, session %d"
              % (int(t["pid"]), comm(t), int(t), state(t), ppid(t),
                 int(t["pgrp"]), int(t["session"])))
        if t["exe_path"]:
            print("program:   %s" % t["exe_path"].string())
        if wchan(t) != "-":
            print("sleeps in: %s" % wchan(t))
        sp, depth = kernel_stack(t)
        print("kernel stack: esp=%#x, %d bytes in use of %d"
              % (sp, depth, TASK_UNION_SIZE - t.dereference().type.sizeof))
        show_context(t)
        show_trap_frame(t)
        show_signals(t)
        if t["cwd"]:
            print("cwd:       inode %d" % int(t["cwd"]["i_ino"]))
        show_memory(t)


Ps()
Task()
