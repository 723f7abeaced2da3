/*
 * Changing what stat shows: chmod/fchmod, chown/lchown/fchown (and the
 * old 16-bit-id calls), utime/utimes/utimensat/futimens; statfs and
 * statvfs; pread/pwrite, which leave the file offset alone. Files are
 * made under /tmp/t_fileattr.
 */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

#define DIR "/tmp/t_fileattr"
#define F DIR "/f"
#define LINK DIR "/link"
#define BAD ((void *)0x1000)            /* user space, never mapped */
#define SYS_chown16 182                 /* Linux i386's old chown */
#define SYS_statfs64 268

static struct stat64 st(const char *path)
{
	struct stat64 s;

	memset(&s, 0, sizeof(s));
	if (lstat64(path, &s) < 0)
		printf("FAIL setup -- lstat64 %s: %s\n", path, strerror(errno));
	return s;
}

static void make_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, text, strlen(text)) < 0)
		printf("FAIL setup -- %s: %s\n", path, strerror(errno));
	close(fd);
}

/* r == -1 with errno err */
static void expect_err(const char *name, int r, int err)
{
	int e = errno;

	expect(name, r == -1 && e == err, "returned %d, errno %d (want %d)",
	       r, e, err);
}

/* Wait for the clock's next second, so that a ctime set now differs
   from one set before. */
static void next_second(void)
{
	time_t t = time(NULL);

	while (time(NULL) == t)
		;
}

/* After the call, how the file looks: mode, owners, times. */
#define SHOW(s) "mode %o uid %lu gid %lu atime %ld mtime %ld"
#define FIELDS(s) (s).st_mode, (unsigned long)(s).st_uid,		\
	(unsigned long)(s).st_gid, (long)(s).st_atime, (long)(s).st_mtime

static void modes(void)
{
	struct stat64 before = st(F), s;
	int r, fd;

	next_second();
	r = chmod(F, 04755);
	s = st(F);
	expect("chmod 4755 sets the mode with its set-user-ID bit",
	       r == 0 && (s.st_mode & 07777) == 04755 && S_ISREG(s.st_mode),
	       SHOW(s), FIELDS(s));
	expect("chmod sets ctime to now", s.st_ctime > before.st_ctime,
	       "ctime %ld, before %ld", (long)s.st_ctime,
	       (long)before.st_ctime);
	r = chmod(F, 0177640);
	s = st(F);
	expect("chmod keeps only the 07777 bits",
	       r == 0 && (s.st_mode & 07777) == 07640 && S_ISREG(s.st_mode),
	       SHOW(s), FIELDS(s));
	fd = open(F, O_RDONLY);
	r = fchmod(fd, 0600);
	s = st(F);
	expect("fchmod on a read-only fd sets the mode",
	       r == 0 && (s.st_mode & 07777) == 0600, SHOW(s), FIELDS(s));
	close(fd);
	r = chmod(LINK, 0640);
	s = st(F);
	expect("chmod through a symbolic link changes the target",
	       r == 0 && (s.st_mode & 07777) == 0640 &&
	       S_ISLNK(st(LINK).st_mode), SHOW(s), FIELDS(s));
	expect_err("chmod of a missing file is ENOENT",
		   chmod(DIR "/none", 0644), ENOENT);
	expect_err("chmod of a bad path pointer is EFAULT", chmod(BAD, 0644),
		   EFAULT);
	expect_err("fchmod of a closed fd is EBADF", fchmod(99, 0644), EBADF);
}

