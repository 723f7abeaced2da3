/*
 * flockfile: a FILE's lock, which every stdio call takes (LOCKED in
 * stdio_file.h) and a program may hold across several calls. It nests:
 * the holder may take it again (stdio's calls call each other), and it
 * is free when each take has been given back. lock.c's futex lock
 * underneath; owner and count are touched only by the holder.
 */
#include "stdio_file.h"
#include "pthread_impl.h"

void flockfile(FILE *f)
{
	struct pthread *self = __pthread_self();

	if (f->owner != self) {
		__lock(&f->lock);
		f->owner = self;
	}
	f->count++;
}

int ftrylockfile(FILE *f)
{
	struct pthread *self = __pthread_self();
	int free = 0;

	if (f->owner != self) {
		if (!__atomic_compare_exchange_n(&f->lock, &free, 1, false,
						 __ATOMIC_ACQUIRE,
						 __ATOMIC_RELAXED))
			return -1;
		f->owner = self;
	}
	f->count++;
	return 0;
}

void funlockfile(FILE *f)
{
	if (--f->count)
		return;
	f->owner = NULL;
	__unlock(&f->lock);
}
