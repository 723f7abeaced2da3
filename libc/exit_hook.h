/*
 * How exit() reaches stdio without naming it. stdio sets __stdio_exit at
 * its first read or write; exit() calls it to flush the buffers. A
 * program that never touches a FILE then does not link stdio at all (and
 * /bin/true stays a few KiB, which makes exec faster).
 */
#ifndef _LIBC_EXIT_HOOK_H
#define _LIBC_EXIT_HOOK_H

extern void (*__stdio_exit)(void);

#endif
