#!/usr/bin/env python3
"""Turn `nm -n kernel.elf` output into the kernel's symbol table.

Usage: nm -n kernel.elf | tools/ksyms.py > ksyms.S
With no input it writes an empty table (for the first of the two links).
ksym_text_end is the linker's _etext: the end of the last function.
The tables go in the .ksyms section, which the linker script places after
all code, so including them moves no function: the addresses stay right.
"""
import sys


def main():
    syms = []
    for line in sys.stdin:
        parts = line.split()
        if len(parts) == 3 and parts[1] in "Tt" and not parts[2].startswith("."):
            syms.append((int(parts[0], 16), parts[2]))
    syms.sort()
    out = ['\t.section .ksyms, "a"', "\t.align 4",
           "\t.globl ksym_count, ksym_text_end, ksym_addrs, "
           "ksym_name_offsets, ksym_names",
           "ksym_count:", "\t.long %d" % len(syms),
           "ksym_text_end:", "\t.long _etext", "ksym_addrs:"]
    out += ["\t.long 0x%08x" % addr for addr, _ in syms]
    out.append("ksym_name_offsets:")
    offset = 0
    for _, name in syms:
        out.append("\t.long %d" % offset)
        offset += len(name) + 1
    out.append("ksym_names:")
    out += ['\t.asciz "%s"' % name for _, name in syms]
    out.append('\t.section .note.GNU-stack, "", @progbits')
    print("\n".join(out))


if __name__ == "__main__":
    main()
