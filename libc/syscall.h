/*
 * The raw system calls, from syscalls.S: each returns what the kernel
 * returned, -errno on failure. Only libc's own wrappers use them; so do
 * the other assembly pieces declared below.
 */
#ifndef _LIBC_SYSCALL_H
#define _LIBC_SYSCALL_H

#include <sys/types.h>
#include <setjmp.h>

long __sys_exit_group(int status);
long __sys_open(const char *path, int flags, mode_t mode);
long __sys_brk(unsigned long addr);
long __sys_getcwd(char *buf, size_t size);
long __sys_llseek(int fd, unsigned long hi, unsigned long lo,
		  loff_t *result, int whence);
long __sys_truncate64(const char *path, unsigned long lo, unsigned long hi);
long __sys_ftruncate64(int fd, unsigned long lo, unsigned long hi);
long __sys_fcntl64(int fd, int cmd, unsigned long arg);
long __sys_reboot(unsigned magic1, unsigned magic2, unsigned cmd, void *arg);
long __sys_rt_sigaction(int sig, const struct kernel_sigaction *act,
			struct kernel_sigaction *oact, size_t sigsetsize);
long __sys_rt_sigprocmask(int how, const sigset_t *set, sigset_t *oset,
			  size_t sigsetsize);
long __sys_rt_sigpending(sigset_t *set, size_t sigsetsize);
long __sys_rt_sigsuspend(const sigset_t *mask, size_t sigsetsize);

/* The signal restorers (sigreturn.S): sigreturn and rt_sigreturn. */
void __restore(void);
void __restore_rt(void);

/* setjmp.S's half of the jumps; signal.c has the other. */
void __longjmp(jmp_buf env, int val) __attribute__((noreturn));
int __sigjmp_save(sigjmp_buf env, int savemask);

/* Turn a raw result into the POSIX convention: -1 and errno. */
long __syscall_ret(long result);

#endif
