"""sprout ps and sprout task PID: the task table, and one task in full."""
import gdb

from kernel import (tasks, find_task, state, ppid, comm, wchan, symbol,
                    is_current, in_user_mode_now, u32s, task_pt_regs,
                    from_user, TASK_UNION_SIZE)


class Ps(gdb.Command):
    """List every task: pid, tgid, ppid, pgid, sid, state, wchan, counter, command.
Threads are tasks too: a thread's TGID is its process's pid (the
leader's); a process of one thread has TGID == PID.
The state: R running or runnable, S asleep (a signal wakes it), D asleep
until its event, T stopped, Z zombie. WCHAN: what it sleeps on, the
kernel function it called schedule() from. CNT/PRI: ticks left in its
time slice / the slice it gets (kernel/sched/sched.c; a sleeper's CNT
is as it fell asleep: the refills it misses are added when it wakes).
">" marks the task that was running when gdb stopped the machine."""

    def __init__(self):
        super().__init__("sprout ps", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        print("  %5s %5s %5s %5s %5s %-2s %-18s %7s %s" % (
            "PID", "TGID", "PPID", "PGID", "SID", "S", "WCHAN", "CNT/PRI",
            "COMM"))
        for t in tasks():
            print("%s %5d %5d %5d %5d %5d %-2s %-18s %3d/%-3d %s" % (
                ">" if is_current(t) else " ", int(t["pid"]),
                int(t["tgid"]), ppid(t),
                int(t["pgrp"]), int(t["session"]), state(t), wchan(t),
                int(t["counter"]), int(t["priority"]), comm(t)))


def show_kernel_stack(t):
    """Where t's kernel stack pointer is, and how many bytes are in use
    (the stack grows down from the top of its 8 KiB task_union)."""
    room = TASK_UNION_SIZE - t.dereference().type.sizeof
    if in_user_mode_now(t):
        print("kernel stack: empty (in user mode), %d bytes" % room)
        return
    sp = int(gdb.parse_and_eval("$esp")) if is_current(t) \
        else int(t["kernel_esp"])
    top = int(t.cast(gdb.lookup_type("unsigned int"))) + TASK_UNION_SIZE
    print("kernel stack: esp=%#x, %d bytes in use of %d"
          % (sp, top - sp, room))


def show_context(t):
    """The registers switch_to() pushed (kernel/arch/switch.S)."""
    if is_current(t):
        print("context:   running now: its registers are the CPU's "
              "(info registers)")
        return
    edi, esi, ebx, ebp, ret = u32s(t["kernel_esp"], 5)
    print("context:   edi=%#x esi=%#x ebx=%#x ebp=%#x" % (edi, esi, ebx, ebp))
    print("           resumes at %s" % symbol(ret))


def show_trap_frame(t):
    regs = task_pt_regs(t)
    if in_user_mode_now(t):
        print("trap frame: none in use: it runs in user mode now")
        return
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
    actions = t["sighand"]["action"]    # signal sig's is [sig - 1]
    for sig in range(1, actions.type.range()[1] + 2):
        handler = int(actions[sig - 1]["handler"])
        if handler == 1:                    # SIG_IGN (0 is SIG_DFL)
            print("           signal %d ignored" % sig)
        elif handler:
            print("           signal %d -> handler %s flags %#x"
                  % (sig, symbol(handler), int(actions[sig - 1]["flags"])))


def show_memory(t):
    mm = t["mm"].dereference()
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
        print("task %d (%s) at %#x: state %s, process %d, parent %d, "
              "pgrp %d, session %d"
              % (int(t["pid"]), comm(t), int(t), state(t), int(t["tgid"]),
                 ppid(t), int(t["pgrp"]), int(t["session"])))
        if t["exe_path"]:
            print("program:   %s" % t["exe_path"].string())
        if wchan(t) != "-":
            print("sleeps in: %s" % wchan(t))
        show_kernel_stack(t)
        show_context(t)
        show_trap_frame(t)
        show_signals(t)
        if t["fs"] and t["fs"]["cwd"]:
            print("cwd:       inode %d" % int(t["fs"]["cwd"]["i_ino"]))
        show_memory(t)


Ps()
Task()
