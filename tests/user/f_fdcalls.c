/*
 * File calls on fds that glibc and BusyBox use: dup3, sendfile (and
 * sendfile64), posix_fadvise (fadvise64_64, and fadvise64), syncfs,
 * fdatasync, FIONREAD on pipes, FIFOs and files, the ioctls every fd
 * takes (FIONBIO, FIOCLEX, FIONCLEX), fchdir, getdents64, umask and
 * readlink of /proc/self/exe; with Linux's answers, errors included.
 */
#define _GNU_SOURCE
#include "f_test.h"
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <dirent.h>
#include <sys/mount.h>

#define BAD ((void *)0x1000)            /* user space, never mapped */
#define NR_sendfile64 239
#define NR_fadvise64 250
#define NR_fadvise64_64 272
#define NR_getdents64 220
#define SIZE 10000                      /* more than a page */

static char pattern[SIZE];

static int open_file(const char *path, const void *data, size_t n)
{
	int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0644);
	write_all(fd, data, n);
	lseek(fd, 0, SEEK_SET);
	return fd;
}

static int same_as(const char *path, const char *want, size_t n)
{
	static char buf[SIZE + 1];
	return slurp(path, buf, sizeof(buf)) == (long)n && memcmp(buf, want, n) == 0;
}

static void dup3_cases(void)
{
	int fd = open("in", O_RDONLY);

	EXPECT("dup3 O_CLOEXEC: the new fd is close-on-exec",
	       dup3(fd, 20, O_CLOEXEC) == 20 && fcntl(20, F_GETFD) == FD_CLOEXEC);
	EXPECT("dup3 0: not close-on-exec, replacing fd 20",
	       dup3(fd, 20, 0) == 20 && fcntl(20, F_GETFD) == 0);
	EXPECT_ERR("dup3 oldfd == newfd: EINVAL", dup3(fd, fd, 0), EINVAL);
	EXPECT_ERR("dup3 unknown flag: EINVAL", dup3(fd, 21, O_NONBLOCK), EINVAL);
	EXPECT_ERR("dup3 bad oldfd: EBADF", dup3(99, 21, 0), EBADF);
	EXPECT_ERR("dup3 newfd -1: EBADF", dup3(fd, -1, 0), EBADF);
	EXPECT("dup2 oldfd == newfd: newfd", dup2(fd, fd) == fd);
	EXPECT_ERR("dup2 a closed fd onto itself: EBADF", dup2(99, 99), EBADF);
	close(20);
	close(fd);
}

static void sendfile_cases(void)
{
	int in = open("in", O_RDONLY), out = open_file("out", "", 0);
	off_t off = 100;
	int p[2];
	char buf[64];

	EXPECT("sendfile: all of a file to a file, from in's offset",
	       sendfile(out, in, NULL, SIZE) == SIZE &&
	       same_as("out", pattern, SIZE) && lseek(in, 0, SEEK_CUR) == SIZE);
	EXPECT("sendfile at the end: 0", sendfile(out, in, NULL, 10) == 0);
	EXPECT("sendfile with an offset: from there, in's offset left alone",
	       sendfile(out, in, &off, 50) == 50 && off == 150 &&
	       lseek(in, 0, SEEK_CUR) == SIZE && lseek(out, 0, SEEK_CUR) == SIZE + 50 &&
	       pread(out, buf, 50, SIZE) == 50 && memcmp(buf, pattern + 100, 50) == 0);
	pipe(p);
	off = 7;
	EXPECT("sendfile into a pipe", sendfile(p[1], in, &off, 20) == 20 &&
	       read(p[0], buf, sizeof(buf)) == 20 && memcmp(buf, pattern + 7, 20) == 0);
	long long off64 = 9000;
	EXPECT("sendfile64: a 64-bit offset, moved on",
	       syscall(NR_sendfile64, p[1], in, &off64, 5000) == 1000 &&
	       off64 == SIZE);
	EXPECT_ERR("sendfile from a pipe: EINVAL", sendfile(out, p[0], NULL, 5),
		   EINVAL);
	int wo = open("out", O_WRONLY);
	EXPECT_ERR("sendfile in not readable: EBADF", sendfile(p[1], wo, NULL, 5),
		   EBADF);
	close(wo);
	EXPECT_ERR("sendfile bad in fd: EBADF", sendfile(out, 99, NULL, 5), EBADF);
	EXPECT_ERR("sendfile out not writable: EBADF", sendfile(in, in, NULL, 5),
		   EBADF);
	int app = open("out", O_WRONLY | O_APPEND);
	EXPECT_ERR("sendfile to O_APPEND: EINVAL", sendfile(app, in, &off, 5),
		   EINVAL);
	close(app);
	off = -1;
	EXPECT_ERR("sendfile negative offset: EINVAL", sendfile(out, in, &off, 5),
		   EINVAL);
	EXPECT_ERR("sendfile bad offset pointer: EFAULT",
		   sendfile(out, in, BAD, 5), EFAULT);
	close(p[0]);
	close(p[1]);
	close(in);
	close(out);
}

