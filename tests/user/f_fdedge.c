/*
 * The edges of the fd layer: fd numbers at and past NR_OPEN, errno order
 * as Linux has it (lseek, readv/writev), _llseek past the largest file,
 * getdents64 one record at a time and resumed at d_off, getcwd with a
 * buffer of exactly the right size and one byte less.
 */
#include "f_test.h"
#include <dirent.h>
#include <sys/uio.h>

#define NR_OPEN 64
#define SYS_llseek 140
#define SYS_getcwd 183
#define BAD_PTR ((void *)0xC0000000)

static void fd_range(void)
{
	char c;
	EXPECT_ERR("fd NR_OPEN: read is EBADF", read(NR_OPEN, &c, 1), EBADF);
	EXPECT_ERR("fd NR_OPEN: close is EBADF", close(NR_OPEN), EBADF);
	EXPECT_ERR("fd NR_OPEN: dup2 onto it is EBADF", dup2(0, NR_OPEN), EBADF);
	EXPECT_ERR("fd -1: dup2 onto it is EBADF", dup2(0, -1), EBADF);
	EXPECT("dup2 onto NR_OPEN-1 works", dup2(0, NR_OPEN - 1) == NR_OPEN - 1);
	EXPECT_ERR("F_DUPFD from NR_OPEN-1 with it taken: EMFILE",
		   fcntl(0, F_DUPFD, NR_OPEN - 1), EMFILE);
	close(NR_OPEN - 1);
	EXPECT("F_DUPFD from NR_OPEN-1 gives it", fcntl(0, F_DUPFD, NR_OPEN - 1) ==
	       NR_OPEN - 1);
	close(NR_OPEN - 1);
	EXPECT_ERR("F_DUPFD from NR_OPEN: EINVAL", fcntl(0, F_DUPFD, NR_OPEN), EINVAL);
	EXPECT_ERR("F_DUPFD from -1: EINVAL", fcntl(0, F_DUPFD, -1), EINVAL);
}

/* dup2 onto an open fd: the old file is closed, the new one shared. */
static void dup2_open(void)
{
	int a = open("a", O_CREAT | O_RDWR | O_TRUNC, 0644);
	int b = open("b", O_CREAT | O_RDWR | O_TRUNC, 0644);
	int r = dup2(a, b);
	close(a);
	write(b, "xy", 2);
	char buf[8];
	EXPECT("dup2 onto an open fd: writes go to the source's file",
	       r == b && slurp("a", buf, sizeof(buf)) == 2 &&
	       slurp("b", buf, sizeof(buf)) == 0);
	close(b);
	unlink("a");
	unlink("b");
}

/* Linux checks whence before asking the file whether it can seek. */
static void lseek_order(void)
{
	int fd = open("/dev/console", O_RDWR);
	EXPECT_ERR("lseek on a tty with a bad whence: EINVAL", lseek(fd, 0, 7), EINVAL);
	EXPECT_ERR("lseek on a tty: ESPIPE", lseek(fd, 0, SEEK_CUR), ESPIPE);
	close(fd);
}

static long llseek(int fd, long long off, int whence, long long *res)
{
	return syscall(SYS_llseek, fd, (long)(off >> 32), (long)off, res, whence);
}

/* The offset can never pass the largest file (i_size is 32 bits). */
static void llseek_max(void)
{
	int fd = open("big", O_CREAT | O_RDWR | O_TRUNC, 0644);
	long long res = -1;
	EXPECT("_llseek to 4 GiB - 1 works",
	       llseek(fd, 0xffffffffLL, SEEK_SET, &res) == 0 && res == 0xffffffffLL);
	EXPECT_ERR("_llseek to 4 GiB: EINVAL", llseek(fd, 1LL << 32, SEEK_SET, &res),
		   EINVAL);
	EXPECT_ERR("_llseek to 2^63 - 1: EINVAL",
		   llseek(fd, 0x7fffffffffffffffLL, SEEK_SET, &res), EINVAL);
	EXPECT_ERR("_llseek SEEK_CUR by 2^63 - 1: EINVAL",
		   llseek(fd, 0x7fffffffffffffffLL, SEEK_CUR, &res), EINVAL);
	EXPECT("the offset stays where it was",
	       llseek(fd, 0, SEEK_CUR, &res) == 0 && res == 0xffffffffLL);
	close(fd);
	unlink("big");
}

