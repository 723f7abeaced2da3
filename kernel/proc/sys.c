/*
 * Small system calls about the process and the system.
 */
#include "sched/sched.h"
#include "proc/proc.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "fs/fs.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/utsname.h>
#include <sprout/sysinfo.h>
#include <sprout/reboot.h>
#include <sprout/personality.h>

/* The process id is the thread group's (gettid, proc/tid.c, is the
   thread's); the parent is the process's. */
long sys_getpid(void)  { return current->tgid; }
long sys_getppid(void) { return current->parent ? current->parent->tgid : 0; }

long sys_uname(struct utsname *ubuf)
{
	static const struct utsname uts = {
		.sysname = "Sprout", .nodename = "sprout", .release = "0.1",
		.version = "#1 teaching kernel", .machine = "i686",
		.domainname = "(none)",
	};

	if (copy_to_user(ubuf, &uts, sizeof(uts)))
		return -EFAULT;
	return 0;
}

/* A task's personality: which other Unix's conventions it asks for.
   Sprout has Linux's only, so the value changes nothing here; it is
   kept and returned as Linux keeps it (Linux too takes any value, and
   never fails). Asking (0xffffffff) leaves it alone. */
long sys_personality(unsigned long persona)
{
	unsigned int old = current->personality;

	if (persona != PERSONALITY_ASK)
		current->personality = persona;
	return old;
}

long sys_sysinfo(struct sysinfo *uinfo)
{
	/* bufferram: the page cache, memory that file reads take and that
	   comes back when memory runs short (Sprout's buffer cache is a
	   fixed pool, counted as in use). */
	struct sysinfo si = {
		.uptime = jiffies / HZ, .totalram = nr_pages,
		.freeram = nr_free_pages(),
		.bufferram = page_cache_kb() / (PAGE_SIZE / 1024),
		.mem_unit = PAGE_SIZE,
	};
	struct task_struct *t;

	for_each_task(t)
		si.procs++;
	if (copy_to_user(uinfo, &si, sizeof(si)))
		return -EFAULT;
	return 0;
}

/*
 * brk(addr): move the end of the heap, a VMA (mm/mmap.c do_brk). Pages
 * are not allocated here: the page-fault handler creates them on first
 * touch. Shrinking frees them; growing into another mapping is refused.
 * Growing past RLIMIT_DATA or RLIMIT_AS is refused (malloc: ENOMEM).
 * Like Linux, returns the new break, or the old one if addr is refused.
 */
long sys_brk(void *uaddr)
{
	struct mm_struct *mm = current->mm;
	uint32_t addr = (uint32_t)uaddr;

	struct mm_struct grown = *mm;

	if (addr < mm->start_brk || addr >= STACK_BOTTOM)
		return mm->brk;
	grown.brk = addr;               /* the heap's VMA, once moved */
	if (addr > mm->brk)
		grown.total_vm += (ALIGN_UP(addr, PAGE_SIZE) -
				   ALIGN_UP(mm->brk, PAGE_SIZE)) / PAGE_SIZE;
	if (addr > mm->brk && !mm_within_rlimits(&grown))
		return mm->brk;         /* RLIMIT_DATA or RLIMIT_AS */
	if (do_brk(mm, addr) < 0)       /* the heap's VMA follows */
		return mm->brk;
	mm->brk = addr;
	return addr;
}

long sys_reboot(unsigned long magic1, unsigned long magic2,
		unsigned long cmd, void *arg)
{
	if (magic1 != LINUX_REBOOT_MAGIC1 || magic2 != LINUX_REBOOT_MAGIC2)
		return -EINVAL;
	if (cmd != LINUX_REBOOT_CMD_POWER_OFF && cmd != LINUX_REBOOT_CMD_HALT &&
	    cmd != LINUX_REBOOT_CMD_RESTART)
		return -EINVAL;
	sync_for_power_off();   /* nothing written is lost */
	if (cmd == LINUX_REBOOT_CMD_RESTART)
		machine_restart();
	machine_power_off(0);
}
