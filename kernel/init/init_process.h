#ifndef _INIT_INIT_PROCESS_H
#define _INIT_INIT_PROCESS_H

/* Process 1's life in the kernel: mount the root, open the console, exec. */
void init_process(void) __attribute__((noreturn));

#endif
