/*
 * The file system calls doing their work: stat fields, link counts,
 * rename, truncate, getdents64, many files in one folder, a deep tree and
 * getcwd inside it, readv/writev, umask, O_TRUNC.
 */
#include "f_test.h"
#include <dirent.h>
#include <sys/uio.h>

static void stat_fields(void)
{
	int fd = open("s", O_CREAT | O_WRONLY | O_TRUNC, 0640);
	char block[3000];
	memset(block, 'x', sizeof(block));
	write(fd, block, sizeof(block));
	struct stat st;
	fstat(fd, &st);
	close(fd);
	EXPECT("stat: size", st.st_size == 3000);
	EXPECT("stat: regular file, mode 0640", st.st_mode == (S_IFREG | 0640));
	EXPECT("stat: one link", st.st_nlink == 1);
	EXPECT("stat: blocks cover the size", st.st_blocks * 512 >= 3000 &&
	       st.st_blocks * 512 <= 3000 + 3 * 4096);
	struct stat st2;
	stat("s", &st2);
	EXPECT("stat and fstat agree", st2.st_ino == st.st_ino &&
	       st2.st_size == st.st_size && st2.st_mode == st.st_mode);
	struct stat64 st64;
	EXPECT("stat64: same inode and size", stat64("s", &st64) == 0 &&
	       st64.st_ino == st.st_ino && st64.st_size == 3000);
	EXPECT("link: nlink 2", link("s", "s2") == 0 && stat("s", &st) == 0 &&
	       st.st_nlink == 2);
	EXPECT("link: same inode under both names", stat("s2", &st2) == 0 &&
	       st2.st_ino == st.st_ino);
	EXPECT("unlink: nlink back to 1", unlink("s") == 0 && stat("s2", &st) == 0 &&
	       st.st_nlink == 1);
	fd = open("s2", O_RDONLY);
	unlink("s2");
	char c;
	EXPECT("unlinked file still readable while open", read(fd, &c, 1) == 1 &&
	       c == 'x');
	close(fd);
	EXPECT("stat: folder", stat(".", &st) == 0 && S_ISDIR(st.st_mode) &&
	       st.st_nlink >= 2);
	EXPECT("stat /dev/null: char device 1,3", stat("/dev/null", &st) == 0 &&
	       S_ISCHR(st.st_mode) && st.st_rdev == ((1 << 8) | 3));
}

static void umask_creat(void)
{
	mode_t old = umask(027);
	close(open("u", O_CREAT | O_WRONLY, 0777));
	mkdir("ud", 0777);
	struct stat st, sd;
	stat("u", &st);
	stat("ud", &sd);
	EXPECT("umask returns the old mask", umask(old) == 027);
	EXPECT("umask applies to open(O_CREAT)", (st.st_mode & 0777) == 0750);
	EXPECT("umask applies to mkdir", (sd.st_mode & 0777) == 0750);
	int fd = creat("u", 0600);
	write(fd, "abc", 3);
	close(fd);
	fd = open("u", O_RDWR | O_TRUNC);
	fstat(fd, &st);
	EXPECT("O_TRUNC empties the file", st.st_size == 0);
	close(fd);
	EXPECT("access: F_OK and R_OK|W_OK", access("u", F_OK) == 0 &&
	       access("u", R_OK | W_OK) == 0);
	unlink("u");
	rmdir("ud");
}

static int has_content(const char *path, const char *want)
{
	char buf[64];
	return slurp(path, buf, sizeof(buf)) >= 0 && strcmp(buf, want) == 0;
}

static void put(const char *path, const char *text)
{
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	write(fd, text, strlen(text));
	close(fd);
}

