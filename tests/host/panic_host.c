/*
 * panic() for host tests (see panic_host.h): a longjmp back to panics().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "arch/panic.h"
#include "panic_host.h"

char panic_message[256];
static jmp_buf *catcher;                /* set while panics() runs fn */

int panics(void (*fn)(void *), void *arg)
{
	jmp_buf here;

	catcher = &here;
	if (setjmp(here)) {
		catcher = NULL;
		return 1;
	}
	fn(arg);
	catcher = NULL;
	return 0;
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(panic_message, sizeof(panic_message), fmt, ap);
	va_end(ap);
	if (catcher)
		longjmp(*catcher, 1);
	fprintf(stderr, "Kernel panic: %s\n", panic_message);
	abort();
}
