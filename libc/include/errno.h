/* errno: set by a failing library call; the numbers are Linux's. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <sprout/errno.h>

extern int errno;       /* one process, one thread: a plain global */

#endif
