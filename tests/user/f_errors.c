/*
 * Every error the file system calls promise, each made to happen:
 * ENOENT, EEXIST, ENOTDIR, EISDIR, ENOTEMPTY, EBADF, EMFILE, ENFILE,
 * ENAMETOOLONG, EFAULT, EINVAL, ESPIPE, ENOTTY, ENXIO - and /dev/null
 * and /dev/zero doing what they should.
 */
#include "f_test.h"
#include <dirent.h>
#include <sys/ioctl.h>

#define BAD_PTR ((void *)0xC0000000)    /* the kernel's half */

static void setup(void)
{
	close(open("file", O_CREAT | O_WRONLY, 0644));
	mkdir("dir", 0755);
	mkdir("full", 0755);
	close(open("full/x", O_CREAT | O_WRONLY, 0644));
}

static void cleanup(void)
{
	unlink("full/x");
	rmdir("full");
	rmdir("dir");
	unlink("file");
}

static void enoent(void)
{
	EXPECT_ERR("ENOENT: open a missing file", open("missing", O_RDONLY), ENOENT);
	EXPECT_ERR("ENOENT: O_CREAT in a missing folder",
		   open("nodir/x", O_CREAT | O_WRONLY, 0644), ENOENT);
	EXPECT_ERR("ENOENT: empty path", open("", O_RDONLY), ENOENT);
	struct stat st;
	EXPECT_ERR("ENOENT: stat", stat("missing", &st), ENOENT);
	EXPECT_ERR("ENOENT: unlink", unlink("missing"), ENOENT);
	EXPECT_ERR("ENOENT: rmdir", rmdir("missing"), ENOENT);
	EXPECT_ERR("ENOENT: chdir", chdir("missing"), ENOENT);
	EXPECT_ERR("ENOENT: rename", rename("missing", "other"), ENOENT);
	EXPECT_ERR("ENOENT: access", access("missing", F_OK), ENOENT);
}

