/*
 * /proc/PID/stat, status and wchan: a task_struct as text, in the
 * layouts Linux uses (its fs/proc/array.c), so that ps and top-like
 * programs written for Linux read them. Fields Sprout does not keep
 * (page-fault counts, children's times, nice ...) are printed as the 0
 * Linux would print for a process that never had any.
 */
#include "procfs/internal.h"
#include "proc/proc.h"
#include "dev/dev.h"
#include "mm/mm.h"
#include "lib/lib.h"

/* One bit per signal (bit sig - 1), by what the process does with it;
   signal sig's action is sigaction[sig - 1]. */
static uint32_t handled_signals(struct task_struct *t, bool ignored)
{
	uint32_t set = 0;

	for (int sig = 1; sig < NSIG; sig++) {
		void (*h)(int) = t->sighand->action[sig - 1].handler;

		if (ignored ? h == SIG_IGN : h != SIG_IGN && h != SIG_DFL)
			set |= 1u << (sig - 1);
	}
	return set;
}

/* Pages of [start, end) present in mm's page tables. */
static uint32_t present_pages(struct mm_struct *mm, uint32_t start,
			      uint32_t end)
{
	uint32_t n = 0;

	for (uint32_t va = start; mm->pgdir && va < end; va += PAGE_SIZE) {
		pte_t *pte = find_pte(mm->pgdir, va);

		n += pte && (*pte & PTE_P);
	}
	return n;
}

static uint32_t stack_pages(struct mm_struct *mm)
{
	return present_pages(mm, STACK_BOTTOM, USER_TOP);
}

/* The address space's size: the pages of all its VMAs, touched or not
   (Linux's total_vm; 0 for a zombie: its memory is gone). */
static uint32_t vm_pages(struct mm_struct *mm)
{
	return mm->pgdir ? mm->total_vm : 0;
}

/* The controlling terminal as Linux encodes a device number: the
   console, Sprout's only terminal, is tty1 (major 4, minor 1). */
static uint32_t tty_nr(struct task_struct *t)
{
	return t->tty ? MKDEV(TTY_MAJOR, 1) : 0;
}

int proc_pid_stat(struct task_struct *t, struct proc_text *text)
{
	struct mm_struct *mm = t->mm;

	text_printf(text, "%d (%s) %c %d %d %d %u %d %u ",
		    t->pid, t->comm, task_state_name(t)[0],
		    t->parent ? t->parent->tgid : 0, t->pgrp, t->session,
		    tty_nr(t), t->tty ? t->tty->pgrp : -1, 0u);
	/* minflt cminflt majflt cmajflt utime stime cutime cstime priority
	   nice num_threads itrealvalue starttime vsize rss rsslim */
	text_printf(text, "0 0 0 0 %u %u 0 0 20 0 %d 0 %u %u %u 4294967295 ",
		    t->utime, t->stime, thread_count(t), t->start_time,
		    vm_pages(mm) * PAGE_SIZE, mm_rss_pages(mm));
	/* startcode endcode startstack kstkesp kstkeip signal blocked
	   sigignore sigcatch wchan nswap cnswap exit_signal processor
	   rt_priority policy delayacct_blkio_ticks guest_time cguest_time */
	text_printf(text, "%u %u %u 0 0 %u %u %u %u 0 0 0 17 0 0 0 0 0 0 ",
		    mm->start_code, mm->end_code, mm->start_stack, t->signal,
		    t->blocked, handled_signals(t, true),
		    handled_signals(t, false));
	/* start_data end_data start_brk arg_start arg_end env_start
	   env_end exit_code */
	text_printf(text, "%u %u %u %u %u %u %u %d\n",
		    mm->start_data, mm->end_data, mm->start_brk,
		    mm->arg_start, mm->arg_end, mm->env_start, mm->env_end,
		    t->state == TASK_ZOMBIE ? t->exit_code : 0);
	return 0;
}

static void print_kb(struct proc_text *text, const char *name, uint32_t pages)
{
	text_printf(text, "%s:\t%8u kB\n", name, pages * (PAGE_SIZE / 1024));
}

int proc_pid_status(struct task_struct *t, struct proc_text *text)
{
	struct mm_struct *mm = t->mm;
	pid_t ppid = t->parent ? t->parent->tgid : 0;

	text_printf(text, "Name:\t%s\n", t->comm);
	if (t->fs)                  /* a zombie's is gone */
		text_printf(text, "Umask:\t%04o\n", t->fs->umask);
	text_printf(text, "State:\t%s\n", task_state_name(t));
	text_printf(text, "Tgid:\t%d\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n",
		    t->tgid, t->pid, ppid);
	text_printf(text, "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n"
		    "FDSize:\t%d\nGroups:\t\n", NR_OPEN);
	if (mm->pgdir) {            /* a zombie's memory is gone */
		print_kb(text, "VmSize", vm_pages(mm));
		print_kb(text, "VmRSS", mm_rss_pages(mm));
		print_kb(text, "VmData", (mm->brk - mm->start_data) / PAGE_SIZE);
		print_kb(text, "VmStk", stack_pages(mm));
		print_kb(text, "VmExe",
			 (mm->end_code - mm->start_code + PAGE_SIZE - 1) /
			 PAGE_SIZE);
	}
	text_printf(text, "Threads:\t%d\nSigPnd:\t%016x\nShdPnd:\t%016x\n",
		    thread_count(t), t->signal, 0u);
	text_printf(text, "SigBlk:\t%016x\nSigIgn:\t%016x\nSigCgt:\t%016x\n",
		    t->blocked, handled_signals(t, true),
		    handled_signals(t, false));
	return 0;
}

/* wchan: the function the process sleeps in, or "0" when it is not
   asleep; no newline, as on Linux. */
int proc_pid_wchan(struct task_struct *t, struct proc_text *text)
{
	const char *wchan = task_wchan(t);

	text_printf(text, "%s", wchan ? wchan : "0");
	return 0;
}

/* oom_score: the OOM killer's badness (proc/oom_kill.c) in thousandths
   of the machine's memory, as Linux scales it: 0 for a kernel thread,
   about 500 for a process that fills half of RAM. */
int proc_pid_oom_score(struct task_struct *t, struct proc_text *text)
{
	text_printf(text, "%u\n", oom_badness(t) * 1000 / nr_pages);
	return 0;
}
