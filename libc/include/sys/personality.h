#ifndef _SYS_PERSONALITY_H
#define _SYS_PERSONALITY_H

#include <sprout/personality.h>

/* personality(): prototype from the kernel's system-call table. */
#define __SYSCALLS_sys_personality __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_personality

#endif
