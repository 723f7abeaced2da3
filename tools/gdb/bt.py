"""sprout bt PID: where a task is, in the kernel and in its program.

A switched-out task's kernel stack, from kernel_esp up (switch.S):

  kernel_esp -> edi esi ebx ebp | return into __schedule | ...frames...
                                  | pt_regs (the trap frame) | top

The kernel is built with frame pointers, so each frame's ebp points at
the caller's saved ebp, with the return address just above it: the walk
follows that chain while it stays inside the task's kernel stack. Then
the user side: the trap frame's eip, and the return addresses found on
the user stack (programs have no frame pointers, so those are guesses,
marked "?", as Linux marks them).
"""
import gdb

from kernel import (find_task, is_current, in_user_mode_now, symbol, u32s,
                    user_u32, task_pt_regs, from_user, TASK_UNION_SIZE)

USER_GUESSES = 64               # words of user stack scanned


def kernel_frames(t):
    """(pc, ebp) of each kernel frame, innermost first."""
    base = int(t.cast(gdb.lookup_type("unsigned int")))
    if is_current(t):
        pc = int(gdb.parse_and_eval("$pc"))
        ebp = int(gdb.parse_and_eval("$ebp"))
    else:
        edi, esi, ebx, ebp, pc = u32s(t["kernel_esp"], 5)
        yield int(gdb.parse_and_eval("&switch_to")), None
    while True:
        yield pc, ebp
        if not base < ebp < base + TASK_UNION_SIZE - 8:
            return                  # left the kernel stack: entry.S
        ebp, pc = u32s(ebp, 2)


def user_frames(t, eip, esp):
    """eip, then likely return addresses: words on the user stack that
    point into the program's text."""
    yield eip, ""
    mm = t["mm"].dereference()
    text = range(int(mm["start_code"]), int(mm["end_code"]))
    for i in range(USER_GUESSES):
        word = user_u32(t, esp + 4 * i)
        if word is None:
            return
        if word in text:
            yield word, "? "


class Bt(gdb.Command):
    """Backtrace of a task: sprout bt PID.
Its kernel frames from its saved context (or the CPU's registers if it
is running), then its user frames from the trap frame. `sprout user PROG`
first, to see the program's function names."""

    def __init__(self):
        super().__init__("sprout bt", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        t = find_task(arg)
        regs = task_pt_regs(t)
        if in_user_mode_now(t):
            print("-- user mode, on the CPU now --")
            eip = int(gdb.parse_and_eval("$pc"))
            esp = int(gdb.parse_and_eval("$esp"))
        else:
            for n, (pc, _) in enumerate(kernel_frames(t)):
                print("#%-2d %#010x in %s" % (n, pc, symbol(pc)))
            if not from_user(regs):
                return
            print("-- user mode (trap frame at %#x) --" % int(regs))
            eip, esp = int(regs["eip"]), int(regs["esp"])
        for n, (pc, guess) in enumerate(user_frames(t, eip, esp)):
            print("#u%-2d %s%#010x in %s" % (n, guess, pc, symbol(pc)))


Bt()
