/*
 * The *at() calls that look at or change a file's attributes from a
 * directory fd: fstatat, statx, faccessat (and faccessat2's flags),
 * fchmodat, fchownat, utimensat (and its time64 form), futimesat; with
 * AT_SYMLINK_NOFOLLOW acting on a link itself, AT_EMPTY_PATH on dirfd's
 * own file, and Linux's errors (EBADF, ENOTDIR, EINVAL, EFAULT, ENOENT,
 * EACCES).
 */
#define _GNU_SOURCE
#include "f_test.h"
#include <sys/time.h>

#define BAD ((void *)0x1000)            /* user space, never mapped */
#define NR_fchmodat 306                 /* the raw calls, by number */
#define NR_faccessat 307
#define NR_futimesat 299
#define NR_utimensat_time64 412

struct kernel_timespec64 {              /* __kernel_timespec */
	long long tv_sec;
	long long tv_nsec;
};

static int dfd, filefd;

static struct stat stat_of(int dirfd, const char *path, int flags)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	fstatat(dirfd, path, &st, flags);
	return st;
}

static void fstatat_cases(void)
{
	struct stat st, f;

	stat("d/f", &f);
	EXPECT("fstatat: from dirfd", fstatat(dfd, "f", &st, 0) == 0 &&
	       st.st_ino == f.st_ino && st.st_size == 5);
	EXPECT("fstatat AT_SYMLINK_NOFOLLOW: the link itself",
	       S_ISLNK(stat_of(dfd, "ln", AT_SYMLINK_NOFOLLOW).st_mode) &&
	       stat_of(dfd, "ln", 0).st_ino == f.st_ino);
	EXPECT("fstatat AT_EMPTY_PATH: dirfd's own file",
	       fstatat(filefd, "", &st, AT_EMPTY_PATH) == 0 && st.st_ino == f.st_ino);
	EXPECT("fstatat AT_EMPTY_PATH with AT_FDCWD: the cwd",
	       fstatat(AT_FDCWD, "", &st, AT_EMPTY_PATH) == 0 &&
	       st.st_ino == stat_of(AT_FDCWD, ".", 0).st_ino);
	EXPECT_ERR("fstatat \"\" without AT_EMPTY_PATH: ENOENT",
		   fstatat(dfd, "", &st, 0), ENOENT);
	EXPECT_ERR("fstatat unknown flag: EINVAL", fstatat(dfd, "f", &st, 1),
		   EINVAL);
	EXPECT_ERR("fstatat bad dirfd: EBADF", fstatat(999, "f", &st, 0), EBADF);
	EXPECT_ERR("fstatat dirfd a file: ENOTDIR", fstatat(filefd, "f", &st, 0),
		   ENOTDIR);
	EXPECT_ERR("fstatat bad path: EFAULT", fstatat(dfd, BAD, &st, 0), EFAULT);
}

