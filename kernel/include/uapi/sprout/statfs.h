/*
 * What statfs tells about a mounted file system, as Linux i386 lays it
 * out (asm-generic/statfs.h): statfs/fstatfs (99, 100) fill struct statfs,
 * statfs64/fstatfs64 (268, 269) the same with 64-bit counts. Blocks are
 * counted in f_bsize units; f_bavail is what an ordinary user may still
 * use (the root-reserved blocks left out).
 */
#ifndef _SPROUT_STATFS_H
#define _SPROUT_STATFS_H

typedef struct {
	int val[2];
} __kernel_fsid_t;             /* libc: fsid_t */

struct statfs {                 /* 64 bytes */
	unsigned int f_type;    /* the file system's magic: ext2's 0xEF53 */
	unsigned int f_bsize;
	unsigned int f_blocks;  /* data blocks, metadata not counted */
	unsigned int f_bfree;
	unsigned int f_bavail;
	unsigned int f_files;   /* inodes */
	unsigned int f_ffree;
	__kernel_fsid_t f_fsid;
	unsigned int f_namelen; /* the longest name */
	unsigned int f_frsize;
	unsigned int f_flags;   /* ST_* */
	unsigned int f_spare[4];
};

struct statfs64 {               /* 84 bytes */
	unsigned int f_type;
	unsigned int f_bsize;
	unsigned long long f_blocks;
	unsigned long long f_bfree;
	unsigned long long f_bavail;
	unsigned long long f_files;
	unsigned long long f_ffree;
	__kernel_fsid_t f_fsid;
	unsigned int f_namelen;
	unsigned int f_frsize;
	unsigned int f_flags;
	unsigned int f_spare[4];
} __attribute__((packed, aligned(4)));

/* f_flags */
#define ST_RDONLY   0x0001
#define ST_NOSUID   0x0002
#define ST_VALID    0x0020      /* f_flags is filled in */
#define ST_RELATIME 0x1000      /* atime only when older than m/ctime */

#endif
