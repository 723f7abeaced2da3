/* Setting a file's access and modification times, the oldest way (in
   whole seconds); see also utimes (<sys/time.h>), utimensat (<sys/stat.h>). */
#ifndef _UTIME_H
#define _UTIME_H

#include <sys/types.h>
#include <sprout/utime.h>

/* utime: prototype from the kernel's system-call table. */
#define __SYSCALLS_utime __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_utime

#endif
