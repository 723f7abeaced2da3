/*
 * Changing an inode's attributes: its mode (chmod, fchmod), its owner
 * (chown, lchown, fchown and their 16-bit forms), its times (utime,
 * utimes, utimensat). Each change also sets the inode's ctime, the
 * "status change" time, to now: that is what ctime is for.
 *
 * Everyone is root in Sprout, and root may change any file's attributes
 * on Linux too (CAP_FOWNER, CAP_CHOWN), so no permission is checked; a
 * path call follows symbolic links except lchown and fchownat and
 * utimensat with AT_SYMLINK_NOFOLLOW, which change the link itself. The
 * *at() forms start a relative path at a directory fd (namei_sys.c); the
 * old calls are them with AT_FDCWD.
 */
#include "fs/ext2.h"
#include "fs/file.h"
#include "fs/fdtable.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/time.h>
#include <sprout/utime.h>

/* Apply act to the inode an open file refers to, under the fs lock. */
static int fd_inode_op(int fd, int (*act)(struct inode *, void *), void *arg)
{
	struct file *f = fd_lookup(fd);
	int err;

	if (!f || !f->f_inode)
		return -EBADF;
	fs_lock();
	err = act(f->f_inode, arg);
	fs_unlock();
	return err;
}

/* ---- mode ---- */

/* The type stays; the permission, set-id and sticky bits are as given. */
static int set_mode(struct inode *inode, void *mode)
{
	inode->i_mode = (inode->i_mode & S_IFMT) | (*(mode_t *)mode & 07777);
	inode_touch(inode, false);
	return 0;
}

/* fchmodat follows a last symbolic link always: a link's own mode means
   nothing on Linux (glibc's AT_SYMLINK_NOFOLLOW is its own business). */
long sys_fchmodat(int dirfd, const char *upath, mode_t mode)
{
	return path_inode_op_at(dirfd, upath, 0, set_mode, &mode);
}

long sys_chmod(const char *upath, mode_t mode)
{
	return sys_fchmodat(AT_FDCWD, upath, mode);
}

long sys_fchmod(int fd, mode_t mode)
{
	return fd_inode_op(fd, set_mode, &mode);
}

/* ---- owner ---- */

#define NO_CHANGE ((uint32_t)-1)        /* chown's -1: keep this one */

struct owner {
	uint32_t uid, gid;
};

/* As on Linux, giving a file away (even to its owner, even by root)
   takes back the set-user-ID bit, and the set-group-ID bit when it means
   "run as the group" (with group execute; without, it marks mandatory
   locking). Directories keep theirs. */
static int set_owner(struct inode *inode, void *arg)
{
	const struct owner *o = arg;

	if (o->uid != NO_CHANGE)
		inode->i_uid = o->uid;
	if (o->gid != NO_CHANGE)
		inode->i_gid = o->gid;
	if (!S_ISDIR(inode->i_mode)) {
		inode->i_mode &= ~S_ISUID;
		if (inode->i_mode & S_IXGRP)
			inode->i_mode &= ~S_ISGID;
	}
	inode_touch(inode, false);
	return 0;
}

long sys_fchownat(int dirfd, const char *upath, uid_t owner, gid_t group,
		  int flags)
{
	struct owner o = { owner, group };

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	return path_inode_op_at(dirfd, upath, flags, set_owner, &o);
}

long sys_chown32(const char *upath, uid_t owner, gid_t group)
{
	return sys_fchownat(AT_FDCWD, upath, owner, group, 0);
}

