/*
 * What libc's threads share (pthread_*.c, lock.c, tls.c; docs/pthreads.md).
 *
 * Each thread's memory is one block, its thread descriptor at the top,
 * its TLS block just below (i386's TLS "variant II": the variables sit
 * BELOW the thread pointer), its stack below that, growing down, and a
 * guard page at the bottom:
 *
 *   low                                                                 high
 *   | guard | stack (grows down <-) | TLS block: .tdata, .tbss | struct pthread |
 *                                                      ^
 *                                  thread pointer: %gs:0 holds its address
 *
 * %gs selects a GDT entry whose base is the thread pointer (set_thread_area
 * for the main thread, clone's CLONE_SETTLS for the others), and the
 * descriptor's first word points at itself, so `movl %gs:0, %eax` is
 * "who am I" (pthread_self) and a __thread variable is %gs:-offset.
 */
#ifndef _LIBC_PTHREAD_IMPL_H
#define _LIBC_PTHREAD_IMPL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sprout/futex.h>
#include "lock.h"

/* struct pthread's detached: 0 joinable and running, or */
#define THREAD_DETACHED 1       /* nobody will join: it frees itself */
#define THREAD_EXITING  2       /* joinable, and ending: the joiner frees */

struct pthread {
	struct pthread *self;           /* %gs:0, the ABI's thread pointer */
	volatile int tid;               /* the kernel's; 0 once it has ended
					   (CLONE_CHILD_CLEARTID), for join */
	volatile int detached;          /* 0, THREAD_DETACHED, THREAD_EXITING */
	void *(*start)(void *);
	void *arg;
	void *result;                   /* start's return or pthread_exit's */
	void *block;                    /* mmap'ed: guard, stack, TLS, this;
					   NULL for the main thread (its stack) */
	size_t block_size;
	struct pthread *next_dead;      /* detached and ended: to be freed */
	struct {                        /* pthread_setspecific's values */
		unsigned int seq;       /* the key's seq when set */
		void *value;
	} specific[PTHREAD_KEYS_MAX];
};

static inline struct pthread *__pthread_self(void)
{
	struct pthread *self;

	__asm__("movl %%gs:0, %0" : "=r"(self));
	return self;
}

/* tls.c: the program's TLS image (PT_TLS) and a new thread's copy. */
size_t __tls_size(void);                 /* TLS block + descriptor */
struct pthread *__tls_init(void *mem);   /* copy the image into the
					    __tls_size() bytes at mem */
int __tls_entry(void);                   /* set_thread_area's GDT entry */

/* clone.S: clone(2) whose child calls __thread_start(self) on its new
   stack (pthread_create.c); the parent gets the tid or -errno. */
struct user_desc;
int __clone_thread(unsigned long flags, void *stack, volatile int *ptid,
		   struct user_desc *tls, volatile int *ctid);
void __thread_start(struct pthread *self) __attribute__((noreturn));

/* pthread_key.c: run the destructors of the thread's values. */
void __pthread_key_exit(struct pthread *self);

#endif