static void fadvise_cases(void)
{
	int fd = open("in", O_RDONLY), p[2];

	pipe(p);
	EXPECT("posix_fadvise SEQUENTIAL: 0",
	       posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL) == 0);
	EXPECT("posix_fadvise WILLNEED past the end: 0",
	       posix_fadvise(fd, 1 << 20, 4096, POSIX_FADV_WILLNEED) == 0);
	EXPECT("posix_fadvise unknown advice: EINVAL",
	       posix_fadvise(fd, 0, 0, 99) == EINVAL);
	EXPECT_ERR("fadvise64_64 (272) negative length: EINVAL",
		   syscall(NR_fadvise64_64, fd, 0, 0, -1, -1, POSIX_FADV_NORMAL),
		   EINVAL);
	EXPECT("fadvise64_64 (272) a 64-bit length: 0",
	       syscall(NR_fadvise64_64, fd, 0, 0, 0, 1, POSIX_FADV_NORMAL) == 0);
	EXPECT("posix_fadvise on a pipe: ESPIPE",
	       posix_fadvise(p[0], 0, 0, POSIX_FADV_NORMAL) == ESPIPE);
	EXPECT("posix_fadvise bad fd: EBADF",
	       posix_fadvise(99, 0, 0, POSIX_FADV_NORMAL) == EBADF);
	EXPECT("fadvise64 (250): 0",
	       syscall(NR_fadvise64, fd, 0, 0, 100, POSIX_FADV_DONTNEED) == 0);
	EXPECT("syncfs: 0", syncfs(fd) == 0);
	EXPECT_ERR("syncfs bad fd: EBADF", syncfs(99), EBADF);
	EXPECT("fdatasync: 0", fdatasync(fd) == 0);
	EXPECT_ERR("fdatasync on a pipe: EINVAL", fdatasync(p[1]), EINVAL);
	EXPECT_ERR("fdatasync bad fd: EBADF", fdatasync(99), EBADF);
	close(p[0]);
	close(p[1]);
	close(fd);
}

static void fionread_cases(void)
{
	int p[2], n = -1;
	char buf5[5];

	pipe(p);
	EXPECT("FIONREAD on an empty pipe: 0", ioctl(p[0], FIONREAD, &n) == 0 &&
	       n == 0);
	write(p[1], "hello", 5);
	EXPECT("FIONREAD: the bytes waiting", ioctl(p[0], FIONREAD, &n) == 0 &&
	       n == 5);
	EXPECT("FIONREAD on the write end too", ioctl(p[1], FIONREAD, &n) == 0 &&
	       n == 5);
	EXPECT_ERR("FIONREAD bad pointer: EFAULT", ioctl(p[0], FIONREAD, BAD),
		   EFAULT);
	EXPECT_ERR("another ioctl on a pipe: ENOTTY", ioctl(p[0], TIOCGWINSZ, &n),
		   ENOTTY);
	int on = 1;
	char c;
	EXPECT("FIONBIO 1: O_NONBLOCK on, an empty read is EAGAIN",
	       read(p[0], buf5, 5) == 5 && ioctl(p[0], FIONBIO, &on) == 0 &&
	       (fcntl(p[0], F_GETFL) & O_NONBLOCK) && read(p[0], &c, 1) == -1 &&
	       errno == EAGAIN);
	on = 0;
	EXPECT("FIONBIO 0: O_NONBLOCK off", ioctl(p[0], FIONBIO, &on) == 0 &&
	       !(fcntl(p[0], F_GETFL) & O_NONBLOCK));
	EXPECT_ERR("FIONBIO bad pointer: EFAULT", ioctl(p[0], FIONBIO, BAD), EFAULT);
	EXPECT("FIOCLEX: close-on-exec on", ioctl(p[0], FIOCLEX) == 0 &&
	       fcntl(p[0], F_GETFD) == FD_CLOEXEC);
	EXPECT("FIONCLEX: close-on-exec off", ioctl(p[0], FIONCLEX) == 0 &&
	       fcntl(p[0], F_GETFD) == 0);
	close(p[0]);
	close(p[1]);
	int fd = open("in", O_RDONLY);
	lseek(fd, 100, SEEK_SET);
	EXPECT("FIONREAD on a file: the bytes from the offset to the end",
	       ioctl(fd, FIONREAD, &n) == 0 && n == SIZE - 100);
	close(fd);
	mkfifo("fifo", 0600);
	int r = open("fifo", O_RDONLY | O_NONBLOCK), w = open("fifo", O_WRONLY);
	write(w, "abc", 3);
	EXPECT("FIONREAD on a FIFO", ioctl(r, FIONREAD, &n) == 0 && n == 3);
	close(r);
	close(w);
	unlink("fifo");
}

