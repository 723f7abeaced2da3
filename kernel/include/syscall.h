/*
 * The system-call handlers' prototypes, made from the table in
 * <sprout/syscalls.h>: its line
 *   SYSCALL3(4, write, unistd, ssize_t, int, fd, const void *, buf, size_t, count)
 * declares
 *   long sys_write(int fd, const void *buf, size_t count);
 * (a handler returns its result, or -errno). Every file that defines a
 * handler includes this header, so a handler whose parameters differ from
 * its line is a compile error: "conflicting types for 'sys_write'".
 */
#ifndef _INCLUDE_SYSCALL_H
#define _INCLUDE_SYSCALL_H

#include "include/types.h"
#include <sprout/fcntl.h>       /* open_flags_t */
#include <sprout/sigaction.h>   /* sigset_t, old_sigset_t, stack_t */
#include <sprout/select.h>      /* fd_set */
#include <sprout/socket.h>      /* socklen_t, struct sockaddr, msghdr */

/* What the table's pointers point at; a handler that fills one includes
   its header. */
struct __kernel_timespec;
struct iovec;
struct itimerval;
struct kernel_sigaction;
struct mmap_arg_struct;
struct old_sigaction;
struct pollfd;
struct rlimit;
struct rlimit64;
struct robust_list_head;
struct rusage;
struct stat;
struct stat64;
struct statfs;
struct statfs64;
struct sysinfo;
struct timespec;
struct timeval;
struct timezone;
struct tms;
struct utimbuf;
struct user_desc;
struct utsname;

#define SYSCALL(nr, name, libc, ret, n, ...) \
	long sys_##name(SYSCALL_PARAMS(n, __VA_ARGS__));
#include <sprout/syscalls.h>
#undef SYSCALL

#endif