long sys_lchown32(const char *upath, uid_t owner, gid_t group)
{
	return sys_fchownat(AT_FDCWD, upath, owner, group, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown32(int fd, uid_t owner, gid_t group)
{
	struct owner o = { owner, group };
	return fd_inode_op(fd, set_owner, &o);
}

/* The old calls take 16-bit ids, whose -1 is 0xffff. */
static uint32_t low2high_id(unsigned int id)
{
	return (uint16_t)id == 0xffff ? NO_CHANGE : (uint16_t)id;
}

long sys_chown(const char *upath, unsigned int owner, unsigned int group)
{
	return sys_chown32(upath, low2high_id(owner), low2high_id(group));
}

long sys_lchown(const char *upath, unsigned int owner, unsigned int group)
{
	return sys_lchown32(upath, low2high_id(owner), low2high_id(group));
}

long sys_fchown(int fd, unsigned int owner, unsigned int group)
{
	return sys_fchown32(fd, low2high_id(owner), low2high_id(group));
}

/* ---- times ---- */

static bool valid_nsec(long nsec)
{
	return (nsec >= 0 && nsec < (long)NSEC_PER_SEC) ||
	       nsec == UTIME_NOW || nsec == UTIME_OMIT;
}

static uint32_t pick_time(const struct timespec *t, uint32_t old,
			  uint32_t now)
{
	if (t->tv_nsec == UTIME_OMIT)
		return old;
	return t->tv_nsec == UTIME_NOW ? now : (uint32_t)t->tv_sec;
}

/* t[0] is the access time, t[1] the modification time; ext2 keeps whole
   seconds, so nanoseconds are dropped. */
static int set_times(struct inode *inode, void *arg)
{
	const struct timespec *t = arg;

	if (!valid_nsec(t[0].tv_nsec) || !valid_nsec(t[1].tv_nsec))
		return -EINVAL;
	inode_touch(inode, false);              /* ctime = now */
	inode->i_atime = pick_time(&t[0], inode->i_atime, inode->i_ctime);
	inode->i_mtime = pick_time(&t[1], inode->i_mtime, inode->i_ctime);
	return 0;
}

/* Both times now: what a NULL times argument means to every form. */
static const struct timespec times_now[2] = {
	{ 0, UTIME_NOW }, { 0, UTIME_NOW }
};

/*
 * What every form comes to: utimensat(dirfd, path, t, flags), t NULL for
 * "both now". A NULL path names dirfd's own file (futimens), as on Linux.
 */
static long do_utimes(int dirfd, const char *upath, const struct timespec *t,
		      int flags)
{
	if (!t)
		t = times_now;
	if (!upath && dirfd != AT_FDCWD)
		return flags ? -EINVAL : fd_inode_op(dirfd, set_times, (void *)t);
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	return path_inode_op_at(dirfd, upath, flags, set_times, (void *)t);
}

/* As on Linux, two UTIME_OMITs do nothing at all, not even look the
   path up. */
static bool omit_both(const struct timespec t[2])
{
	return t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT;
}

long sys_utimensat(int dirfd, const char *upath, const struct timespec *utimes,
		   int flags)
{
	struct timespec t[2];

	if (!utimes)
		return do_utimes(dirfd, upath, NULL, flags);
	if (copy_from_user(t, utimes, sizeof(t)))
		return -EFAULT;
	return omit_both(t) ? 0 : do_utimes(dirfd, upath, t, flags);
}

/* The time64 form: 64-bit seconds and nanoseconds, of which a 32-bit
   kernel keeps the low half (Linux drops the padding the same way). ext2
   counts seconds in 32 bits, so a time past 2106 wraps. */
long sys_utimensat_time64(int dirfd, const char *upath,
			  const struct __kernel_timespec *utimes, int flags)
{
	struct __kernel_timespec kt[2];
	struct timespec t[2];

	if (!utimes)
		return do_utimes(dirfd, upath, NULL, flags);
	if (copy_from_user(kt, utimes, sizeof(kt)))
		return -EFAULT;
	for (int i = 0; i < 2; i++)
		t[i] = (struct timespec){ kt[i].tv_sec, (long)kt[i].tv_nsec };
	return omit_both(t) ? 0 : do_utimes(dirfd, upath, t, flags);
}

/* futimesat and utimes: microseconds, which must be in range (EINVAL;
   UTIME_NOW and UTIME_OMIT are utimensat's only). */
long sys_futimesat(int dirfd, const char *upath, const struct timeval *utimes)
{
	struct timespec t[2];
	struct timeval tv[2];

	if (!utimes)
		return do_utimes(dirfd, upath, NULL, 0);
	if (copy_from_user(tv, utimes, sizeof(tv)))
		return -EFAULT;
	for (int i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
			return -EINVAL;
		t[i] = (struct timespec){ tv[i].tv_sec, tv[i].tv_usec * 1000 };
	}
	return do_utimes(dirfd, upath, t, 0);
}

long sys_utimes(const char *upath, const struct timeval *utimes)
{
	return sys_futimesat(AT_FDCWD, upath, utimes);
}

/* utime: the oldest form, whole seconds. */
long sys_utime(const char *upath, const struct utimbuf *utimes)
{
	struct utimbuf u;
	struct timespec t[2];

	if (!utimes)
		return do_utimes(AT_FDCWD, upath, NULL, 0);
	if (copy_from_user(&u, utimes, sizeof(u)))
		return -EFAULT;
	t[0] = (struct timespec){ u.actime, 0 };
	t[1] = (struct timespec){ u.modtime, 0 };
	return do_utimes(AT_FDCWD, upath, t, 0);
}