static void owners(void)
{
	struct stat64 s, l;
	struct stat old;
	int r, fd;

	chmod(F, 06755);
	r = chown(F, 1000, 2000);
	s = st(F);
	expect("chown sets owner and group, and clears set-user-ID and "
	       "set-group-ID", r == 0 && s.st_uid == 1000 &&
	       s.st_gid == 2000 && (s.st_mode & 07777) == 0755,
	       SHOW(s), FIELDS(s));
	r = chown(F, -1, 3000);
	s = st(F);
	expect("chown -1 leaves that id",
	       r == 0 && s.st_uid == 1000 && s.st_gid == 3000,
	       SHOW(s), FIELDS(s));
	chmod(F, 02745);
	r = chown(F, -1, -1);
	s = st(F);
	expect("without group execute, set-group-ID survives chown",
	       r == 0 && (s.st_mode & 07777) == 02745, SHOW(s), FIELDS(s));
	chmod(DIR, 02755);
	r = chown(DIR, 5, 6);
	s = st(DIR);
	expect("a directory keeps its set-group-ID bit",
	       r == 0 && (s.st_mode & 07777) == 02755, SHOW(s), FIELDS(s));
	chmod(DIR, 0755);
	chown(DIR, 0, 0);
	r = chown(F, 70000, 80000);
	s = st(F);
	expect("owners are 32 bits",
	       r == 0 && s.st_uid == 70000 && s.st_gid == 80000,
	       SHOW(s), FIELDS(s));
	r = stat(F, &old);
	expect("the old struct stat shows a 32-bit owner as 65534",
	       r == 0 && old.st_uid == 65534 && old.st_gid == 65534,
	       "uid %u gid %u", old.st_uid, old.st_gid);
	r = syscall(SYS_chown16, F, 0xffff, 7);
	s = st(F);
	expect("the old 16-bit chown takes 0xffff as -1",
	       r == 0 && s.st_uid == 70000 && s.st_gid == 7,
	       SHOW(s), FIELDS(s));
	r = lchown(LINK, 11, 12);
	s = st(F);
	l = st(LINK);
	expect("lchown changes the link, not its target",
	       r == 0 && l.st_uid == 11 && s.st_uid == 70000,
	       "link %lu, file %lu", (unsigned long)l.st_uid,
	       (unsigned long)s.st_uid);
	fd = open(F, O_RDONLY);
	r = fchown(fd, 0, 0);
	s = st(F);
	expect("fchown sets the owner",
	       r == 0 && s.st_uid == 0 && s.st_gid == 0, SHOW(s), FIELDS(s));
	close(fd);
	expect_err("chown of a missing file is ENOENT",
		   chown(DIR "/none", 0, 0), ENOENT);
	expect_err("fchown of a closed fd is EBADF", fchown(99, 0, 0), EBADF);
}

