/*
 * init/: bringing the kernel up (main.c, in numbered steps), the kernel
 * command line (cmdline.c), process 1's start in the kernel
 * (init_process.c) and the boot-time self-tests (ktest.c). The top
 * layer: it may use every subsystem, and none uses it.
 */
#ifndef _INIT_INIT_H
#define _INIT_INIT_H

#include "include/types.h"

/* cmdline.c: "key=value" look-ups in the kernel command line. */
const char *cmdline_get(const char *key);      /* value, or NULL */
bool cmdline_has(const char *key, const char *value);
uint32_t cmdline_uint(const char *key);       /* "key=N": N, else 0 */

/* Process 1's life in the kernel: mount the root, open the console, exec. */
void init_process(void) __attribute__((noreturn));

/* Run the kernel self-test named by "ktest=" on the command line, if any. */
void run_ktest(void);

#endif
