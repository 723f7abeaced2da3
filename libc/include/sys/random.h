/* Random bytes from the kernel's generator (docs/random.md). */
#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <sys/types.h>

#include <sprout/random.h>     /* GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE */

/* getrandom(): prototype from the kernel's system-call table. */
#define __SYSCALLS_sys_random __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_random

/* Up to 256 bytes at once, all or nothing (libc/random.c). */
int getentropy(void *buf, size_t length);

#endif
