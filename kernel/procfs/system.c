/*
 * The files about the whole system: /proc/meminfo, /proc/uptime,
 * /proc/loadavg and /proc/mounts, in Linux's formats.
 */
#include "procfs/internal.h"
#include "proc/proc.h"
#include "block/block.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* "MemTotal:" padded so that the numbers line up, as on Linux. The page
   cache ("Cached:") gives its clean pages back when memory runs out (and
   bdflush cleans the dirty ones), so it is available memory too. The
   kernel's own allocations (kmalloc) are never given back: nothing of
   them is reclaimable ("SReclaimable:", which free(1) reads). */
int proc_meminfo(struct task_struct *unused, struct proc_text *text)
{
	const struct { const char *name; uint32_t kb; } lines[] = {
		{ "MemTotal:", nr_pages * (PAGE_SIZE / 1024) },
		{ "MemFree:", nr_free_pages() * (PAGE_SIZE / 1024) },
		{ "MemAvailable:", nr_free_pages() * (PAGE_SIZE / 1024) + page_cache_kb() },
		{ "Buffers:", buffer_cache_kb() },
		{ "Cached:", page_cache_kb() },
		{ "SwapTotal:", 0 },
		{ "SwapFree:", 0 },
		{ "SReclaimable:", 0 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(lines); i++)
		text_printf(text, "%-15s %8u kB\n", lines[i].name, lines[i].kb);
	return 0;
}

/* Seconds since boot, and the seconds the CPU spent idle (the idle
   task's ticks), with hundredths: the tick is 1/100 s. */
int proc_uptime(struct task_struct *unused, struct proc_text *text)
{
	uint32_t up = jiffies, idle = init_task->utime + init_task->stime;

	text_printf(text, "%u.%02u %u.%02u\n", up / HZ, up % HZ * 100 / HZ,
		    idle / HZ, idle % HZ * 100 / HZ);
	return 0;
}

/* Linux's scheduler statistics, version 15: one line per CPU whose
   seventh number is the nanoseconds tasks other than the idle task have
   run (Linux's rq_cpu_time). Sprout counts the time its idle task spends
   halted (idle_ns), so that number is the time since boot less that:
   interrupts taken while halted count as busy here, as idle on Linux.
   The other counters Linux keeps here Sprout does not: 0.
   `make bench` reads it to tell work from waiting for the disk, on
   Sprout and on Linux alike (docs/performance.md). */
int proc_schedstat(struct task_struct *unused, struct proc_text *text)
{
	uint64_t busy = monotonic_ns() - idle_ns;

	text_printf(text, "version 15\ntimestamp %u\n", jiffies);
	text_printf(text, "cpu0 0 0 0 0 0 0 %llu 0 0\n", busy);
	return 0;
}

/* The disk's counters in Linux's 17 fields after the name (see Linux's
   Documentation/admin-guide/iostats.rst): reads, merged, sectors, ms;
   writes, merged, sectors, ms; in flight, ms busy, weighted ms; four
   discard fields; flushes, ms. Sprout counts requests and sectors only:
   the rest are 0. The crash tests read the writes (crashafter=N counts
   the same ones). hda is IDE's name for the first disk: major 3. */
int proc_diskstats(struct task_struct *unused, struct proc_text *text)
{
	text_printf(text, "%4d %7d hda %u 0 %u 0 %u 0 %u 0 0 0 0 0 0 0 0 %u 0\n",
		    3, 0, disk_stats.reads, disk_stats.sectors_read,
		    disk_stats.writes, disk_stats.sectors_written,
		    disk_stats.flushes);
	return 0;
}

/* The three averages (sched/loadavg.c), runnable/all tasks, last pid. */
int proc_loadavg(struct task_struct *unused, struct proc_text *text)
{
	uint32_t running = 0, all = 0;
	struct task_struct *t;

	for_each_task(t) {
		all++;
		running += t->state == TASK_RUNNING;
	}
	for (int i = 0; i < 3; i++) {
		uint32_t load = avenrun[i] + FIXED_1 / 200;     /* round */

		text_printf(text, "%u.%02u ", load >> FSHIFT,
			    (load & (FIXED_1 - 1)) * 100 >> FSHIFT);
	}
	text_printf(text, "%u/%u %d\n", running, all, last_pid);
	return 0;
}

/* One line per mount: what, where, type, options, and two zeros (dump
   and fsck order, in fstab's format). */
int proc_mounts(struct task_struct *unused, struct proc_text *text)
{
	char *path = kmalloc(PATH_MAX), *where;
	struct super_block *sb;
	int err = path ? 0 : -ENOMEM;

	for (int i = 0; !err && (sb = mount_at(i)); i++) {
		where = "/";
		if (sb->s_covered)
			err = dir_path(sb->s_covered, path, &where);
		if (!err)
			text_printf(text, "%s %s %s rw 0 0\n", sb->s_source,
				    where, sb->s_type);
	}
	kfree(path);
	return err;
}
