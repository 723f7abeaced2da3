/*
 * The raw system calls, from syscalls.S: __sys_<name> returns what the
 * kernel returned, -errno on failure. Only libc's own wrappers use them.
 * Their prototypes come from the kernel's table, like the kernel's own.
 * Below them, the other assembly pieces libc's C files call.
 */
#ifndef _LIBC_SYSCALL_H
#define _LIBC_SYSCALL_H

#include <sys/types.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/select.h>
#include <poll.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/resource.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <fcntl.h>
#include <time.h>
#include <utime.h>
#include <signal.h>
#include <setjmp.h>
#include <sprout/ldt.h>
#include <sprout/futex.h>

#define SYSCALL(nr, name, libc, ret, n, ...) \
	long __sys_##name(SYSCALL_PARAMS(n, __VA_ARGS__));
#include <sprout/syscalls.h>
#undef SYSCALL

/* The signal restorers (sigreturn.S): sigreturn and rt_sigreturn. */
void __restore(void);
void __restore_rt(void);

/* setjmp.S's half of the jumps; signal.c has the other. */
void __longjmp(jmp_buf env, int val) __attribute__((noreturn));
int __sigjmp_save(sigjmp_buf env, int savemask);

/* Turn a raw result into the POSIX convention: -1 and errno. */
long __syscall_ret(long result);

#endif