static void rename_cases(void)
{
	struct stat st;
	put("a", "A");
	EXPECT("rename a file", rename("a", "b") == 0 && access("a", F_OK) < 0 &&
	       has_content("b", "A"));
	put("c", "C");
	EXPECT("rename over an existing file replaces it", rename("b", "c") == 0 &&
	       has_content("c", "A") && access("b", F_OK) < 0);
	EXPECT("rename onto itself does nothing", rename("c", "c") == 0 &&
	       has_content("c", "A"));
	mkdir("d1", 0755);
	mkdir("d2", 0755);
	EXPECT("rename a file into a folder", rename("c", "d1/c") == 0 &&
	       has_content("d1/c", "A"));
	EXPECT("rename a folder over an empty one", rename("d1", "d2") == 0 &&
	       has_content("d2/c", "A") && access("d1", F_OK) < 0);
	mkdir("d3", 0755);
	EXPECT("rename a folder into another: '..' follows",
	       rename("d2", "d3/d2") == 0 && stat("d3/d2/..", &st) == 0 &&
	       stat("d3", &st) == 0);
	struct stat dd, d3;
	stat("d3/d2/..", &dd);
	stat("d3", &d3);
	EXPECT("renamed folder's '..' is its new parent", dd.st_ino == d3.st_ino);
	EXPECT_ERR("rename a folder into itself: EINVAL", rename("d3", "d3/d2/x"), EINVAL);
	put("f", "F");
	EXPECT_ERR("rename a folder over a file: ENOTDIR", rename("d3", "f"), ENOTDIR);
	EXPECT_ERR("rename a file over a folder: EISDIR", rename("f", "d3"), EISDIR);
	unlink("f");
	unlink("d3/d2/c");
	rmdir("d3/d2");
	EXPECT("folders removed after renames", rmdir("d3") == 0);
}

static void truncate_cases(void)
{
	put("t", "0123456789");
	struct stat st;
	EXPECT("truncate shrinks", truncate("t", 4) == 0 && has_content("t", "0123"));
	EXPECT("truncate grows with zeros", truncate("t", 8) == 0 &&
	       stat("t", &st) == 0 && st.st_size == 8);
	char buf[16];
	int fd = open("t", O_RDWR);
	int zeros = read(fd, buf, 16) == 8 && memcmp(buf, "0123\0\0\0\0", 8) == 0;
	EXPECT("the grown part reads as zeros", zeros);
	EXPECT("ftruncate", ftruncate(fd, 2) == 0 && fstat(fd, &st) == 0 &&
	       st.st_size == 2);
	EXPECT("ftruncate64", ftruncate64(fd, 100000) == 0 && fstat(fd, &st) == 0 &&
	       st.st_size == 100000);
	EXPECT("a hole: lseek64 to the end", lseek64(fd, 0, SEEK_END) == 100000);
	EXPECT("truncate64", truncate64("t", 5) == 0 && stat("t", &st) == 0 &&
	       st.st_size == 5);
	close(fd);
	unlink("t");
}

static void rw_vectors(void)
{
	int fd = open("v", O_CREAT | O_RDWR | O_TRUNC, 0644);
	struct iovec out[3] = { { "one ", 4 }, { "", 0 }, { "two", 3 } };
	EXPECT("writev writes every buffer", writev(fd, out, 3) == 7);
	char a[3], b[10];
	struct iovec in[2] = { { a, 3 }, { b, 10 } };
	lseek(fd, 0, SEEK_SET);
	EXPECT("readv fills buffers in order", readv(fd, in, 2) == 7 &&
	       memcmp(a, "one", 3) == 0 && memcmp(b, " two", 4) == 0);
	volatile int minus_one = -1;
	EXPECT_ERR("readv with a negative count: EINVAL", readv(fd, in, minus_one),
		   EINVAL);
	EXPECT("read at the end returns 0", read(fd, b, 10) == 0);
	EXPECT("lseek SEEK_CUR and SEEK_END", lseek(fd, -2, SEEK_END) == 5 &&
	       lseek(fd, 1, SEEK_CUR) == 6 && read(fd, b, 10) == 1 && b[0] == 'o');
	EXPECT("fsync a file", fsync(fd) == 0);
	close(fd);
	unlink("v");
	sync();
}

/* Every name in the folder, by getdents64: count those starting with
   prefix, and check "." and ".." are there. */
