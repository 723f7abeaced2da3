/* POSIX's statvfs: a file system's size and free space (libc/statvfs.c,
   over Linux's statfs64). Sizes are f_frsize units. */
#ifndef _SYS_STATVFS_H
#define _SYS_STATVFS_H

#include <sys/types.h>

typedef unsigned long long fsblkcnt_t;
typedef unsigned long long fsfilcnt_t;

struct statvfs {
	unsigned long f_bsize;          /* the preferred I/O size */
	unsigned long f_frsize;         /* the unit of the block counts */
	fsblkcnt_t f_blocks;            /* data blocks in all */
	fsblkcnt_t f_bfree;             /* free */
	fsblkcnt_t f_bavail;            /* free for ordinary users */
	fsfilcnt_t f_files;             /* inodes in all */
	fsfilcnt_t f_ffree;             /* free */
	fsfilcnt_t f_favail;            /* free for ordinary users */
	unsigned long f_fsid;
	unsigned long f_flag;           /* ST_RDONLY, ST_NOSUID */
	unsigned long f_namemax;        /* the longest name */
};

#define ST_RDONLY 0x0001
#define ST_NOSUID 0x0002

int statvfs(const char *path, struct statvfs *buf);
int fstatvfs(int fd, struct statvfs *buf);

#endif
