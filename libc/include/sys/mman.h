#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <sprout/mman.h>

/* munmap, mprotect, msync, madvise: prototypes from the kernel's
   system-call table. */
#define __SYSCALLS_sys_mman __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_mman

/* libc/mman.c: offset in bytes (a page multiple); MAP_FAILED on error. */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
/* A fifth argument, void *new_address, with MREMAP_FIXED. */
void *mremap(void *old_address, size_t old_size, size_t new_size,
	     int flags, ...);

#endif
