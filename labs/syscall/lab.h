/*
 * The syscall lab's three new calls (docs/labs/01-syscall.md): their
 * numbers, and wrappers that make them through libc's syscall(), so that
 * the lab's programs compile before the kernel has the calls (then each
 * returns -1 with errno ENOSYS, and the tests fail cleanly).
 *
 * The numbers: Linux's i386 table ends in the 460s, so 500 and up are
 * free and will stay so for a long time; a real Linux binary never makes
 * these calls by mistake.
 */
#ifndef _LAB_SYSCALL_H
#define _LAB_SYSCALL_H

#include "../expect.h"
#include <stdio.h>
#include <unistd.h>

#define __NR_iam    500
#define __NR_whoami 501
#define __NR_trace  502

#define IAM_MAX 23      /* the longest name iam() takes, in bytes */

/* Set the kernel's name: the length, or -1 and errno (EINVAL: too long,
   EFAULT: name is not readable). */
static inline int iam(const char *name)
{
	return syscall(__NR_iam, name);
}

/* Copy the name (with its '\0') into buf: the length, or -1 and errno
   (EINVAL: size too small, EFAULT: buf not writable). */
static inline int whoami(char *buf, unsigned int size)
{
	return syscall(__NR_whoami, buf, size);
}

/* Print the calling process's calls whose bit is set in mask (bit nr for
   call nr, the first column of kernel/include/uapi/sprout/syscalls.h),
   and its children's. 0 on success. */
static inline int trace(int mask)
{
	return syscall(__NR_trace, mask);
}

/* The bits of the calls the tests trace. */
#define TRACE_READ   (1 << 3)
#define TRACE_CLOSE  (1 << 6)
#define TRACE_GETPID (1 << 20)

#endif
