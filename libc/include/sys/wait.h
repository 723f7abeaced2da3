/* Waiting for children: the status word and its W* macros. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <sprout/wait.h>

struct rusage;

pid_t wait(int *status);

/* waitpid, wait4: prototypes from the kernel's system-call table. */
#define __SYSCALLS_sys_wait __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_wait

#endif