static void eexist(void)
{
	EXPECT_ERR("EEXIST: O_CREAT|O_EXCL on a file",
		   open("file", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
	EXPECT_ERR("EEXIST: O_CREAT|O_EXCL on a folder",
		   open("dir", O_CREAT | O_EXCL | O_RDONLY, 0644), EEXIST);
	EXPECT_ERR("EEXIST: mkdir", mkdir("dir", 0755), EEXIST);
	EXPECT_ERR("EEXIST: link onto a name", link("file", "full/x"), EEXIST);
	int fd = open("file", O_CREAT | O_WRONLY, 0644);
	EXPECT("O_CREAT without O_EXCL opens an existing file", fd >= 0);
	close(fd);
}

static void enotdir(void)
{
	EXPECT_ERR("ENOTDIR: a file as a folder", open("file/x", O_RDONLY), ENOTDIR);
	EXPECT_ERR("ENOTDIR: O_DIRECTORY on a file",
		   open("file", O_RDONLY | O_DIRECTORY), ENOTDIR);
	EXPECT_ERR("ENOTDIR: chdir to a file", chdir("file"), ENOTDIR);
	EXPECT_ERR("ENOTDIR: rmdir a file", rmdir("file"), ENOTDIR);
	int fd = open("file", O_RDONLY);
	char buf[256];
	EXPECT_ERR("ENOTDIR: getdents64 on a file", getdents64(fd, buf, sizeof(buf)),
		   ENOTDIR);
	EXPECT_ERR("ENOTDIR: fchdir to a file", fchdir(fd), ENOTDIR);
	close(fd);
	fd = open("dir", O_RDONLY | O_DIRECTORY);
	EXPECT("O_DIRECTORY opens a folder", fd >= 0);
	close(fd);
}

static void eisdir(void)
{
	EXPECT_ERR("EISDIR: open a folder for writing", open("dir", O_WRONLY), EISDIR);
	EXPECT_ERR("EISDIR: open a folder O_RDWR", open("dir", O_RDWR), EISDIR);
	EXPECT_ERR("EISDIR: O_CREAT on a folder", open("dir", O_CREAT | O_RDONLY, 0644),
		   EISDIR);
	int fd = open("dir", O_RDONLY);
	char c;
	EXPECT_ERR("EISDIR: read a folder", read(fd, &c, 1), EISDIR);
	close(fd);
	EXPECT_ERR("EISDIR: unlink a folder", unlink("dir"), EISDIR);
	EXPECT_ERR("EISDIR: truncate a folder", truncate("dir", 0), EISDIR);
}

static void enotempty(void)
{
	EXPECT_ERR("ENOTEMPTY: rmdir a folder with a file", rmdir("full"), ENOTEMPTY);
	EXPECT_ERR("ENOTEMPTY: rename a folder over a full one", rename("dir", "full"),
		   ENOTEMPTY);
}

static void ebadf(void)
{
	char c;
	struct stat st;
	EXPECT_ERR("EBADF: read an unused fd", read(40, &c, 1), EBADF);
	EXPECT_ERR("EBADF: write fd -1", write(-1, &c, 1), EBADF);
	EXPECT_ERR("EBADF: close an unused fd", close(40), EBADF);
	EXPECT_ERR("EBADF: fd far too large", read(1 << 30, &c, 1), EBADF);
	EXPECT_ERR("EBADF: fstat", fstat(40, &st), EBADF);
	EXPECT_ERR("EBADF: lseek", lseek(40, 0, SEEK_SET), EBADF);
	EXPECT_ERR("EBADF: fcntl", fcntl(40, F_GETFD), EBADF);
	EXPECT_ERR("EBADF: fchdir", fchdir(40), EBADF);
	EXPECT_ERR("EBADF: fsync", fsync(40), EBADF);
	int fd = open("file", O_WRONLY);
	EXPECT_ERR("EBADF: read a write-only fd", read(fd, &c, 1), EBADF);
	close(fd);
	EXPECT_ERR("EBADF: close twice", close(fd), EBADF);
	fd = open("file", O_RDONLY);
	EXPECT_ERR("EBADF: write a read-only fd", write(fd, "x", 1), EBADF);
	EXPECT_ERR("EINVAL: ftruncate a read-only fd", ftruncate(fd, 0), EINVAL);
	close(fd);
}

/* Open /dev/null until the table is full; returns the errno. */
static int fill_fd_table(int *opened)
{
	int fd, n = 0;
	while ((fd = open("/dev/null", O_RDONLY)) >= 0)
		n++;
	int err = errno;
	*opened = n;
	return err;
}

static void close_from(int first)
{
	for (int fd = first; fd < 1024; fd++)
		close(fd);
}

static void emfile(void)
{
	int n, err = fill_fd_table(&n);
	if (err == EMFILE)
		ok("EMFILE: open until the fd table is full");
	else
		fail("EMFILE: open until the fd table is full",
		     "after %d opens, errno %d", n, err);
	EXPECT_ERR("EMFILE: dup with a full table", dup(0), EMFILE);
	close_from(3);
	int fd = open("/dev/null", O_RDONLY);
	EXPECT("EMFILE: open works again after closing", fd == 3);
	close(fd);
}

/* ENFILE: one process cannot reach it (its fd table is smaller than the
   system's file table), so each level fills its own fd table, forks,
   and the child - its inherited fds closed, but their files still held
   by the parent - fills a fresh table of new files, until the system's
   table runs out. 0: ENFILE was seen. */
static int enfile_level(int depth)
{
	int n, err = fill_fd_table(&n);
	if (err == ENFILE)
		return 0;
	if (err != EMFILE || depth == 12)
		return 10 + depth;
	pid_t pid = fork();
	if (pid == 0) {
		close_from(3);
		_exit(enfile_level(depth + 1));
	}
	return pid < 0 ? 9 : wait_child(pid);
}

static void enfile(void)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(enfile_level(0));
	int st = wait_child(pid);
	if (st == 0)
		ok("ENFILE: several processes fill the system's file table");
	else
		fail("ENFILE: several processes fill the system's file table",
		     "not reached (status %d)", st);
	int fd = open("/dev/null", O_RDONLY);
	EXPECT("ENFILE: open works again when they exit", fd >= 0);
	close(fd);
}

static void enametoolong(void)
{
	static char path[5000];
	memset(path, 'a', sizeof(path) - 1);
	EXPECT_ERR("ENAMETOOLONG: a path of 4999 bytes", open(path, O_RDONLY),
		   ENAMETOOLONG);
	struct stat st;
	EXPECT_ERR("ENAMETOOLONG: stat", stat(path, &st), ENAMETOOLONG);
	EXPECT_ERR("ENAMETOOLONG: mkdir", mkdir(path, 0755), ENAMETOOLONG);
	path[300] = '\0';
	EXPECT_ERR("ENAMETOOLONG: one name of 300 bytes",
		   open(path, O_CREAT | O_WRONLY, 0644), ENAMETOOLONG);
}

static void efault(void)
{
	void *volatile null = NULL;
	int fd = open("/dev/zero", O_RDWR);
	EXPECT_ERR("EFAULT: open with a bad path pointer", open(BAD_PTR, O_RDONLY), EFAULT);
	EXPECT_ERR("EFAULT: read into kernel memory", read(fd, BAD_PTR, 16), EFAULT);
	EXPECT_ERR("EFAULT: read into NULL", read(fd, null, 16), EFAULT);
	close(fd);
	fd = open("file", O_RDWR);
	EXPECT_ERR("EFAULT: write from kernel memory", write(fd, BAD_PTR, 16), EFAULT);
#ifdef __GLIBC__
	/* glibc's stat() converts struct stat64 in user mode: the bad
	   buffer is its SIGSEGV, not EFAULT (tests/user/check.h). */
	say("skip EFAULT: stat into a bad buffer -- glibc converts it\n");
#else
	EXPECT_ERR("EFAULT: stat into a bad buffer", stat("file", BAD_PTR), EFAULT);
#endif
	EXPECT_ERR("EFAULT: mkdir with a bad path", mkdir(BAD_PTR, 0755), EFAULT);
	close(fd);
}

static void einval_espipe(void)
{
	int fd = open("file", O_RDWR);
	EXPECT_ERR("EINVAL: lseek to a negative offset", lseek(fd, -1, SEEK_SET), EINVAL);
	EXPECT_ERR("EINVAL: lseek with a bad whence", lseek(fd, 0, 7), EINVAL);
	EXPECT("lseek past the end is allowed", lseek(fd, 100, SEEK_END) == 100);
	EXPECT_ERR("EINVAL: truncate to a negative size", truncate("file", -1), EINVAL);
	EXPECT_ERR("EINVAL: access with a bad mode", access("file", 0x80), EINVAL);
	EXPECT_ERR("EINVAL: fcntl with a bad command", fcntl(fd, 12345), EINVAL);
	EXPECT_ERR("ENOTTY: ioctl on a regular file", ioctl(fd, 0x5401, 0), ENOTTY);
	close(fd);
	fd = open("/dev/console", O_RDWR);
	EXPECT("/dev/console opens", fd >= 0);
	EXPECT_ERR("ESPIPE: lseek on /dev/console", lseek(fd, 0, SEEK_CUR), ESPIPE);
	close(fd);
	say("# EXDEV: not reachable, Sprout has one file system\n");
}

static void devices(void)
{
	EXPECT_ERR("ENXIO: a device with no driver",
		   (mknod("nodev", S_IFCHR | 0600, (42 << 8) | 0), open("nodev", O_RDONLY)),
		   ENXIO);
	unlink("nodev");
	char buf[64];
	int fd = open("/dev/null", O_RDWR);
	EXPECT("/dev/null reads end of file", read(fd, buf, sizeof(buf)) == 0);
	EXPECT("/dev/null swallows writes", write(fd, buf, sizeof(buf)) == sizeof(buf));
	close(fd);
	fd = open("/dev/zero", O_RDWR);
	memset(buf, 0x5a, sizeof(buf));
	int zeros = read(fd, buf, sizeof(buf)) == sizeof(buf);
	for (size_t i = 0; i < sizeof(buf); i++)
		zeros &= buf[i] == 0;
	EXPECT("/dev/zero reads zeros", zeros);
	EXPECT("/dev/zero swallows writes", write(fd, buf, 10) == 10);
	close(fd);
}

int main(void)
{
	const char *dir = enter_workdir("f_errors");
	setup();
	enoent();
	eexist();
	enotdir();
	eisdir();
	enotempty();
	ebadf();
	emfile();
	enfile();
	enametoolong();
	efault();
	einval_espipe();
	devices();
	cleanup();
	chdir("/");
	EXPECT("f_errors: work folder removed", rmdir(dir) == 0);
	return failures != 0;
}
