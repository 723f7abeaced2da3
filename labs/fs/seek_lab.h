/*
 * What the fs lab's test programs need that the base tree does not have
 * yet, with Linux's numbers: lseek's two whence values for sparse files,
 * SEEK_DATA and SEEK_HOLE, and fallocate (i386: 324), whose 64-bit
 * offset and length each come in two registers, low half first. Each
 * program prints one line per case (../expect.h); a case checks many
 * things and reports the first that was wrong.
 */
#ifndef _SEEK_LAB_H
#define _SEEK_LAB_H

#include "../expect.h"
#include <unistd.h>

#ifndef SEEK_DATA
#define SEEK_DATA 3             /* the next byte at or after off that is data */
#define SEEK_HOLE 4             /* the next byte at or after off in a hole */
#endif

#define NR_fallocate         324
#define FALLOC_FL_KEEP_SIZE  0x01       /* the size stays */
#define FALLOC_FL_PUNCH_HOLE 0x02       /* free the range (with KEEP_SIZE) */

/* fallocate(2): 0, or -1 with errno set. */
static inline int fallocate(int fd, int mode, long long off, long long len)
{
	return syscall(NR_fallocate, fd, mode, (unsigned long)off,
		       (unsigned long)(off >> 32), (unsigned long)len,
		       (unsigned long)(len >> 32));
}

/* The first thing wrong in the current case ("" while all is well). */
static char why[200];

/* The case's line, then a fresh start for the next case. */
static inline void report(const char *name)
{
	expect(name, !why[0], "%s", why);
	why[0] = '\0';
}

#endif
