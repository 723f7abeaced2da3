/*
 * Ending a process. exit() runs what atexit() registered (last first),
 * flushes stdio's buffers and then asks the kernel to end the process;
 * _exit() skips the first two. The kernel never returns from exit_group.
 */
#include <stdlib.h>
#include <stdio.h>
#include <signal.h>
#include <unistd.h>
#include <errno.h>
#include "syscall.h"

#define ATEXIT_MAX 32

static void (*handlers[ATEXIT_MAX])(void);
static int nr_handlers;

int atexit(void (*fn)(void))
{
	if (nr_handlers == ATEXIT_MAX) {
		errno = ENOMEM;
		return -1;
	}
	handlers[nr_handlers++] = fn;
	return 0;
}

void exit(int status)
{
	while (nr_handlers > 0)
		handlers[--nr_handlers]();
	fflush(NULL);
	_exit(status);
}

void _exit(int status)
{
	for (;;)
		__sys_exit_group(status);
}

void _Exit(int status)
{
	_exit(status);
}

/* End by SIGABRT, so the parent's wait sees it. A handler may catch it
   once and return (or it may be ignored): then the default action is put
   back and the signal sent again, which cannot be caught. */
void abort(void)
{
	raise(SIGABRT);
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	_exit(127);             /* blocked, which only sigprocmask could do */
}