static int count_entries(const char *dir, const char *prefix, int *dots)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY), n = 0, len;
	char buf[1024];
	*dots = 0;
	while ((len = getdents64(fd, buf, sizeof(buf))) > 0) {
		for (int pos = 0; pos < len;) {
			struct linux_dirent64 *d = (void *)(buf + pos);
			if (strncmp(d->d_name, prefix, strlen(prefix)) == 0)
				n++;
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				(*dots)++;
			pos += d->d_reclen;
		}
	}
	close(fd);
	return len < 0 ? -1 : n;
}

#define NFILES 1000
static void many_files(void)
{
	mkdir("many", 0755);
	char name[32];
	int made = 0;
	for (int i = 0; i < NFILES; i++) {
		snprintf(name, sizeof(name), "many/file%04d", i);
		int fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0644);
		made += fd >= 0;
		if (fd >= 0 && i % 100 == 0)
			write(fd, name, strlen(name));
		close(fd);
	}
	EXPECT("1000 files created in one folder", made == NFILES);
	int dots;
	EXPECT("getdents64 lists all 1000", count_entries("many", "file", &dots) == NFILES);
	EXPECT("getdents64 lists . and ..", dots == 2);
	EXPECT("a file among 1000 found by name", has_content("many/file0500",
							       "many/file0500"));
	int fd = open("many", O_RDONLY);
	char tiny[16];
	EXPECT_ERR("getdents64 with a too small buffer: EINVAL",
		   getdents64(fd, tiny, sizeof(tiny)), EINVAL);
	close(fd);
	int gone = 0;
	for (int i = 0; i < NFILES; i++) {
		snprintf(name, sizeof(name), "many/file%04d", i);
		gone += unlink(name) == 0;
	}
	EXPECT("1000 files deleted", gone == NFILES &&
	       count_entries("many", "file", &dots) == 0);
	EXPECT("the emptied folder can be removed", rmdir("many") == 0);
}

#define DEPTH 40
static void deep_tree(const char *top)
{
	char want[2048], got[2048];
	strcpy(want, top);
	int made = 0;
	for (int i = 0; i < DEPTH; i++) {
		char name[16];
		snprintf(name, sizeof(name), "level%02d", i);
		made += mkdir(name, 0755) == 0 && chdir(name) == 0;
		strcat(want, "/");
		strcat(want, name);
	}
	EXPECT("a tree 40 folders deep", made == DEPTH);
	put("leaf", "deep");
	EXPECT("getcwd at the bottom", getcwd(got, sizeof(got)) &&
	       strcmp(got, want) == 0);
	if (strcmp(got, want))
		say("# getcwd gave %s\n#   want %s\n", got, want);
	EXPECT("getcwd into a too small buffer: ERANGE",
	       getcwd(got, 10) == NULL && errno == ERANGE);
	int fd = open("..", O_RDONLY);
	EXPECT("fchdir to ..", fchdir(fd) == 0 && getcwd(got, sizeof(got)) &&
	       strlen(got) == strlen(want) - 8);
	close(fd);
	chdir(top);
	char path[1024] = "";
	for (int i = 0; i < DEPTH; i++)
		snprintf(path + strlen(path), sizeof(path) - strlen(path), "%slevel%02d",
			 i ? "/" : "", i);
	char leaf[1100];
	snprintf(leaf, sizeof(leaf), "%s/leaf", path);
	EXPECT("the leaf by its long relative path", has_content(leaf, "deep"));
	unlink(leaf);
	int removed = 0;
	for (int i = DEPTH - 1; i >= 0; i--) {
		removed += rmdir(path) == 0;
		char *slash = strrchr(path, '/');
		if (slash)
			*slash = '\0';
	}
	EXPECT("the deep tree removed", removed == DEPTH);
	EXPECT("getcwd at the root", chdir("/") == 0 && getcwd(got, sizeof(got)) &&
	       strcmp(got, "/") == 0);
	chdir(top);
}

int main(void)
{
	const char *dir = enter_workdir("f_fsops");
	stat_fields();
	umask_creat();
	rename_cases();
	truncate_cases();
	rw_vectors();
	many_files();
	deep_tree(dir);
	chdir("/");
	EXPECT("f_fsops: work folder removed", rmdir(dir) == 0);
	return failures != 0;
}
