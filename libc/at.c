/*
 * The *at() functions whose C interface differs from their system call:
 * fstatat (struct stat from the kernel's stat64), fchmodat and faccessat
 * (a flags argument the old system calls lack), and posix_fadvise (its
 * 64-bit offset in two registers; an error number returned, not -1). The others (mkdirat, unlinkat, renameat, linkat, symlinkat,
 * readlinkat, fchownat, ...) are the system calls themselves.
 */
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include <sys/stat.h>
#include "syscall.h"

#define MAX_NON_LFS 0x7fffffffLL        /* the largest st_size struct stat holds */

/* struct stat has 32-bit sizes and inode numbers and 16-bit ids: a file
   that does not fit is EOVERFLOW, as the kernel's own stat says. */
static int stat_from64(const struct stat64 *s, struct stat *st)
{
	if (s->st_size > MAX_NON_LFS || s->st_ino > 0xffffffffULL)
		return -EOVERFLOW;
	*st = (struct stat){
		.st_dev = s->st_dev, .st_ino = s->st_ino,
		.st_mode = s->st_mode, .st_nlink = s->st_nlink,
		.st_uid = s->st_uid > 0xffff ? 65534 : s->st_uid,
		.st_gid = s->st_gid > 0xffff ? 65534 : s->st_gid,
		.st_rdev = s->st_rdev, .st_size = s->st_size,
		.st_blksize = s->st_blksize, .st_blocks = s->st_blocks,
		.st_atime = s->st_atime, .st_atime_nsec = s->st_atime_nsec,
		.st_mtime = s->st_mtime, .st_mtime_nsec = s->st_mtime_nsec,
		.st_ctime = s->st_ctime, .st_ctime_nsec = s->st_ctime_nsec,
	};
	return 0;
}

int fstatat(int dirfd, const char *path, struct stat *buf, int flags)
{
	struct stat64 s;
	long r = __sys_fstatat64(dirfd, path, &s, flags);

	return __syscall_ret(r < 0 ? r : stat_from64(&s, buf));
}

/* Linux keeps no mode for a symbolic link, so AT_SYMLINK_NOFOLLOW can
   only change a file that is not one (glibc's answer for a link:
   EOPNOTSUPP). */
int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	struct stat64 s;
	long r;

	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return __syscall_ret(-EINVAL);
	if (flags) {
		r = __sys_fstatat64(dirfd, path, &s, AT_SYMLINK_NOFOLLOW);
		if (r < 0 || S_ISLNK(s.st_mode))
			return __syscall_ret(r < 0 ? r : -EOPNOTSUPP);
	}
	return __syscall_ret(__sys_fchmodat(dirfd, path, mode));
}

/* faccessat2 (439) takes the flags; faccessat (307) has none. */
int faccessat(int dirfd, const char *path, int mode, int flags)
{
	return __syscall_ret(__sys_faccessat2(dirfd, path, mode, flags));
}

/* As glibc's on i386: fadvise64 (250), whose length is a size_t, so a
   negative len reads as a huge one (not EINVAL). */
int posix_fadvise(int fd, off_t offset, off_t len, int advice)
{
	long long off = offset;

	return -__sys_fadvise64(fd, off, off >> 32, len, advice);
}
