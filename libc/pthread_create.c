/*
 * Creating, ending and joining threads.
 *
 * pthread_create maps one block: a guard page, the stack, then the TLS
 * block and descriptor (pthread_impl.h), and calls clone with the flags that make
 * a thread rather than a process: share the address space, files,
 * working directory and signal handlers (CLONE_VM, FILES, FS, SIGHAND),
 * be in the same thread group (CLONE_THREAD: same getpid), load this
 * thread pointer into %gs's GDT entry (CLONE_SETTLS), write the new tid
 * into the descriptor for both sides (CLONE_PARENT_SETTID) and clear it
 * with a futex wake when the thread ends (CLONE_CHILD_CLEARTID), which
 * is what pthread_join sleeps on.
 *
 * A thread cannot free the stack it is running on. A joined thread's
 * block is freed by its joiner; a detached thread, when it ends, goes on
 * a list of the dead, and the next pthread_create frees those whose tid
 * the kernel has cleared (they no longer run on their stacks).
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sprout/ldt.h>
#include <sprout/sched.h>
#include "pthread_impl.h"
#include "syscall.h"

#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
		      CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS | \
		      CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

#define GUARD 4096              /* PROT_NONE below the stack */

/*
 * A thread's memory: anonymous pages, so they are given back whole at
 * munmap, and the lowest one a guard that no access may touch, so a
 * stack that overflows ends in SIGSEGV rather than in someone else's
 * data. NULL if there is no memory.
 */
static void *map_block(size_t size, size_t *mapped)
{
	void *block;

	*mapped = (size + GUARD + 4095) & ~(size_t)4095;
	block = mmap(NULL, *mapped, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (block == MAP_FAILED)
		return NULL;
	mprotect(block, GUARD, PROT_NONE);
	return block;
}

static struct pthread *dead;            /* detached threads that ended */
static volatile int dead_lock;

static void free_dead(void)
{
	struct pthread **pp, *t;

	__lock(&dead_lock);
	for (pp = &dead; (t = *pp);) {
		if (t->tid == 0) {      /* off its stack for good */
			*pp = t->next_dead;
			munmap(t->block, t->block_size);
		} else {
			pp = &t->next_dead;
		}
	}
	__unlock(&dead_lock);
}

void __thread_start(struct pthread *self)
{
	pthread_exit(self->start(self->arg));
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
		   void *(*start)(void *), void *arg)
{
	pthread_attr_t defaults;
	size_t stack, size;
	struct user_desc tls = { .entry_number = __tls_entry(), .limit = 0xfffff,
				 .seg_32bit = 1, .limit_in_pages = 1,
				 .useable = 1 };
	struct pthread *t;
	uintptr_t sp;
	void *block;
	long tid;

	if (!attr)
		pthread_attr_init(&defaults), attr = &defaults;
	stack = attr->stacksize;
	free_dead();
	block = map_block(stack + __tls_size(), &size);
	if (!block)
		return EAGAIN;
	t = __tls_init((char *)block + size - __tls_size());
	t->block = block;
	t->block_size = size;
	t->start = start;
	t->arg = arg;
	t->detached = attr->detachstate == PTHREAD_CREATE_DETACHED;
	tls.base_addr = (uint32_t)t;
	/* __thread_start's argument, where clone.S's call finds it; the
	   stack 16-byte aligned at the call, as gcc expects. */
	sp = ((uintptr_t)block + size - __tls_size() - 16) & ~(uintptr_t)15;
	*(struct pthread **)sp = t;
	tid = __clone_thread(THREAD_FLAGS, (void *)sp, &t->tid, &tls, &t->tid);
	if (tid < 0) {
		munmap(block, size);
		return EAGAIN;
	}
	*thread = t;
	return 0;
}

/* 0 -> new, atomically: false if it was something else. */
static bool change_state(volatile int *state, int new)
{
	int was = 0;

	return __atomic_compare_exchange_n(state, &was, new, false,
					   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

/* Run the keys' destructors, then end this thread only (exit, not
   exit_group). The last thread's exit ends the process, status 0. */
void pthread_exit(void *result)
{
	struct pthread *self = __pthread_self();

	self->result = result;
	__pthread_key_exit(self);
	/* Joinable: from now on a pthread_detach frees it as a join would.
	   Detached: nobody will join, so leave the block to be freed. */
	if (!change_state(&self->detached, THREAD_EXITING) && self->block) {
		__lock(&dead_lock);
		self->next_dead = dead;
		dead = self;
		__unlock(&dead_lock);
	}
	for (;;)
		__sys_exit(0);
}

int pthread_join(pthread_t t, void **result)
{
	int tid;

	if (t == __pthread_self())
		return EDEADLK;
	if (t->detached == THREAD_DETACHED)
		return EINVAL;
	while ((tid = t->tid) != 0)     /* shared: the kernel wakes it so */
		__sys_futex((uint32_t *)&t->tid, FUTEX_WAIT, (uint32_t)tid,
			    NULL, NULL, 0);
	if (result)
		*result = t->result;
	if (t->block)
		munmap(t->block, t->block_size);
	return 0;
}

/* Its block goes back when it ends, or now if it is already ending. */
int pthread_detach(pthread_t t)
{
	if (change_state(&t->detached, THREAD_DETACHED))
		return 0;
	if (t->detached == THREAD_EXITING)
		return pthread_join(t, NULL);
	return EINVAL;                  /* detached already */
}

pthread_t pthread_self(void)
{
	return __pthread_self();
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}
