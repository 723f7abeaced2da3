/* Resources a process has used: getrusage (CPU time only, in Sprout);
   its niceness, -20 to 19; and its limits (docs/limits.md). */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include <sprout/resource.h>

int getpriority(int which, id_t who);   /* the nice value (priority.c) */
int getrlimit(int resource, struct rlimit *rlim);       /* rlimit.c */
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit,
	    struct rlimit *old_limit);

/* getrusage, setpriority, setrlimit: prototypes from the kernel's system-call table. */
#define __SYSCALLS_sys_resource __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_resource

#endif
