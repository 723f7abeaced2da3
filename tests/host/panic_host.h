/*
 * panic() for host tests. Kernel code that finds a kernel bug calls
 * panic(), which on the machine stops everything; here it hands control
 * back to the test that expected it (panics()), or, when no test did,
 * prints the message and aborts the test program.
 */
#ifndef _TESTS_PANIC_HOST_H
#define _TESTS_PANIC_HOST_H

extern char panic_message[256];         /* what the last panic said */

/* Run fn(arg): 1 if it panicked, 0 if it returned. */
int panics(void (*fn)(void *), void *arg);

#endif
