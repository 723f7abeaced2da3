/* Signals: the numbers are Linux's. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <sprout/signal.h>

int kill(pid_t pid, int sig);
int raise(int sig);

#endif