/* readv/writev look at the fd's access mode before anything else. */
static void iov_mode(void)
{
	int fd = open("v", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	char c;
	struct iovec iov = { &c, 0 };
	EXPECT_ERR("readv of nothing on a write-only fd: EBADF", readv(fd, &iov, 0),
		   EBADF);
	EXPECT_ERR("readv of 0 bytes on a write-only fd: EBADF", readv(fd, &iov, 1),
		   EBADF);
	close(fd);
	fd = open("v", O_RDONLY);
	EXPECT_ERR("writev of 0 bytes on a read-only fd: EBADF", writev(fd, &iov, 1),
		   EBADF);
	close(fd);
	unlink("v");
}

/* One record per call, and lseek to a record's d_off resumes after it. */
static void getdents_small(void)
{
	mkdir("d", 0755);
	const char *names[] = { "n1", "n2", "n3", "n4", "n5" };
	for (int i = 0; i < 5; i++) {
		char p[16];
		snprintf(p, sizeof(p), "d/%s", names[i]);
		close(open(p, O_CREAT | O_WRONLY, 0644));
	}
	int fd = open("d", O_RDONLY | O_DIRECTORY);
	long long buf[3];               /* 24 bytes: one record, name < 5 */
	struct linux_dirent64 *one = (void *)buf;
	char seen[7][8];
	long long off[7];
	int n = 0, len, bad = 0;
	while (n < 7 && (len = getdents64(fd, buf, sizeof(buf))) > 0) {
		bad |= len != one->d_reclen;
		snprintf(seen[n], sizeof(seen[n]), "%s", one->d_name);
		off[n++] = one->d_off;
	}
	EXPECT("getdents64 with room for one record: 7 calls, one each",
	       n == 7 && !bad && getdents64(fd, buf, sizeof(buf)) == 0);
	EXPECT("d_off is the offset the next call starts at",
	       lseek(fd, 0, SEEK_CUR) == off[6]);
	lseek(fd, off[2], SEEK_SET);
	len = getdents64(fd, buf, sizeof(buf));
	EXPECT("lseek to a record's d_off resumes at the next record",
	       len > 0 && strcmp(one->d_name, seen[3]) == 0);
	lseek(fd, 0, SEEK_SET);
	EXPECT_ERR("getdents64 with a 0-byte buffer: EINVAL", getdents64(fd, buf, 0),
		   EINVAL);
	EXPECT_ERR("getdents64 into kernel memory: EFAULT",
		   getdents64(fd, BAD_PTR, 256), EFAULT);
	close(fd);
	for (int i = 0; i < 5; i++) {
		char p[16];
		snprintf(p, sizeof(p), "d/%s", names[i]);
		unlink(p);
	}
	rmdir("d");
}

static void getcwd_sizes(const char *dir)
{
	char buf[300];
	long want = strlen(dir) + 1;
	EXPECT("getcwd system call returns the length with the NUL",
	       syscall(SYS_getcwd, buf, sizeof(buf)) == want && strcmp(buf, dir) == 0);
	EXPECT("getcwd into exactly that many bytes",
	       syscall(SYS_getcwd, buf, want) == want);
	EXPECT_ERR("getcwd into one byte less: ERANGE",
		   syscall(SYS_getcwd, buf, want - 1), ERANGE);
	EXPECT_ERR("getcwd with size 0: ERANGE", syscall(SYS_getcwd, buf, 0), ERANGE);
	EXPECT_ERR("getcwd into kernel memory: EFAULT",
		   syscall(SYS_getcwd, BAD_PTR, sizeof(buf)), EFAULT);
}

int main(void)
{
	const char *dir = enter_workdir("f_fdedge");
	fd_range();
	dup2_open();
	lseek_order();
	llseek_max();
	iov_mode();
	getdents_small();
	getcwd_sizes(dir);
	chdir("/");
	EXPECT("f_fdedge: work folder removed", rmdir(dir) == 0);
	return failures != 0;
}
