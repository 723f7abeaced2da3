"""Reading Sprout's kernel from gdb: the task table, symbols, memory.

Everything here goes through the kernel's debugging symbols: a field is
read by its name (task["pid"]), so the layout comes from the compiler.
Constants that are #defines (not in the symbols) are copied below, each
with the header it comes from.
"""
import struct

import gdb

TASK_UNION_SIZE = 8192          # kernel/sched/sched.h
PAGE_OFFSET = 0xC0000000        # kernel/arch/layout.h
PAGE_SIZE = 4096
PTE_P, PTE_W, PTE_U = 0x1, 0x2, 0x4     # kernel/arch/paging.h
VM_WRITE, VM_SHARED = 0x2, 0x8          # kernel/mm/vm.h
# The task states, by number (kernel/sched/sched.h), as ps letters.
STATES = {0: "R", 1: "S", 2: "D", 3: "Z", 4: "T", 5: "unused"}
SLEEPING = ("S", "D", "T")      # what has a wchan worth showing


def tasks():
    """Every task on the ring through the idle task (for_each_task),
    the idle task first."""
    init = gdb.parse_and_eval("&task_table[0].task")
    t = init
    while True:
        yield t
        t = t["tasks"]["next"]
        if t == init:
            return


def find_task(pid):
    """The task with this pid (an int or a gdb argument string)."""
    pid = int(gdb.parse_and_eval(str(pid)))
    for t in tasks():
        if int(t["pid"]) == pid:
            return t
    raise gdb.GdbError("no process %d" % pid)


def state(t):
    return STATES.get(int(t["state"]), "?")


def ppid(t):
    return int(t["parent"]["tgid"]) if t["parent"] else 0


def comm(t):
    return t["comm"].string()


def is_current(t):
    return t == gdb.parse_and_eval("current")


def in_user_mode_now(t):
    """Is t the task on the CPU, stopped by gdb in user mode? Then the
    CPU's registers are its user registers, and its trap frame is an
    old one."""
    return is_current(t) and int(gdb.parse_and_eval("$cs")) & 3 == 3


def symbol(addr):
    """"pipe_read+0x2d" for a code address, or the address in hex."""
    addr = int(addr)
    out = gdb.execute("info symbol %#x" % addr, to_string=True)
    if out.startswith("No symbol"):
        return "%#x" % addr
    name, _, rest = out.partition(" + ")
    if not rest:
        return name.split(" in section")[0].strip()
    return "%s+%#x" % (name, int(rest.split()[0]))


def wchan(t):
    """The function a sleeping task went to sleep in (its wchan), "-"
    when it is not asleep: see schedule() in kernel/sched/sched.c."""
    if state(t) not in SLEEPING or not int(t["wchan"]):
        return "-"
    return symbol(t["wchan"]).split("+")[0]


def u32s(addr, n):
    """n 32-bit words at a kernel address, in one read of the target."""
    data = gdb.selected_inferior().read_memory(int(addr), 4 * n)
    return struct.unpack("<%dI" % n, data)


def u32(addr):
    return u32s(addr, 1)[0]


def task_pt_regs(t):
    """The user registers saved at the top of t's kernel stack (the
    same arithmetic as task_pt_regs() in kernel/sched/sched.h)."""
    regs = gdb.lookup_type("struct pt_regs").pointer()
    top = int(t.cast(gdb.lookup_type("char").pointer())) + TASK_UNION_SIZE
    return gdb.Value(top).cast(regs) - 1


def from_user(regs):
    """Did this trap frame come from user mode (cs's ring is 3)?"""
    return int(regs["cs"]) & 3 == 3


def mem_map_count(phys):
    """The reference count of the page frame at a physical address."""
    return int(gdb.parse_and_eval("mem_map[%d].count" % (phys >> 12)))


def frame(entry):
    """The kernel address of the frame a PDE or PTE points to (a page
    table, a page): all RAM is seen at PAGE_OFFSET + its physical
    address."""
    return PAGE_OFFSET + (entry & 0xFFFFF000)


def pte_of(t, va):
    """The page walk for va in t's address space, as the MMU does it:
    (pde, pte) with pte None when there is no page table."""
    pgdir = int(t["mm"].dereference()["pgdir"])
    pde = u32(pgdir + 4 * (va >> 22))
    if not pde & PTE_P:
        return pde, None
    return pde, u32(frame(pde) + 4 * ((va >> 12) & 0x3FF))


def user_u32(t, va):
    """A word of t's user memory, read through t's own page tables (the
    CPU's cr3 may be another process's); None if not present."""
    _, pte = pte_of(t, va)
    if pte is None or not pte & PTE_P:
        return None
    return u32(frame(pte) + (va & 0xFFF))
