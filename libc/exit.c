/*
 * Ending a process. exit() runs what atexit() registered (last first),
 * flushes stdio's buffers and then asks the kernel to end the process;
 * _exit() skips the first two. The kernel never returns from exit_group.
 * (abort() has a file of its own: every program links exit(), and abort
 * would bring the signal functions along.)
 */
#include <stdlib.h>
#include <unistd.h>
#include <errno.h>
#include "syscall.h"
#include "exit_hook.h"

#define ATEXIT_MAX 32

static void (*handlers[ATEXIT_MAX])(void);
static int nr_handlers;

void (*__stdio_exit)(void);      /* set by stdio: see exit_hook.h */

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
	if (__stdio_exit)
		__stdio_exit();
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
