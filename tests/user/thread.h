/*
 * Threads for the t_thread* tests without a threads library: clone()
 * called straight, the child on a stack of its own.
 *
 * After `int $0x80` both tasks run the next instruction; the child's
 * stack pointer is the new stack, where fn and arg were put first. The
 * child pops fn, calls fn(arg), and passes fn's result to exit (1): the
 * system call that ends one thread (exit_group, 252, ends them all).
 */
#ifndef _THREAD_H
#define _THREAD_H

#include <sched.h>
#include <signal.h>
#include "check.h"              /* now_ns */

#ifndef CLONE_VM
#define CLONE_VM             0x00000100
#define CLONE_FS             0x00000200
#define CLONE_FILES          0x00000400
#define CLONE_SIGHAND        0x00000800
#define CLONE_VFORK          0x00004000
#define CLONE_PARENT         0x00008000
#define CLONE_THREAD         0x00010000
#define CLONE_SYSVSEM        0x00040000
#define CLONE_SETTLS         0x00080000
#define CLONE_PARENT_SETTID  0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID   0x01000000
#endif
#ifndef __WALL
#define __WALL  0x40000000
#define __WCLONE 0x80000000
#endif

/* What pthread_create asks for (glibc's flags, without TLS). */
#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
		      CLONE_THREAD | CLONE_SYSVSEM | CLONE_PARENT_SETTID | \
		      CLONE_CHILD_CLEARTID)

#define THREAD_STACK 16384

/* clone(flags) with fn(arg) run by the child on the stack below
   stack_top. The parent gets the tid, or -errno. */
static inline long start_thread(unsigned long flags, void *stack_top,
				int (*fn)(void *), void *arg, int *ptid,
				int *ctid)
{
	unsigned long *sp = (unsigned long *)stack_top;
	long ret;

	*--sp = (unsigned long)arg;
	*--sp = (unsigned long)fn;
	__asm__ volatile("int $0x80\n\t"
			 "test %%eax, %%eax\n\t"
			 "jnz 1f\n\t"
			 "pop %%eax\n\t"        /* the child: fn */
			 "call *%%eax\n\t"      /* fn(arg), arg on the stack */
			 "mov %%eax, %%ebx\n\t"
			 "mov $1, %%eax\n\t"    /* exit: this thread only */
			 "int $0x80\n\t"
			 "hlt\n"
			 "1:"
			 : "=a"(ret)
			 : "0"(120), "b"(flags), "c"(sp), "d"(ptid), "S"(0),
			   "D"(ctid)
			 : "memory");
	return ret;
}

/* Wait (yielding the CPU) until *flag is value, for up to 2 seconds. */
static inline int wait_for(volatile int *flag, int value)
{
	long long end = now_ns() + 2000000000LL;

	while (*flag != value && now_ns() < end)
		sched_yield();
	return *flag == value;
}

/* A thread that runs, yielding, until told to stop: start_thread(...,
   spinner, &spin, ...), then spin.started is 1; spin.stop = 1 ends it. */
struct spin {
	volatile int started, stop;
};

static inline int spinner(void *arg)
{
	struct spin *s = arg;

	s->started = 1;
	while (!s->stop)
		sched_yield();
	return 0;
}

#endif
