/*
 * set_thread_area and get_thread_area: a program's thread-local storage
 * segments (arch/tls.c has the descriptor format; docs/compat.md draws
 * the whole path). glibc's start-up asks for "any free entry" (-1), is
 * told entry 6, loads %gs with selector 6 * 8 + 3 = 0x33, and from then
 * on finds its thread block at %gs:0. The task keeps its three entries;
 * schedule() copies them into the GDT, fork copies them, exec empties
 * them.
 */
#include "proc/proc.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "include/syscall.h"
#include <sprout/errno.h>

/* The lowest empty entry, or -ESRCH when all three are in use. */
static int free_tls_entry(const struct tls_state *tls)
{
	int i;

	for (i = 0; i < GDT_TLS_ENTRIES; i++)
		if (!tls->desc[i])
			return GDT_ENTRY_TLS_MIN + i;
	return -ESRCH;
}

static bool is_tls_entry(int idx)
{
	return idx >= GDT_ENTRY_TLS_MIN &&
	       idx < GDT_ENTRY_TLS_MIN + GDT_TLS_ENTRIES;
}

/* Set one of the entries in tls from *u_info: set_thread_area's work,
   and clone's (CLONE_SETTLS, can_pick false) for a child. */
int set_tls_entry(struct tls_state *tls, struct user_desc *u_info,
		  bool can_pick)
{
	struct user_desc info;
	uint64_t desc;
	int idx;

	if (copy_from_user(&info, u_info, sizeof(info)))
		return -EFAULT;
	if (!tls_desc_make(&info, &desc))
		return -EINVAL;
	idx = (int)info.entry_number;
	if (idx == -1 && can_pick) {
		/* Tell the program which entry it got, before taking it. */
		idx = free_tls_entry(tls);
		if (idx < 0)
			return idx;
		if (copy_to_user(&u_info->entry_number, &idx, sizeof(idx)))
			return -EFAULT;
	}
	if (!is_tls_entry(idx))
		return -EINVAL;
	tls->desc[idx - GDT_ENTRY_TLS_MIN] = desc;
	return 0;
}

long sys_set_thread_area(struct user_desc *u_info)
{
	int err = set_tls_entry(&current->tls, u_info, true);

	/* Into the GDT now: the program may load the selector right away.
	   A segment register of its that selects a changed entry is checked
	   again on the way out (user_selector_ok). */
	if (!err)
		tls_load(&current->tls);
	return err;
}

long sys_get_thread_area(struct user_desc *u_info)
{
	struct user_desc info = { 0 };
	int idx;

	if (copy_from_user(&idx, &u_info->entry_number, sizeof(idx)))
		return -EFAULT;
	if (!is_tls_entry(idx))
		return -EINVAL;
	info.entry_number = idx;
	tls_desc_read(current->tls.desc[idx - GDT_ENTRY_TLS_MIN], &info);
	if (copy_to_user(u_info, &info, sizeof(info)))
		return -EFAULT;
	return 0;
}
