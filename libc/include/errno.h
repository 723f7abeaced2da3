/* errno: set by a failing library call; the numbers are Linux's. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <sprout/errno.h>

extern __thread int errno;      /* each thread its own (tls.c) */

#endif
