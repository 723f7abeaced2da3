/*
 * arch/: the x86 CPU and the PC around it. Everything that depends on
 * the processor or the board lives here, below every other subsystem
 * but lib/: port I/O and control registers, segments and the GDT/IDT/TSS,
 * the trap frame and the entry code, the interrupt controller, the
 * timer and the clocks, what the boot loader handed over, stopping the
 * machine, and panic.
 *
 *   io.h         outb/inb, cr0-cr4, cli/sti, rdtsc
 *   cpu.h        CPUID: what this processor has; UMIP
 *   segment.h    GDT selectors (also used by assembly)
 *   layout.h     the virtual memory split at PAGE_OFFSET (also assembly)
 *   paging.h     the i386 page-table format
 *   traps.h      struct pt_regs (the trap frame, drawn), vectors, IRQs
 *   linkage.h    symbols defined in assembly or by the linker script
 *   timer.h      the periodic tick (PIT channel 0), jiffies, HZ
 *   clock.h      TSC time since boot, the CMOS date
 *   fpu.h        the x87/SSE registers: turned on at boot, saved per task
 *   tls.h        thread-local storage segments: GDT entries 6-8 per task
 *   boot_info.h  the memory map and command line from the boot loader
 *   power.h      power off, halt, restart
 *   panic.h      panic(), die(), backtraces
 */
#ifndef _ARCH_ARCH_H
#define _ARCH_ARCH_H

#include "arch/io.h"
#include "arch/cpu.h"
#include "arch/segment.h"
#include "arch/layout.h"
#include "arch/paging.h"
#include "arch/traps.h"
#include "arch/linkage.h"
#include "arch/timer.h"
#include "arch/clock.h"
#include "arch/fpu.h"
#include "arch/tls.h"
#include "arch/boot_info.h"
#include "arch/power.h"
#include "arch/panic.h"

#endif
