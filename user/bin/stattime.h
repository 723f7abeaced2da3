/*
 * The nanoseconds of a struct stat's times, under either name: POSIX
 * calls them st_mtim.tv_nsec (glibc, for a check on the build machine);
 * Sprout's struct stat is the kernel's, st_mtime_nsec. NSEC(st, m) is
 * st's modify time's nanoseconds (a: access, c: change).
 */
#ifndef STATTIME_H
#define STATTIME_H
#include <sys/stat.h>

#ifdef st_mtime
#define NSEC(st, t) ((st)->st_##t##tim.tv_nsec)
#else
#define NSEC(st, t) ((st)->st_##t##time_nsec)
#endif

#endif
