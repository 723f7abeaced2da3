/*
 * What the fs lab's test program needs: SEEK_DATA and SEEK_HOLE, lseek's
 * two whence values for sparse files (Linux's numbers, which the base
 * tree's <sprout/fcntl.h> does not have yet), and one line of output
 * per case:
 *
 *     ok <case>
 *     FAIL <case> -- <why>
 */
#ifndef _SEEK_LAB_H
#define _SEEK_LAB_H

#ifndef SEEK_DATA
#define SEEK_DATA 3             /* the next byte at or after off that is data */
#define SEEK_HOLE 4             /* the next byte at or after off in a hole */
#endif

#endif
