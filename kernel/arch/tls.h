/*
 * Thread-local storage segments (docs/compat.md, drawn). A program's C
 * library keeps its per-thread data (errno, the stack guard, __thread
 * variables) at %gs:0, so %gs must select a segment whose base is that
 * thread's block. Linux i386 gives each task three such segments, GDT
 * entries 6-8: the task keeps their descriptors in its tls_state, and
 * the scheduler copies them into the GDT whenever the task gets the CPU,
 * so one selector (0x33) means a different base in every task.
 */
#ifndef _ARCH_TLS_H
#define _ARCH_TLS_H

#include "include/types.h"
#include "arch/segment.h"
#include <sprout/ldt.h>

struct tls_state {
	uint64_t desc[GDT_TLS_ENTRIES];     /* 0: the entry is empty */
};

/* The user_desc, made a descriptor: false if Linux refuses it (only
   32-bit present data segments, or "empty"), else *desc is set. */
bool tls_desc_make(const struct user_desc *info, uint64_t *desc);
/* The other way, for get_thread_area (entry_number left alone). */
void tls_desc_read(uint64_t desc, struct user_desc *info);

/* Give the CPU this task's segments (schedule, set_thread_area, exec). */
void tls_load(const struct tls_state *tls);

/* May the way out to user mode load sel into a segment register (stack:
   into ss)? Null, or a present ring-3 segment of the right kind. */
bool user_selector_ok(uint32_t sel, bool stack);

/* The same question for a data register holding one of the task's own
   TLS selectors (0x33, 0x3B, 0x43), in a few instructions: the way out
   asks it on every system call of a program whose %gs is its thread
   block. set_thread_area makes only present ring-3 data segments, and
   the GDT holds the running task's, so an entry that is not empty loads. */
static inline bool tls_selector_ok(const struct tls_state *tls, uint32_t sel)
{
	uint32_t i = ((sel & 0xFFFF) >> 3) - GDT_ENTRY_TLS_MIN;

	return (sel & 7) == 3 && i < GDT_TLS_ENTRIES && tls->desc[i] != 0;
}

#endif
