/* open(2) and fcntl(2) flags, as Linux i386 (octal, asm-generic/fcntl.h). */
#ifndef _SPROUT_FCNTL_H
#define _SPROUT_FCNTL_H

#define O_ACCMODE   00000003
#define O_RDONLY    00000000
#define O_WRONLY    00000001
#define O_RDWR      00000002
#define O_CREAT     00000100
#define O_EXCL      00000200
#define O_NOCTTY    00000400
#define O_TRUNC     00001000
#define O_APPEND    00002000
#define O_NONBLOCK  00004000
#define O_LARGEFILE 00100000
#define O_DIRECTORY 00200000
#define O_NOFOLLOW  00400000
#define O_CLOEXEC   02000000

/* open()'s flags in the system-call table: an int, named so that strace
   prints them as O_ names (kernel/entry/strace.c). */
typedef int open_flags_t;

#define F_DUPFD         0
#define F_GETFD         1
#define F_SETFD         2
#define F_GETFL         3
#define F_SETFL         4
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC      1

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#define R_OK 4
#define W_OK 2
#define X_OK 1
#define F_OK 0

#define AT_FDCWD (-100)            /* an *at() call's dirfd: the cwd */
#define AT_SYMLINK_NOFOLLOW 0x100 /* act on a last symlink itself */
#define AT_REMOVEDIR 0x200        /* (unlinkat) rmdir, not unlink */
#define AT_EACCESS 0x200          /* (faccessat2) the effective ids */
#define AT_SYMLINK_FOLLOW 0x400   /* (linkat) link what a symlink names */
#define AT_NO_AUTOMOUNT 0x800     /* (fstatat) Sprout mounts nothing itself */
#define AT_EMPTY_PATH 0x1000      /* path "": dirfd's own file */
#define AT_STATX_SYNC_AS_STAT 0x0000  /* (statx) how fresh: always fresh */
#define AT_STATX_FORCE_SYNC 0x2000    /*   here, so all three are the same */
#define AT_STATX_DONT_SYNC 0x4000
#define AT_STATX_SYNC_TYPE 0x6000

/* renameat2's flags */
#define RENAME_NOREPLACE (1 << 0) /* EEXIST rather than replace */
#define RENAME_EXCHANGE  (1 << 1) /* the two names swap their files */
#define RENAME_WHITEOUT  (1 << 2) /* (overlay file systems: EINVAL here) */

/* posix_fadvise's advice (fadvise64 250, fadvise64_64 272) */
#define POSIX_FADV_NORMAL     0
#define POSIX_FADV_RANDOM     1
#define POSIX_FADV_SEQUENTIAL 2
#define POSIX_FADV_WILLNEED   3
#define POSIX_FADV_DONTNEED   4
#define POSIX_FADV_NOREUSE    5

#endif
