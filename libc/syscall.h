/*
 * The raw system calls, from syscalls.S: __sys_<name> returns what the
 * kernel returned, -errno on failure. Only libc's own wrappers use them.
 * Their prototypes come from the kernel's table, like the kernel's own.
 */
#ifndef _LIBC_SYSCALL_H
#define _LIBC_SYSCALL_H

#include <sys/types.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/sysinfo.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <time.h>

#define SYSCALL(nr, name, libc, ret, n, ...) \
	long __sys_##name(SYSCALL_PARAMS(n, __VA_ARGS__));
#include <sprout/syscalls.h>
#undef SYSCALL

/* Turn a raw result into the POSIX convention: -1 and errno. */
long __syscall_ret(long result);

#endif