static void statx_cases(void)
{
	struct statx sx;
	struct stat f = stat_of(dfd, "f", 0);

	EXPECT("struct statx: 256 bytes", sizeof(struct statx) == 256);
	memset(&sx, 0xff, sizeof(sx));
	EXPECT("statx: the basic fields, as stat says them",
	       statx(dfd, "f", 0, STATX_BASIC_STATS, &sx) == 0 &&
	       (sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS &&
	       sx.stx_ino == f.st_ino && sx.stx_size == 5 &&
	       sx.stx_mode == f.st_mode && sx.stx_nlink == f.st_nlink &&
	       sx.stx_mtime.tv_sec == f.st_mtime && sx.stx_blksize == (unsigned)f.st_blksize &&
	       sx.stx_uid == f.st_uid && ((unsigned char *)&sx)[255] == 0);
	EXPECT("statx: no birth time on ext2", !(sx.stx_mask & STATX_BTIME));
	EXPECT("statx: st_dev as major and minor",
	       sx.stx_dev_major == (f.st_dev >> 8 & 0xfff) &&
	       sx.stx_dev_minor == (f.st_dev & 0xff));
	EXPECT("statx AT_SYMLINK_NOFOLLOW: the link",
	       statx(dfd, "ln", AT_SYMLINK_NOFOLLOW, STATX_TYPE, &sx) == 0 &&
	       S_ISLNK(sx.stx_mode));
	EXPECT("statx AT_EMPTY_PATH: the open file",
	       statx(filefd, "", AT_EMPTY_PATH, STATX_INO, &sx) == 0 &&
	       sx.stx_ino == f.st_ino);
	EXPECT("statx AT_STATX_FORCE_SYNC accepted",
	       statx(dfd, "f", AT_STATX_FORCE_SYNC, STATX_SIZE, &sx) == 0);
	EXPECT_ERR("statx FORCE_SYNC|DONT_SYNC: EINVAL",
		   statx(dfd, "f", AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC,
			 STATX_SIZE, &sx), EINVAL);
	EXPECT_ERR("statx reserved mask bit: EINVAL",
		   statx(dfd, "f", 0, STATX__RESERVED, &sx), EINVAL);
	EXPECT_ERR("statx unknown flag: EINVAL", statx(dfd, "f", 1, 0, &sx),
		   EINVAL);
	EXPECT_ERR("statx bad buffer: EFAULT",
		   statx(dfd, "f", 0, STATX_BASIC_STATS, BAD), EFAULT);
	EXPECT_ERR("statx missing: ENOENT", statx(dfd, "no", 0, 0, &sx), ENOENT);
	EXPECT_ERR("statx bad dirfd: EBADF", statx(999, "f", 0, 0, &sx), EBADF);
}

static void access_cases(void)
{
	EXPECT("faccessat R_OK|W_OK from dirfd",
	       faccessat(dfd, "f", R_OK | W_OK, 0) == 0);
	EXPECT_ERR("faccessat X_OK on a 0644 file: EACCES",
		   faccessat(dfd, "f", X_OK, 0), EACCES);
	EXPECT("faccessat AT_EACCESS", faccessat(dfd, "f", R_OK, AT_EACCESS) == 0);
	EXPECT("faccessat AT_SYMLINK_NOFOLLOW on a dangling link",
	       faccessat(dfd, "dangling", F_OK, AT_SYMLINK_NOFOLLOW) == 0);
	EXPECT_ERR("faccessat follows a dangling link: ENOENT",
		   faccessat(dfd, "dangling", F_OK, 0), ENOENT);
	EXPECT_ERR("faccessat bad mode: EINVAL", faccessat(dfd, "f", 8, 0), EINVAL);
	EXPECT_ERR("faccessat unknown flag: EINVAL", faccessat(dfd, "f", F_OK, 1),
		   EINVAL);
	EXPECT_ERR("faccessat dirfd a file: ENOTDIR",
		   faccessat(filefd, "f", F_OK, 0), ENOTDIR);
	EXPECT("faccessat (307, no flags argument)",
	       syscall(NR_faccessat, dfd, "f", R_OK) == 0);
}

static void chmod_chown_cases(void)
{
	EXPECT("fchmodat from dirfd", fchmodat(dfd, "f", 0600, 0) == 0 &&
	       (stat_of(dfd, "f", 0).st_mode & 07777) == 0600);
	EXPECT("fchmodat follows a link to its file",
	       fchmodat(dfd, "ln", 0640, 0) == 0 &&
	       (stat_of(dfd, "f", 0).st_mode & 07777) == 0640 &&
	       (stat_of(dfd, "ln", AT_SYMLINK_NOFOLLOW).st_mode & 07777) == 0777);
	EXPECT("fchmodat (306, three arguments)",
	       syscall(NR_fchmodat, dfd, "f", 0644) == 0 &&
	       (stat_of(dfd, "f", 0).st_mode & 07777) == 0644);
	EXPECT_ERR("fchmodat unknown flag: EINVAL", fchmodat(dfd, "f", 0644, 1),
		   EINVAL);
	EXPECT_ERR("fchmodat bad dirfd: EBADF", fchmodat(999, "f", 0644, 0), EBADF);
	EXPECT("fchownat from dirfd", fchownat(dfd, "f", 1000, 100, 0) == 0 &&
	       stat_of(dfd, "f", 0).st_uid == 1000 &&
	       stat_of(dfd, "f", 0).st_gid == 100);
	EXPECT("fchownat AT_SYMLINK_NOFOLLOW: the link only",
	       fchownat(dfd, "ln", 7, 8, AT_SYMLINK_NOFOLLOW) == 0 &&
	       stat_of(dfd, "ln", AT_SYMLINK_NOFOLLOW).st_uid == 7 &&
	       stat_of(dfd, "f", 0).st_uid == 1000);
	EXPECT("fchownat -1 keeps that id", fchownat(dfd, "f", -1, 0, 0) == 0 &&
	       stat_of(dfd, "f", 0).st_uid == 1000 && stat_of(dfd, "f", 0).st_gid == 0);
	EXPECT("fchownat AT_EMPTY_PATH: the open file",
	       fchownat(filefd, "", 0, 0, AT_EMPTY_PATH) == 0 &&
	       stat_of(dfd, "f", 0).st_uid == 0);
	fchmodat(dfd, "f", 06755, 0);
	EXPECT("fchownat takes back set-user-ID and set-group-ID",
	       fchownat(dfd, "f", 0, 0, 0) == 0 &&
	       (stat_of(dfd, "f", 0).st_mode & 07777) == 0755);
	fchmodat(dfd, "f", 0644, 0);
	EXPECT_ERR("fchownat unknown flag: EINVAL", fchownat(dfd, "f", 0, 0, 1),
		   EINVAL);
	EXPECT_ERR("fchownat missing: ENOENT", fchownat(dfd, "no", 0, 0, 0), ENOENT);
}

static void times_cases(void)
{
	struct timespec ts[2] = { { 1000, 0 }, { 2000, 0 } };
	struct timeval tv[2] = { { 3000, 5 }, { 4000, 999999 } };
	struct kernel_timespec64 t64[2] = { { 5000, 0 }, { 6000, 0 } };
	struct stat st;

	EXPECT("utimensat from dirfd", utimensat(dfd, "f", ts, 0) == 0 &&
	       (st = stat_of(dfd, "f", 0)).st_atime == 1000 && st.st_mtime == 2000);
	EXPECT("utimensat AT_SYMLINK_NOFOLLOW: the link's times",
	       utimensat(dfd, "ln", ts, AT_SYMLINK_NOFOLLOW) == 0 &&
	       stat_of(dfd, "ln", AT_SYMLINK_NOFOLLOW).st_mtime == 2000);
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_sec = 2500;
	EXPECT("utimensat UTIME_OMIT keeps the access time",
	       utimensat(dfd, "f", ts, 0) == 0 &&
	       (st = stat_of(dfd, "f", 0)).st_atime == 1000 && st.st_mtime == 2500);
	EXPECT_ERR("utimensat unknown flag: EINVAL", utimensat(dfd, "f", ts, 1),
		   EINVAL);
	EXPECT("futimesat from dirfd",
	       syscall(NR_futimesat, dfd, "f", tv) == 0 &&
	       (st = stat_of(dfd, "f", 0)).st_atime == 3000 && st.st_mtime == 4000);
	EXPECT("futimesat NULL path: dirfd's own file",
	       syscall(NR_futimesat, filefd, NULL, NULL) == 0 &&
	       stat_of(dfd, "f", 0).st_mtime > 4000);
	tv[1].tv_usec = 1000000;
	EXPECT_ERR("futimesat microseconds out of range: EINVAL",
		   syscall(NR_futimesat, dfd, "f", tv), EINVAL);
	EXPECT_ERR("futimesat bad dirfd: EBADF",
		   syscall(NR_futimesat, 999, "f", NULL), EBADF);
	EXPECT("utimensat_time64 from dirfd",
	       syscall(NR_utimensat_time64, dfd, "f", t64, 0) == 0 &&
	       (st = stat_of(dfd, "f", 0)).st_atime == 5000 && st.st_mtime == 6000);
	t64[0].tv_nsec = UTIME_NOW;
	t64[1].tv_nsec = UTIME_OMIT;
	EXPECT("utimensat_time64 UTIME_NOW and UTIME_OMIT",
	       syscall(NR_utimensat_time64, dfd, "f", t64, 0) == 0 &&
	       (st = stat_of(dfd, "f", 0)).st_atime > 6000 && st.st_mtime == 6000);
	t64[1].tv_nsec = 1000000000;
	EXPECT_ERR("utimensat_time64 nanoseconds out of range: EINVAL",
		   syscall(NR_utimensat_time64, dfd, "f", t64, 0), EINVAL);
	EXPECT_ERR("utimensat_time64 bad times: EFAULT",
		   syscall(NR_utimensat_time64, dfd, "f", BAD, 0), EFAULT);
	EXPECT_ERR("utimensat_time64 dirfd a file: ENOTDIR",
		   syscall(NR_utimensat_time64, filefd, "f", NULL, 0), ENOTDIR);
}

int main(void)
{
	const char *work = enter_workdir("f_atattr");

	mkdir("d", 0755);
	int fd = open("d/f", O_CREAT | O_WRONLY, 0644);
	write_all(fd, "hello", 5);
	close(fd);
	symlink("f", "d/ln");
	symlink("nowhere", "d/dangling");
	dfd = open("d", O_RDONLY | O_DIRECTORY);
	filefd = open("d/f", O_RDONLY);
	fstatat_cases();
	statx_cases();
	access_cases();
	chmod_chown_cases();
	times_cases();
	close(filefd);
	close(dfd);
	unlink("d/f");
	unlink("d/ln");
	unlink("d/dangling");
	rmdir("d");
	chdir("/");
	EXPECT("cleaned up", rmdir(work) == 0);
	return failures != 0;
}
