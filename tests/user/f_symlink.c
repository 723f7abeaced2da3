/*
 * Symbolic links: symlink and readlink, lstat against stat, links
 * followed anywhere in a path (relative from the link's folder, absolute
 * from the root), ELOOP on a cycle and past 40 links, O_NOFOLLOW,
 * dangling links, fast (< 60 bytes) and slow targets, and unlink/rename
 * acting on the link itself. Two links stay on the disk for e2fsck.
 */
#include "f_test.h"

static void make_file(const char *path, const char *text)
{
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	write_all(fd, text, strlen(text));
	close(fd);
}

static int has_content(const char *path, const char *want)
{
	char buf[128];
	return slurp(path, buf, sizeof(buf)) >= 0 && strcmp(buf, want) == 0;
}

static int link_is(const char *path, const char *want)
{
	char buf[1100];
	ssize_t n = readlink(path, buf, sizeof(buf));
	return n == (ssize_t)strlen(want) && memcmp(buf, want, n) == 0;
}

static void basics(void)
{
	struct stat st, lst;
	make_file("file", "hello");
	EXPECT("symlink: made", symlink("file", "ln") == 0);
	EXPECT("open follows the link", has_content("ln", "hello"));
	EXPECT("stat follows: a regular file", stat("ln", &st) == 0 &&
	       S_ISREG(st.st_mode) && st.st_size == 5);
	EXPECT("lstat: the link itself, S_IFLNK|0777, size = target length",
	       lstat("ln", &lst) == 0 && lst.st_mode == (S_IFLNK | 0777) &&
	       lst.st_size == 4 && lst.st_ino != st.st_ino);
	struct stat64 l64;
	EXPECT("lstat64: the link itself", lstat64("ln", &l64) == 0 &&
	       S_ISLNK(l64.st_mode) && l64.st_ino == lst.st_ino);
	EXPECT("fast link: no data block", lst.st_blocks == 0);
	EXPECT("readlink: the target", link_is("ln", "file"));
	char buf[8];
	memset(buf, '#', sizeof(buf));
	EXPECT("readlink: no NUL added", readlink("ln", buf, sizeof(buf)) == 4 &&
	       buf[4] == '#');
	EXPECT("readlink: truncated to bufsiz", readlink("ln", buf, 2) == 2 &&
	       buf[0] == 'f' && buf[1] == 'i' && buf[2] == 'l');
	EXPECT_ERR("readlink of a file: EINVAL", readlink("file", buf, 8), EINVAL);
	EXPECT_ERR("readlink bufsiz 0: EINVAL", readlink("ln", buf, 0), EINVAL);
	EXPECT_ERR("readlink bad buffer: EFAULT", readlink("ln", (char *)16, 8),
		   EFAULT);
	EXPECT_ERR("readlink bad path: EFAULT", readlink((char *)16, buf, 8),
		   EFAULT);
	EXPECT_ERR("symlink bad target: EFAULT", symlink((char *)16, "x"), EFAULT);
	EXPECT_ERR("symlink over an existing name: EEXIST", symlink("a", "file"),
		   EEXIST);
	EXPECT_ERR("symlink empty target: ENOENT", symlink("", "x"), ENOENT);
	EXPECT_ERR("readlink missing: ENOENT", readlink("nope", buf, 8), ENOENT);
	int fd = open("ln", O_WRONLY | O_APPEND);
	write(fd, "!", 1);
	close(fd);
	EXPECT("write through the link reaches the file",
	       has_content("file", "hello!"));
	EXPECT_ERR("O_NOFOLLOW on a link: ELOOP", open("ln", O_RDONLY | O_NOFOLLOW),
		   ELOOP);
	fd = open("file", O_RDONLY | O_NOFOLLOW);
	EXPECT("O_NOFOLLOW on a file opens it", fd >= 0);
	close(fd);
	EXPECT("rename moves the link, not the file", rename("ln", "ln2") == 0 &&
	       link_is("ln2", "file") && has_content("file", "hello!"));
	EXPECT("unlink removes the link only", unlink("ln2") == 0 &&
	       lstat("ln2", &lst) < 0 && has_content("file", "hello!"));
	unlink("file");
}

static void dangling(void)
{
	struct stat st;
	EXPECT("symlink to a missing name", symlink("missing", "dang") == 0);
	EXPECT_ERR("dangling: open is ENOENT", open("dang", O_RDONLY), ENOENT);
	EXPECT_ERR("dangling: stat is ENOENT", stat("dang", &st), ENOENT);
	EXPECT("dangling: lstat works", lstat("dang", &st) == 0 &&
	       S_ISLNK(st.st_mode));
	EXPECT("dangling: readlink works", link_is("dang", "missing"));
	EXPECT("dangling: unlink works", unlink("dang") == 0);
}

