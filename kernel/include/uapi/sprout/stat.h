/*
 * File modes and struct stat, as Linux i386 (asm/stat.h): stat/lstat/fstat
 * (106-108) fill struct stat; stat64/lstat64/fstat64 (195-197) fill
 * struct stat64.
 */
#ifndef _SPROUT_STAT_H
#define _SPROUT_STAT_H

#define S_IFMT   0170000
#define S_IFSOCK 0140000
#define S_IFLNK  0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000
#define S_ISUID  0004000
#define S_ISGID  0002000
#define S_ISVTX  0001000

#define S_ISLNK(m)  (((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)  (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)  (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)  (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)  (((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)

#define S_IRWXU 00700
#define S_IRUSR 00400
#define S_IWUSR 00200
#define S_IXUSR 00100
#define S_IRWXG 00070
#define S_IRGRP 00040
#define S_IWGRP 00020
#define S_IXGRP 00010
#define S_IRWXO 00007
#define S_IROTH 00004
#define S_IWOTH 00002
#define S_IXOTH 00001

/* utimensat's tv_nsec may say, instead of a time: */
#define UTIME_NOW  ((1l << 30) - 1l)    /* the current time */
#define UTIME_OMIT ((1l << 30) - 2l)    /* leave this one as it is */

struct stat {                   /* 64 bytes */
	unsigned long  st_dev;
	unsigned long  st_ino;
	unsigned short st_mode;
	unsigned short st_nlink;
	unsigned short st_uid;
	unsigned short st_gid;
	unsigned long  st_rdev;
	unsigned long  st_size;
	unsigned long  st_blksize;
	unsigned long  st_blocks;
	unsigned long  st_atime;
	unsigned long  st_atime_nsec;
	unsigned long  st_mtime;
	unsigned long  st_mtime_nsec;
	unsigned long  st_ctime;
	unsigned long  st_ctime_nsec;
	unsigned long  __unused4;
	unsigned long  __unused5;
};

struct stat64 {                 /* 96 bytes */
	unsigned long long st_dev;
	unsigned char  __pad0[4];
	unsigned long  __st_ino;
	unsigned int   st_mode;
	unsigned int   st_nlink;
	unsigned long  st_uid;
	unsigned long  st_gid;
	unsigned long long st_rdev;
	unsigned char  __pad3[4];
	long long      st_size;
	unsigned long  st_blksize;
	unsigned long long st_blocks;   /* 512-byte units */
	unsigned long  st_atime;
	unsigned long  st_atime_nsec;
	unsigned long  st_mtime;
	unsigned int   st_mtime_nsec;
	unsigned long  st_ctime;
	unsigned long  st_ctime_nsec;
	unsigned long long st_ino;
} __attribute__((packed));

/*
 * statx (383): the stat that can grow. The caller names the fields it
 * wants (mask); the kernel says in stx_mask which it filled (Linux fills
 * the basic ones whatever was asked). Times have 64-bit seconds, device
 * numbers come as major and minor. 256 bytes, the same on every
 * architecture.
 */
#define STATX_TYPE        0x0001U
#define STATX_MODE        0x0002U
#define STATX_NLINK       0x0004U
#define STATX_UID         0x0008U
#define STATX_GID         0x0010U
#define STATX_ATIME       0x0020U
#define STATX_MTIME       0x0040U
#define STATX_CTIME       0x0080U
#define STATX_INO         0x0100U
#define STATX_SIZE        0x0200U
#define STATX_BLOCKS      0x0400U
#define STATX_BASIC_STATS 0x07ffU   /* all of the above: what stat gives */
#define STATX_BTIME       0x0800U   /* creation time: ext2 has none */
#define STATX_ALL         0x0fffU
#define STATX__RESERVED   0x80000000U   /* asking for it is EINVAL */

struct statx_timestamp {
	long long tv_sec;
	unsigned int tv_nsec;
	int __reserved;
};

struct statx {
	unsigned int stx_mask;              /* the fields filled */
	unsigned int stx_blksize;
	unsigned long long stx_attributes;
	unsigned int stx_nlink;
	unsigned int stx_uid;
	unsigned int stx_gid;
	unsigned short stx_mode;
	unsigned short __spare0[1];
	unsigned long long stx_ino;
	unsigned long long stx_size;
	unsigned long long stx_blocks;      /* 512-byte units */
	unsigned long long stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	unsigned int stx_rdev_major, stx_rdev_minor;
	unsigned int stx_dev_major, stx_dev_minor;
	unsigned long long stx_mnt_id;
	unsigned int stx_dio_mem_align, stx_dio_offset_align;
	unsigned long long __spare3[12];
};

#endif
