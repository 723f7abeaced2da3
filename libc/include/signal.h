/* Signals: the numbers are Linux's. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <sprout/signal.h>

int raise(int sig);

/* kill: prototypes from the kernel's system-call table. */
#define __SYSCALLS_signal __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_signal

#endif
