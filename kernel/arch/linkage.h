/*
 * Symbols that C uses but assembly or the linker script defines:
 * the entry code (entry.S), the task switch (switch.S), the boot code's
 * tables (boot/head.S) and the section ends (kernel.ld).
 */
#ifndef _ARCH_LINKAGE_H
#define _ARCH_LINKAGE_H

#include "include/types.h"
#include "arch/segment.h"
#include "arch/traps.h"

struct task_struct;
struct pt_regs;

/* kernel.ld */
extern char _end[];                     /* end of .bss: first free byte */

/* boot/head.S */
extern uint64_t gdt[GDT_ENTRIES];

/* entry.S: the IDT's targets, and the first instructions of new tasks */
extern const uint32_t trap_stubs[NR_TRAP_STUBS];
extern char system_call[];
extern char ret_from_fork[];            /* a forked child starts here */
extern char kernel_thread_start[];      /* a kernel thread starts here */
void start_user(struct pt_regs *regs) __attribute__((noreturn));

/* switch.S: save prev's kernel stack pointer, load next's */
void switch_to(struct task_struct *prev, struct task_struct *next);

#endif