/* getdents64's records, as Linux lays them out. */
struct dirent64_rec {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static void dir_cases(const char *work)
{
	char buf[1024], cwd[300];
	int dfd = open(".", O_RDONLY | O_DIRECTORY), fd = open("in", O_RDONLY);
	long n = syscall(NR_getdents64, dfd, buf, sizeof(buf));
	int seen = 0;

	for (long at = 0; n > 0 && at < n;) {
		struct dirent64_rec *d = (void *)(buf + at);
		if (strcmp(d->d_name, "in") == 0 && d->d_type == DT_REG)
			seen |= 1;
		if (strcmp(d->d_name, "..") == 0 && d->d_type == DT_DIR)
			seen |= 2;
		at += d->d_reclen;
	}
	EXPECT("getdents64: names with their types", seen == 3);
	EXPECT("getdents64 at the end: 0",
	       syscall(NR_getdents64, dfd, buf, sizeof(buf)) == 0);
	lseek(dfd, 0, SEEK_SET);
	EXPECT_ERR("getdents64 buffer too small: EINVAL",
		   syscall(NR_getdents64, dfd, buf, 8), EINVAL);
	EXPECT_ERR("getdents64 on a file: ENOTDIR",
		   syscall(NR_getdents64, fd, buf, sizeof(buf)), ENOTDIR);
	EXPECT_ERR("getdents64 bad fd: EBADF",
		   syscall(NR_getdents64, 99, buf, sizeof(buf)), EBADF);
	chdir("/");
	EXPECT("fchdir: back into the folder", fchdir(dfd) == 0 &&
	       getcwd(cwd, sizeof(cwd)) && strcmp(cwd, work) == 0);
	EXPECT_ERR("fchdir to a file: ENOTDIR", fchdir(fd), ENOTDIR);
	EXPECT_ERR("fchdir bad fd: EBADF", fchdir(99), EBADF);
	close(fd);
	close(dfd);
}

static void misc_cases(void)
{
	char exe[300];
	struct stat a, b;
	/* As process 1 we find /proc not mounted yet: mount it for this. */
	int mounted = getpid() == 1 && mount("proc", "/proc", "proc", 0, NULL) == 0;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	exe[n > 0 ? n : 0] = '\0';
	if (n > 0 && exe[0] == '/' && strstr(exe, "f_fdcalls") &&
	    stat(exe, &a) == 0 && stat("/proc/self/exe", &b) == 0 &&
	    a.st_ino == b.st_ino)
		ok("readlink /proc/self/exe: this program's absolute path");
	else
		fail("readlink /proc/self/exe: this program's absolute path",
		     "gave %ld \"%s\" (errno %d)", (long)n, exe, errno);
	if (mounted)
		umount("/proc");
	mode_t old = umask(027);
	EXPECT("umask returns the old mask", umask(022) == 027);
	int fd = open("masked", O_CREAT | O_WRONLY, 0666);
	struct stat st;
	EXPECT("umask takes bits from a new file", fstat(fd, &st) == 0 &&
	       (st.st_mode & 0777) == 0644);
	EXPECT("umask keeps only the permission bits",
	       (umask(07777), umask(old)) == 0777);
	close(fd);
	unlink("masked");
}

int main(void)
{
	const char *work = enter_workdir("f_fdcalls");

	for (int i = 0; i < SIZE; i++)
		pattern[i] = 'a' + (i * 7 + i / 13) % 26;
	close(open_file("in", pattern, SIZE));
	dup3_cases();
	sendfile_cases();
	fadvise_cases();
	fionread_cases();
	dir_cases(work);
	misc_cases();
	unlink("in");
	unlink("out");
	chdir("/");
	EXPECT("cleaned up", rmdir(work) == 0);
	return failures != 0;
}
