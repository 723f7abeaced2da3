/*
 * The program break: the end of the heap, which starts after the
 * program's data and bss. The kernel's brk(addr) moves it and returns the
 * new break (the old one if it could not move), never an error number.
 * malloc() grows the heap with sbrk().
 */
#include <unistd.h>
#include <errno.h>
#include "syscall.h"

static unsigned long cur_brk;

int brk(void *addr)
{
	cur_brk = __sys_brk(addr);
	if (cur_brk != (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/* Move the break by increment bytes; return the old break. */
void *sbrk(intptr_t increment)
{
	unsigned long old;

	if (!cur_brk)
		cur_brk = __sys_brk(NULL);      /* where is it now? */
	old = cur_brk;
	if (increment > 0 ? old + increment < old : old + increment > old) {
		errno = ENOMEM;         /* the break would wrap round memory */
		return (void *)-1;
	}
	if (increment && brk((void *)(old + increment)) < 0)
		return (void *)-1;
	return (void *)old;
}