static void times_set(void)
{
	struct utimbuf u = { 1000000, 2000000 };
	struct timeval tv[2] = { { 3000000, 5 }, { 4000000, 999999 } };
	struct timespec ts[2] = { { 5000000, 0 }, { 0, UTIME_OMIT } };
	struct timespec omit[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
	struct timespec now[2] = { { 0, UTIME_NOW }, { 7, 0 } };
	struct stat64 s, l;
	long t0 = time(NULL);
	int r, fd, dfd;

	r = utime(F, &u);
	s = st(F);
	expect("utime sets the access and modification times",
	       r == 0 && s.st_atime == 1000000 && s.st_mtime == 2000000,
	       SHOW(s), FIELDS(s));
	r = utime(F, NULL);
	s = st(F);
	expect("utime NULL sets both to now", r == 0 &&
	       (long)s.st_atime >= t0 && (long)s.st_mtime >= t0,
	       SHOW(s), FIELDS(s));
	r = utimes(F, tv);
	s = st(F);
	expect("utimes sets whole seconds",
	       r == 0 && s.st_atime == 3000000 && s.st_mtime == 4000000,
	       SHOW(s), FIELDS(s));
	tv[1].tv_usec = 1000000;
	expect_err("utimes with 1000000 microseconds is EINVAL",
		   utimes(F, tv), EINVAL);
	r = utimensat(AT_FDCWD, F, ts, 0);
	s = st(F);
	expect("utimensat UTIME_OMIT leaves mtime",
	       r == 0 && s.st_atime == 5000000 && s.st_mtime == 4000000,
	       SHOW(s), FIELDS(s));
	r = utimensat(AT_FDCWD, F, now, 0);
	s = st(F);
	expect("utimensat UTIME_NOW sets now",
	       r == 0 && (long)s.st_atime >= t0 && s.st_mtime == 7,
	       SHOW(s), FIELDS(s));
	r = utimensat(AT_FDCWD, DIR "/none", omit, 0);
	expect("two UTIME_OMITs do nothing, not even look the path up",
	       r == 0, "errno %d", errno);
	ts[1].tv_nsec = 1000000000;
	expect_err("a nanosecond count of 10^9 is EINVAL",
		   utimensat(AT_FDCWD, F, ts, 0), EINVAL);
	expect_err("an unknown flag is EINVAL",
		   utimensat(AT_FDCWD, F, NULL, 0x4), EINVAL);
	expect_err("utimensat of a missing file is ENOENT",
		   utimensat(AT_FDCWD, DIR "/none", NULL, 0), ENOENT);
	if (!libc_converts("utime with a bad times pointer is EFAULT"))
		expect_err("utime with a bad times pointer is EFAULT",
			   utime(F, BAD), EFAULT);
	ts[1] = (struct timespec){ 8, 0 };
	r = utimensat(AT_FDCWD, LINK, ts, AT_SYMLINK_NOFOLLOW);
	s = st(F);
	l = st(LINK);
	expect("AT_SYMLINK_NOFOLLOW sets the link's times, not the target's",
	       r == 0 && l.st_mtime == 8 && s.st_mtime == 7,
	       "link %ld, file %ld", (long)l.st_mtime, (long)s.st_mtime);
	dfd = open(DIR, O_RDONLY | O_DIRECTORY);
	ts[1].tv_sec = 9;
	r = utimensat(dfd, "f", ts, 0);
	s = st(F);
	expect("a relative path starts at dirfd", r == 0 && s.st_mtime == 9,
	       SHOW(s), FIELDS(s));
	fd = open(F, O_RDONLY);
	expect_err("a dirfd that is no directory is ENOTDIR",
		   utimensat(fd, "f", ts, 0), ENOTDIR);
	expect_err("a closed dirfd is EBADF", utimensat(99, "f", ts, 0),
		   EBADF);
	ts[1].tv_sec = 10;
	r = futimens(fd, ts);
	s = st(F);
	expect("futimens sets the open file's times",
	       r == 0 && s.st_mtime == 10, SHOW(s), FIELDS(s));
	expect_err("futimens of a closed fd is EBADF", futimens(99, ts),
		   EBADF);
	close(fd);
	close(dfd);
}

/* Blocks the file system has free, and inodes. */
static void free_counts(long long *blocks, long long *inodes)
{
	struct statfs s;

	statfs("/", &s);
	*blocks = s.f_bfree;
	*inodes = s.f_ffree;
}

static void file_system(void)
{
	struct statfs s;
	struct statvfs v;
	long long b0, i0, b1, i1;
	char block[1024];
	long buf64[32];
	int fd, ok = 1;

	int r = statfs("/", &s);

	expect("statfs / describes ext2", r == 0 &&
	       (!on_sprout() || (s.f_type == 0xEF53 && s.f_bsize == 1024 &&
				 s.f_namelen == 255)) &&
	       s.f_blocks > 0 && s.f_bfree <= s.f_blocks &&
	       s.f_bavail <= s.f_bfree && s.f_ffree <= s.f_files,
	       "type %#x bsize %u namelen %u blocks %u free %u avail %u",
	       s.f_type, s.f_bsize, s.f_namelen, s.f_blocks, s.f_bfree,
	       s.f_bavail);
	r = statvfs("/", &v);
	expect("statvfs agrees with statfs", r == 0 &&
	       v.f_blocks == s.f_blocks && v.f_frsize == s.f_bsize &&
	       v.f_namemax == s.f_namelen && v.f_files == s.f_files,
	       "blocks %llu frsize %lu", v.f_blocks, v.f_frsize);
	fd = open(F, O_RDONLY);
	expect("fstatvfs and fstatfs work on an open file",
	       fstatvfs(fd, &v) == 0 && fstatfs(fd, &s) == 0 &&
	       v.f_files == s.f_files, "errno %d", errno);
	close(fd);

	/* 64 KiB: 12 direct blocks, then an indirect block and 52 more */
	free_counts(&b0, &i0);
	memset(block, 'x', sizeof(block));
	fd = open(DIR "/big", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	for (int i = 0; i < 64; i++)
		ok &= write(fd, block, sizeof(block)) == sizeof(block);
	close(fd);
	free_counts(&b1, &i1);
	if (on_sprout())
		expect("writing 64 KiB takes 65 blocks (one indirect) and "
		       "one inode from statfs's free counts",
		       ok && b0 - b1 == 65 && i0 - i1 == 1,
		       "%lld blocks, %lld inodes", b0 - b1, i0 - i1);
	unlink(DIR "/big");
	free_counts(&b1, &i1);
	if (on_sprout())
		expect("unlinking it gives them back", b1 == b0 && i1 == i0,
		       "%lld blocks, %lld inodes off", b0 - b1, i0 - i1);

	expect_err("statfs of a missing file is ENOENT",
		   statfs(DIR "/none", &s), ENOENT);
	if (!libc_converts("statfs into a bad pointer is EFAULT"))
		expect_err("statfs into a bad pointer is EFAULT",
			   statfs("/", BAD), EFAULT);
	expect_err("fstatfs of a closed fd is EBADF", fstatfs(99, &s), EBADF);
	expect_err("statfs64 with the wrong struct size is EINVAL",
		   syscall(SYS_statfs64, "/", 10, buf64), EINVAL);
}

static void positioned_io(void)
{
	char buf[16] = "";
	int fd, p[2];

	make_file(F, "0123456789");
	fd = open(F, O_RDWR);
	lseek(fd, 2, SEEK_SET);
	expect("pread reads at its offset and leaves the file's",
	       pread(fd, buf, 3, 5) == 3 && memcmp(buf, "567", 3) == 0 &&
	       lseek(fd, 0, SEEK_CUR) == 2, "read \"%.3s\", offset %ld", buf,
	       (long)lseek(fd, 0, SEEK_CUR));
	expect("pwrite writes at its offset and leaves the file's",
	       pwrite(fd, "ab", 2, 8) == 2 && lseek(fd, 0, SEEK_CUR) == 2 &&
	       pread(fd, buf, 16, 0) == 10 && memcmp(buf, "01234567ab", 10) == 0,
	       "file \"%.10s\"", buf);
	expect("pread at the end reads 0", pread(fd, buf, 4, 10) == 0, "%s",
	       strerror(errno));
	expect_err("a negative offset is EINVAL", pread(fd, buf, 1, -1),
		   EINVAL);
	expect_err("pread into a bad buffer is EFAULT",
		   pread(fd, BAD, 4, 0), EFAULT);
	close(fd);
	fd = open(F, O_WRONLY);
	expect_err("pread on a write-only fd is EBADF", pread(fd, buf, 1, 0),
		   EBADF);
	close(fd);
	pipe(p);
	expect_err("pread on a pipe is ESPIPE", pread(p[0], buf, 1, 0),
		   ESPIPE);
	expect_err("pwrite on a pipe is ESPIPE", pwrite(p[1], "x", 1, 0),
		   ESPIPE);
	close(p[0]);
	close(p[1]);
	expect_err("pread of a closed fd is EBADF", pread(99, buf, 1, 0),
		   EBADF);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	mkdir("/tmp", 0777);
	mkdir(DIR, 0755);
	make_file(F, "data\n");
	unlink(LINK);
	symlink("f", LINK);
	modes();
	owners();
	times_set();
	file_system();
	positioned_io();
	return check_done();
}
