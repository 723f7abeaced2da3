"""sprout vm PID [ADDR]: a process's memory, read from its page tables.

  cr3 -> page directory (1024 PDEs) -> page table (1024 PTEs) -> frame
  va = | PDE index: 10 bits | PTE index: 10 bits | offset: 12 bits |

The user half is PDEs 0..767 (below PAGE_OFFSET). A page shared after
fork is read-only in a writable private VMA (mm->mmap, kernel/mm/vma.c),
and its frame's reference count in mem_map[] says how many address
spaces hold it.
"""
import gdb

from kernel import (find_task, pte_of, frame, mem_map_count, u32s,
                    PAGE_OFFSET, PAGE_SIZE, PTE_P, PTE_W, PTE_U,
                    VM_WRITE, VM_SHARED)


def vmas(t):
    """(start, end, vm_flags) of each VMA, in address order."""
    v = t["mm"].dereference()["mmap"]
    while int(v):
        yield int(v["vm_start"]), int(v["vm_end"]), int(v["vm_flags"])
        v = v["vm_next"]


def vma_flags(t, va):
    """The flags of the VMA holding va, or 0."""
    for start, end, flags in vmas(t):
        if start <= va < end:
            return flags
    return 0


def user_pages(t):
    """(va, pte) for each present user page, in address order."""
    pdes = u32s(t["mm"].dereference()["pgdir"], PAGE_OFFSET >> 22)
    for i, pde in enumerate(pdes):
        if not pde & PTE_P:
            continue
        for j, pte in enumerate(u32s(frame(pde), 1024)):
            if pte & PTE_P:
                yield (i << 22) | (j << 12), pte


def kind(pte, flags):
    """What a mapping allows: rw, or r; cow for a read-only page of a
    private writable VMA (a write will copy it, or take it back)."""
    cow = not pte & PTE_W and flags & (VM_WRITE | VM_SHARED) == VM_WRITE
    return ("rw" if pte & PTE_W else "r") + (" cow" if cow else "")


def ranges(t):
    """Runs of neighbouring pages with the same rights and count:
    [start, end, (rights, count)]."""
    run = None
    for va, pte in user_pages(t):
        page = (kind(pte, vma_flags(t, va)), mem_map_count(pte & ~0xFFF))
        if run and va == run[1] and page == run[2]:
            run[1] += PAGE_SIZE
            continue
        if run:
            yield run
        run = [va, va + PAGE_SIZE, page]
    if run:
        yield run


def show_ranges(t):
    print("%-21s %-6s %s" % ("RANGE", "RIGHTS", "REFCOUNT (mem_map)"))
    for start, end, (rights, count) in ranges(t):
        print("%#010x-%#010x %-6s %d" % (start, end, rights, count))


def show_walk(t, va):
    pde, pte = pte_of(t, va)
    print("%#x: PDE %d = %#010x" % (va, va >> 22, pde))
    if pte is None:
        print("  no page table: the page was never touched")
        return
    print("  PTE %d = %#010x" % ((va >> 12) & 0x3FF, pte))
    if not pte & PTE_P:
        print("  not present: a page fault would bring it in (or SIGSEGV)")
        return
    phys = (pte & 0xFFFFF000) | (va & 0xFFF)
    print("  physical %#x, %s%s, frame %d refcount %d" % (
        phys, kind(pte, vma_flags(t, va)),
        "" if pte & PTE_U else " kernel-only", phys >> 12,
        mem_map_count(phys)))


class Vm(gdb.Command):
    """Show a process's user memory: sprout vm PID [ADDR].
Without ADDR: its mapped ranges (rw/r, cow: shared after fork until a
write copies it, and each frame's reference count). With ADDR: the
page-table walk for that one address."""

    def __init__(self):
        super().__init__("sprout vm", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if not args:
            raise gdb.GdbError("usage: sprout vm PID [ADDR]")
        t = find_task(args[0])
        if not int(t["mm"].dereference()["pgdir"]):
            raise gdb.GdbError("process %s has no address space" % args[0])
        if len(args) > 1:
            show_walk(t, int(gdb.parse_and_eval(args[1])) & 0xFFFFFFFF)
        else:
            show_ranges(t)


Vm()
