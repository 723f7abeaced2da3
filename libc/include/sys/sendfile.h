#ifndef _SYS_SENDFILE_H
#define _SYS_SENDFILE_H

#include <sys/types.h>

/* sendfile: prototype from the kernel's system-call table. */
#define __SYSCALLS_sys_sendfile __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_sendfile

#endif
