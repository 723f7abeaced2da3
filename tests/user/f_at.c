/*
 * The *at() calls that make and remove names, from a directory fd:
 * openat, mkdirat, mknodat, unlinkat, renameat, renameat2 (NOREPLACE,
 * EXCHANGE), linkat (AT_SYMLINK_FOLLOW, AT_EMPTY_PATH), symlinkat and
 * readlinkat. Each: the path starts at dirfd (which stays right after a
 * chdir and after its directory is renamed), AT_FDCWD is the cwd, an
 * absolute path never looks at dirfd; and Linux's errors: EBADF for a
 * bad dirfd, ENOTDIR for a file's fd, EFAULT, EINVAL for unknown flags,
 * EEXIST, ENOENT.
 */
#define _GNU_SOURCE
#include "f_test.h"

#define BAD ((void *)0x1000)            /* user space, never mapped */

static const char *work;                /* our folder's absolute path */
static int dfd;                         /* "d", opened as a directory */
static int filefd;                      /* "plain", a regular file */

static ino_t ino_of(int dirfd, const char *path, int flags)
{
	struct stat st;
	return fstatat(dirfd, path, &st, flags) == 0 ? st.st_ino : 0;
}

static int has_text(int dirfd, const char *path, const char *want)
{
	char buf[64];
	int fd = openat(dirfd, path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return 0;
	buf[n] = '\0';
	return strcmp(buf, want) == 0;
}

static void put_text(int dirfd, const char *path, const char *text)
{
	int fd = openat(dirfd, path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	write_all(fd, text, strlen(text));
	close(fd);
}

static void open_cases(void)
{
	char abs[300];
	int fd = openat(dfd, "x", O_CREAT | O_WRONLY, 0644);

	EXPECT("openat creates in dirfd's folder", fd >= 0 &&
	       ino_of(AT_FDCWD, "d/x", 0) != 0 && ino_of(AT_FDCWD, "x", 0) == 0);
	write_all(fd, "hello", 5);
	close(fd);
	EXPECT("openat AT_FDCWD: from the cwd", has_text(AT_FDCWD, "d/x", "hello"));
	snprintf(abs, sizeof(abs), "%s/d/x", work);
	EXPECT("openat absolute path: a bad dirfd is not looked at",
	       has_text(999, abs, "hello") && has_text(filefd, abs, "hello"));
	EXPECT_ERR("openat bad dirfd: EBADF", openat(999, "x", O_RDONLY), EBADF);
	EXPECT_ERR("openat dirfd -1: EBADF", openat(-1, "x", O_RDONLY), EBADF);
	EXPECT_ERR("openat dirfd a file: ENOTDIR", openat(filefd, "x", O_RDONLY),
		   ENOTDIR);
	EXPECT_ERR("openat bad path: EFAULT", openat(dfd, BAD, O_RDONLY), EFAULT);
	EXPECT_ERR("openat empty path: ENOENT", openat(dfd, "", O_RDONLY), ENOENT);
	EXPECT_ERR("openat O_EXCL existing: EEXIST",
		   openat(dfd, "x", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
	EXPECT_ERR("openat missing: ENOENT", openat(dfd, "nope", O_RDONLY), ENOENT);
	EXPECT("openat dirfd \"..\": the parent",
	       ino_of(dfd, "..", 0) == ino_of(AT_FDCWD, ".", 0));
	EXPECT("dirfd still right after chdir", chdir("/") == 0 &&
	       has_text(dfd, "x", "hello") && chdir(work) == 0);
	EXPECT("dirfd follows its folder's rename", rename("d", "d2") == 0 &&
	       has_text(dfd, "x", "hello") && rename("d2", "d") == 0);
}

static void mkdir_mknod_cases(void)
{
	struct stat st;
	mode_t old = umask(022);

	EXPECT("mkdirat: a folder in dirfd, mode less umask",
	       mkdirat(dfd, "sub", 0777) == 0 && stat("d/sub", &st) == 0 &&
	       S_ISDIR(st.st_mode) && (st.st_mode & 07777) == 0755);
	EXPECT_ERR("mkdirat existing: EEXIST", mkdirat(dfd, "sub", 0755), EEXIST);
	EXPECT_ERR("mkdirat missing parent: ENOENT", mkdirat(dfd, "no/sub", 0755),
		   ENOENT);
	EXPECT_ERR("mkdirat bad dirfd: EBADF", mkdirat(999, "s", 0755), EBADF);
	EXPECT_ERR("mkdirat dirfd a file: ENOTDIR", mkdirat(filefd, "s", 0755),
		   ENOTDIR);
	EXPECT_ERR("mkdirat bad path: EFAULT", mkdirat(dfd, BAD, 0755), EFAULT);
	EXPECT("mknodat: a FIFO in dirfd",
	       mknodat(dfd, "fifo", S_IFIFO | 0600, 0) == 0 &&
	       stat("d/fifo", &st) == 0 && S_ISFIFO(st.st_mode));
	EXPECT("mkfifoat: a FIFO in dirfd", mkfifoat(dfd, "fifo2", 0600) == 0 &&
	       stat("d/fifo2", &st) == 0 && S_ISFIFO(st.st_mode) &&
	       unlinkat(dfd, "fifo2", 0) == 0);
	EXPECT_ERR("mknodat a directory: EPERM",
		   mknodat(dfd, "dd", S_IFDIR | 0755, 0), EPERM);
	EXPECT_ERR("mknodat existing: EEXIST",
		   mknodat(dfd, "fifo", S_IFIFO | 0600, 0), EEXIST);
	EXPECT_ERR("mknodat bad dirfd: EBADF",
		   mknodat(999, "f2", S_IFIFO | 0600, 0), EBADF);
	umask(old);
}

static void unlink_cases(void)
{
	EXPECT_ERR("unlinkat a folder without AT_REMOVEDIR: EISDIR",
		   unlinkat(dfd, "sub", 0), EISDIR);
	EXPECT_ERR("unlinkat AT_REMOVEDIR on a file: ENOTDIR",
		   unlinkat(dfd, "fifo", AT_REMOVEDIR), ENOTDIR);
	EXPECT_ERR("unlinkat unknown flag: EINVAL", unlinkat(dfd, "fifo", 1),
		   EINVAL);
	EXPECT_ERR("unlinkat missing: ENOENT", unlinkat(dfd, "nope", 0), ENOENT);
	EXPECT_ERR("unlinkat bad dirfd: EBADF", unlinkat(999, "fifo", 0), EBADF);
	EXPECT_ERR("unlinkat dirfd a file: ENOTDIR", unlinkat(filefd, "fifo", 0),
		   ENOTDIR);
	EXPECT("unlinkat removes a file", unlinkat(dfd, "fifo", 0) == 0 &&
	       ino_of(dfd, "fifo", 0) == 0);
	EXPECT("unlinkat AT_REMOVEDIR removes a folder",
	       unlinkat(dfd, "sub", AT_REMOVEDIR) == 0 && ino_of(dfd, "sub", 0) == 0);
}

static void rename_cases(void)
{
	ino_t x = ino_of(dfd, "x", 0);

	EXPECT("renameat: from dirfd to the cwd and back",
	       renameat(dfd, "x", AT_FDCWD, "moved") == 0 &&
	       ino_of(AT_FDCWD, "moved", 0) == x &&
	       renameat(AT_FDCWD, "moved", dfd, "x") == 0 && ino_of(dfd, "x", 0) == x);
	EXPECT_ERR("renameat bad new dirfd: EBADF",
		   renameat(dfd, "x", 999, "y"), EBADF);
	EXPECT_ERR("renameat old dirfd a file: ENOTDIR",
		   renameat(filefd, "x", dfd, "y"), ENOTDIR);
	put_text(dfd, "a", "A");
	put_text(dfd, "b", "B");
	EXPECT_ERR("renameat2 NOREPLACE onto a name: EEXIST",
		   renameat2(dfd, "a", dfd, "b", RENAME_NOREPLACE), EEXIST);
	EXPECT("renameat2 NOREPLACE: both files still there",
	       has_text(dfd, "a", "A") && has_text(dfd, "b", "B"));
	EXPECT("renameat2 NOREPLACE to a new name",
	       renameat2(dfd, "a", dfd, "c", RENAME_NOREPLACE) == 0 &&
	       has_text(dfd, "c", "A") && ino_of(dfd, "a", 0) == 0);
	EXPECT("renameat2 EXCHANGE: the names swap files",
	       renameat2(dfd, "b", dfd, "c", RENAME_EXCHANGE) == 0 &&
	       has_text(dfd, "b", "A") && has_text(dfd, "c", "B"));
	EXPECT_ERR("renameat2 EXCHANGE with a missing name: ENOENT",
		   renameat2(dfd, "b", dfd, "none", RENAME_EXCHANGE), ENOENT);
	EXPECT_ERR("renameat2 NOREPLACE|EXCHANGE: EINVAL",
		   renameat2(dfd, "b", dfd, "c", RENAME_NOREPLACE | RENAME_EXCHANGE),
		   EINVAL);
	EXPECT_ERR("renameat2 unknown flag: EINVAL",
		   renameat2(dfd, "b", dfd, "c", 1 << 5), EINVAL);
	/* A folder and a file in different parents trade places: the
	   folder's ".." must follow, and the parents' link counts. */
	struct stat before, after;
	mkdirat(dfd, "sub2", 0755);
	put_text(AT_FDCWD, "file", "F");
	stat("d", &before);
	EXPECT("renameat2 EXCHANGE a folder and a file across folders",
	       renameat2(dfd, "sub2", AT_FDCWD, "file", RENAME_EXCHANGE) == 0 &&
	       has_text(dfd, "sub2", "F") &&
	       ino_of(AT_FDCWD, "file/..", 0) == ino_of(AT_FDCWD, ".", 0));
	EXPECT("renameat2 EXCHANGE: the old parent lost the folder's link",
	       stat("d", &after) == 0 && after.st_nlink == before.st_nlink - 1);
	mkdir("file/in", 0755);
	EXPECT_ERR("renameat2 EXCHANGE a folder with its own child: EINVAL",
		   renameat2(AT_FDCWD, "file", AT_FDCWD, "file/in", RENAME_EXCHANGE),
		   EINVAL);
	EXPECT_ERR("renameat2 EXCHANGE with \"..\": EBUSY",
		   renameat2(AT_FDCWD, "file", AT_FDCWD, "file/..", RENAME_EXCHANGE),
		   EBUSY);
	rmdir("file/in");
	rmdir("file");
	unlinkat(dfd, "sub2", 0);
	unlinkat(dfd, "b", 0);
	unlinkat(dfd, "c", 0);
}

static void link_cases(void)
{
	struct stat st;
	char buf[64];
	ino_t x = ino_of(dfd, "x", 0);

	EXPECT("linkat: a second name in the cwd",
	       linkat(dfd, "x", AT_FDCWD, "hard", 0) == 0 &&
	       ino_of(AT_FDCWD, "hard", 0) == x && stat("hard", &st) == 0 &&
	       st.st_nlink == 2);
	unlink("hard");
	EXPECT("symlinkat: a link in dirfd", symlinkat("x", dfd, "sl") == 0 &&
	       ino_of(dfd, "sl", AT_SYMLINK_NOFOLLOW) != x &&
	       ino_of(dfd, "sl", 0) == x);
	ssize_t n = readlinkat(dfd, "sl", buf, sizeof(buf));
	EXPECT("readlinkat: the target", n == 1 && buf[0] == 'x');
	EXPECT("linkat without AT_SYMLINK_FOLLOW: the link itself",
	       linkat(dfd, "sl", dfd, "sl2", 0) == 0 &&
	       ino_of(dfd, "sl2", AT_SYMLINK_NOFOLLOW) ==
	       ino_of(dfd, "sl", AT_SYMLINK_NOFOLLOW));
	EXPECT("linkat AT_SYMLINK_FOLLOW: the file it names",
	       linkat(dfd, "sl", dfd, "sl3", AT_SYMLINK_FOLLOW) == 0 &&
	       ino_of(dfd, "sl3", AT_SYMLINK_NOFOLLOW) == x);
	int fd = openat(dfd, "x", O_RDONLY);
	EXPECT("linkat AT_EMPTY_PATH: a name for an open file",
	       linkat(fd, "", dfd, "byfd", AT_EMPTY_PATH) == 0 &&
	       ino_of(dfd, "byfd", 0) == x);
	EXPECT_ERR("linkat \"\" without AT_EMPTY_PATH: ENOENT",
		   linkat(fd, "", dfd, "byfd2", 0), ENOENT);
	EXPECT_ERR("linkat AT_EMPTY_PATH on a folder: EPERM",
		   linkat(dfd, "", AT_FDCWD, "dirlink", AT_EMPTY_PATH), EPERM);
	close(fd);
	EXPECT_ERR("linkat unknown flag: EINVAL",
		   linkat(dfd, "x", dfd, "l4", 0x8000), EINVAL);
	EXPECT_ERR("linkat onto a name: EEXIST", linkat(dfd, "x", dfd, "sl2", 0),
		   EEXIST);
	EXPECT_ERR("linkat bad dirfd: EBADF", linkat(999, "x", dfd, "l5", 0), EBADF);
	EXPECT_ERR("symlinkat bad dirfd: EBADF", symlinkat("x", 999, "l6"), EBADF);
	EXPECT_ERR("symlinkat dirfd a file: ENOTDIR", symlinkat("x", filefd, "l6"),
		   ENOTDIR);
	EXPECT_ERR("symlinkat existing: EEXIST", symlinkat("x", dfd, "sl"), EEXIST);
	EXPECT_ERR("readlinkat a file: EINVAL", readlinkat(dfd, "x", buf, 8),
		   EINVAL);
	EXPECT_ERR("readlinkat bufsiz 0: EINVAL", readlinkat(dfd, "sl", buf, 0),
		   EINVAL);
	EXPECT_ERR("readlinkat bad buffer: EFAULT", readlinkat(dfd, "sl", BAD, 8),
		   EFAULT);
	EXPECT_ERR("readlinkat bad dirfd: EBADF", readlinkat(999, "sl", buf, 8),
		   EBADF);
	EXPECT_ERR("readlinkat \"\": ENOENT", readlinkat(dfd, "", buf, 8), ENOENT);
	unlinkat(dfd, "sl", 0);
	unlinkat(dfd, "sl2", 0);
	unlinkat(dfd, "sl3", 0);
	unlinkat(dfd, "byfd", 0);
}

int main(void)
{
	work = enter_workdir("f_at");
	mkdir("d", 0755);
	put_text(AT_FDCWD, "plain", "p");
	dfd = open("d", O_RDONLY | O_DIRECTORY);
	filefd = open("plain", O_RDONLY);
	open_cases();
	mkdir_mknod_cases();
	unlink_cases();
	rename_cases();
	link_cases();
	close(filefd);
	close(dfd);
	unlink("d/x");
	rmdir("d");
	unlink("plain");
	chdir("/");
	EXPECT("cleaned up", rmdir(work) == 0);
	return failures != 0;
}
