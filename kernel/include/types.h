/*
 * Basic kernel types. The compiler's freestanding headers give us the
 * fixed-width integers; this file adds the few Unix names the kernel uses.
 */
#ifndef _SPROUT_TYPES_H
#define _SPROUT_TYPES_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdarg.h>

#if __STDC_HOSTED__            /* host unit tests: the C library has these */
#include <sys/types.h>
#else
typedef int32_t  pid_t;
typedef int32_t  ssize_t;
/* The other names the system-call table uses, sized as libc has them. */
typedef uint32_t mode_t;
typedef uint32_t dev_t;
typedef uint32_t uid_t;
typedef uint32_t gid_t;
typedef uint32_t id_t;          /* a pid, a group or a user (setpriority) */
typedef long     off_t;
typedef long     time_t;
typedef long     clock_t;        /* times(): clock ticks */
typedef int      clockid_t;
#endif
typedef int64_t  loff_t;
typedef uint32_t phys_addr_t;   /* a physical address (32-bit, no PAE) */

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a)   (((x) + (a) - 1) & ~((a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((a) - 1))
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#endif
