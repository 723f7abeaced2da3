/* Random bytes from the kernel's generator (docs/random.md). */
#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <sys/types.h>

#define GRND_NONBLOCK 0x0001    /* never wait (Sprout never does) */
#define GRND_RANDOM   0x0002    /* /dev/random's: the same stream here */
#define GRND_INSECURE 0x0004

/* getrandom(): prototype from the kernel's system-call table. */
#define __SYSCALLS_sys_random __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_random

/* Up to 256 bytes at once, all or nothing (libc/random.c). */
int getentropy(void *buf, size_t length);

#endif
