/*
 * /proc/PID/limits: a process's resource limits (proc/rlimit.c), in
 * Linux's table, every limit whether Sprout enforces it or not:
 *
 *   Limit                     Soft Limit           Hard Limit           Units
 *   Max cpu time              unlimited            unlimited            seconds
 *   Max open files            64                   64                   files
 */
#include "procfs/internal.h"
#include <sprout/rlimit.h>

static const struct {
	const char *name, *unit;        /* unit NULL: no column */
} limit_names[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { "Max cpu time", "seconds" },
	[RLIMIT_FSIZE] = { "Max file size", "bytes" },
	[RLIMIT_DATA] = { "Max data size", "bytes" },
	[RLIMIT_STACK] = { "Max stack size", "bytes" },
	[RLIMIT_CORE] = { "Max core file size", "bytes" },
	[RLIMIT_RSS] = { "Max resident set", "bytes" },
	[RLIMIT_NPROC] = { "Max processes", "processes" },
	[RLIMIT_NOFILE] = { "Max open files", "files" },
	[RLIMIT_MEMLOCK] = { "Max locked memory", "bytes" },
	[RLIMIT_AS] = { "Max address space", "bytes" },
	[RLIMIT_LOCKS] = { "Max file locks", "locks" },
	[RLIMIT_SIGPENDING] = { "Max pending signals", "signals" },
	[RLIMIT_MSGQUEUE] = { "Max msgqueue size", "bytes" },
	[RLIMIT_NICE] = { "Max nice priority", NULL },
	[RLIMIT_RTPRIO] = { "Max realtime priority", NULL },
	[RLIMIT_RTTIME] = { "Max realtime timeout", "us" },
};

/* One column: a number, or "unlimited", left-aligned in 20. */
static void print_limit(struct proc_text *text, rlim_t v)
{
	if (v == RLIM_INFINITY)
		text_printf(text, "%-20s ", "unlimited");
	else
		text_printf(text, "%-20lu ", v);
}

int proc_pid_limits(struct task_struct *t, struct proc_text *text)
{
	text_printf(text, "%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit",
		    "Hard Limit", "Units");
	for (int i = 0; i < RLIM_NLIMITS; i++) {
		text_printf(text, "%-25s ", limit_names[i].name);
		print_limit(text, t->rlim[i].rlim_cur);
		print_limit(text, t->rlim[i].rlim_max);
		if (limit_names[i].unit)
			text_printf(text, "%-10s", limit_names[i].unit);
		text_printf(text, "\n");
	}
	return 0;
}
