/*
 * strace: with "strace" on the kernel command line, every system call is
 * printed when it returns, in strace(1)'s format, after the pid:
 *
 *   [pid 1] write(1, "hello\n", 6) = 6
 *   [pid 1] access("/bin/sh", 1) = -1 ENOENT (No such file or directory)
 *
 * What the call reads is read at entry (a path, the data write() sends);
 * what it fills in (read()'s buffer) is read after it returns. A call that
 * never returns (exit, exit_group) prints nothing.
 */
#ifndef _ENTRY_STRACE_H
#define _ENTRY_STRACE_H

#include "include/types.h"

#define STRACE_LINE_MAX 320

/* One call's line, built on the caller's stack while the call runs. */
struct strace_line {
	uint32_t nr;
	const uint32_t *args;           /* ebx, ecx, edx, esi, edi */
	unsigned int next_arg;          /* the first one not printed yet */
	size_t len;
	char text[STRACE_LINE_MAX];
};

void strace_enter(struct strace_line *l, uint32_t nr, const uint32_t *args);
void strace_exit(struct strace_line *l, long ret);

#endif