static void in_paths(const char *top)
{
	char abs[300];
	struct stat st;
	mkdir("d", 0755);
	mkdir("d/sub", 0755);
	make_file("d/sub/f", "deep");
	EXPECT("link to a folder", symlink("d", "dl") == 0);
	EXPECT("a folder link in the middle of a path", has_content("dl/sub/f", "deep"));
	EXPECT("relative target from the link's folder",
	       symlink("../sub/f", "d/sub/up") == 0 && has_content("d/sub/up", "deep"));
	EXPECT("relative link reached through a folder link",
	       has_content("dl/sub/up", "deep"));
	snprintf(abs, sizeof(abs), "%s/d/sub", top);
	EXPECT("absolute target from the root", symlink(abs, "abs") == 0 &&
	       has_content("abs/f", "deep"));
	EXPECT("stat through \"link/\"", stat("dl/", &st) == 0 && S_ISDIR(st.st_mode));
	EXPECT("lstat of \"link/\" follows", lstat("dl/", &st) == 0 &&
	       S_ISDIR(st.st_mode));
	EXPECT("lstat of \"link\" does not", lstat("dl", &st) == 0 &&
	       S_ISLNK(st.st_mode));
	EXPECT_ERR("\"filelink/\": ENOTDIR", stat("d/sub/up/", &st), ENOTDIR);
	EXPECT("chdir through a link", chdir("dl/sub") == 0 &&
	       has_content("f", "deep") && chdir(top) == 0);
	EXPECT("mkdir through a folder link", mkdir("dl/new", 0755) == 0 &&
	       stat("d/new", &st) == 0 && rmdir("dl/new") == 0);
	EXPECT_ERR("rmdir of a folder link: ENOTDIR", rmdir("dl"), ENOTDIR);
	EXPECT("link() names the link itself", link("dl", "dl2") == 0 &&
	       lstat("dl2", &st) == 0 && S_ISLNK(st.st_mode) && st.st_nlink == 2 &&
	       unlink("dl2") == 0);
	pid_t pid = fork();
	if (pid == 0) {
		symlink("/bin/true", "truelink");
		char *argv[] = { "truelink", NULL };
		execve("truelink", argv, NULL);
		_exit(99);
	}
	EXPECT("execve through a link", wait_child(pid) == 0);
	unlink("truelink");
	unlink("abs");
	unlink("d/sub/up");
	unlink("dl");
	unlink("d/sub/f");
	rmdir("d/sub");
	rmdir("d");
}

static void loops(void)
{
	char name[16], target[16];
	struct stat st;
	EXPECT("a cycle: a -> b -> a", symlink("b", "a") == 0 && symlink("a", "b") == 0);
	EXPECT_ERR("a cycle: open is ELOOP", open("a", O_RDONLY), ELOOP);
	EXPECT_ERR("a cycle: stat is ELOOP", stat("a/x", &st), ELOOP);
	EXPECT("a cycle: lstat works", lstat("a", &st) == 0 && S_ISLNK(st.st_mode));
	unlink("a");
	unlink("b");
	EXPECT_ERR("a link to itself: ELOOP", (symlink("self", "self"),
		   open("self/", O_RDONLY)), ELOOP);
	unlink("self");
	/* c0 -> c1 -> ... -> c41 -> file: from c1, 40 links; from c0, 41. */
	for (int i = 0; i < 41; i++) {
		snprintf(name, sizeof(name), "c%d", i);
		snprintf(target, sizeof(target), "c%d", i + 1);
		symlink(target, name);
	}
	make_file("c41", "end");
	EXPECT("a chain of 40 links is followed", has_content("c1", "end"));
	EXPECT_ERR("a chain of 41 links: ELOOP", open("c0", O_RDONLY), ELOOP);
	for (int i = 0; i <= 41; i++) {
		snprintf(name, sizeof(name), "c%d", i);
		unlink(name);
	}
}

/* Targets of 60 bytes and more go to a data block ("slow" links). */
static void slow_links(void)
{
	char target[1100];
	struct stat st;
	memset(target, 'x', sizeof(target));
	target[100] = '\0';
	make_file(target, "far");
	EXPECT("slow link: made", symlink(target, "slow") == 0);
	EXPECT("slow link: one data block", lstat("slow", &st) == 0 &&
	       st.st_size == 100 && st.st_blocks == 2);
	EXPECT("slow link: readlink", link_is("slow", target));
	EXPECT("slow link: followed", has_content("slow", "far"));
	unlink("slow");
	unlink(target);
	target[59] = '\0';
	EXPECT("59 bytes: still a fast link", symlink(target, "f59") == 0 &&
	       lstat("f59", &st) == 0 && st.st_blocks == 0 && link_is("f59", target));
	target[59] = 'x';
	target[60] = '\0';
	EXPECT("60 bytes: a slow link", symlink(target, "s60") == 0 &&
	       lstat("s60", &st) == 0 && st.st_blocks == 2 && link_is("s60", target));
	unlink("f59");
	unlink("s60");
	memset(target, 'x', sizeof(target));
	target[1023] = '\0';
	EXPECT("1023 bytes: fills the block", symlink(target, "big") == 0 &&
	       link_is("big", target) && unlink("big") == 0);
	target[1023] = 'x';
	target[1024] = '\0';
	EXPECT_ERR("1024 bytes: ENAMETOOLONG", symlink(target, "big"), ENAMETOOLONG);
}

/* Left on the disk so that run.py's e2fsck checks both kinds. */
static void keep_for_fsck(void)
{
	char target[80];
	const char *base = getenv("FTEST_DIR");
	snprintf(target, sizeof(target), "%s/f_symlink.kept", base ? base : "/tmp");
	mkdir(target, 0755);
	if (chdir(target) < 0)
		return;
	unlink("fast");
	unlink("slow");
	symlink("fast-target", "fast");
	memset(target, 's', 70);
	target[70] = '\0';
	symlink(target, "slow");
	EXPECT("links kept for e2fsck", link_is("fast", "fast-target") &&
	       link_is("slow", target));
}

int main(void)
{
	const char *dir = enter_workdir("f_symlink");
	basics();
	dangling();
	in_paths(dir);
	loops();
	slow_links();
	chdir("/");
	EXPECT("f_symlink: work folder removed", rmdir(dir) == 0);
	keep_for_fsck();
	return failures != 0;
}
