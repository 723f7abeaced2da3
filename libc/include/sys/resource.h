/* Resources a process has used: getrusage (CPU time only, in Sprout). */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include <sprout/resource.h>

/* getrusage: prototype from the kernel's system-call table. */
#define __SYSCALLS_sys_resource __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_resource

#endif
