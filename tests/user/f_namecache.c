/*
 * The kernel keeps inodes nobody uses and the names it has looked up
 * (kernel/fs/ext2_inode.c, ext2_namecache.c). Both must answer exactly as
 * the disk would: each case here looks a name up first, so that it is
 * cached, then changes the directory and looks again. Last, many files
 * opened over and over must not make the kernel use more memory: the
 * caches are bounded.
 */
#include "f_test.h"
#include <stdbool.h>
#include <sys/mount.h>
#include <sys/statfs.h>

/* The inode number a name has now, or 0 if it names nothing. */
static ino_t ino_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_ino : 0;
}

static void put(const char *path, const char *text)
{
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (fd < 0 || write_all(fd, text, strlen(text)) < 0)
		fail("put", "cannot write %s (errno %d)", path, errno);
	close(fd);
}

static bool holds(const char *path, const char *text)
{
	char buf[64];
	return slurp(path, buf, sizeof(buf)) >= 0 && !strcmp(buf, text);
}

static void rename_over(void)
{
	put("a", "A");
	put("b", "B");
	ino_t a = ino_of("a"), b = ino_of("b");
	EXPECT("rename over a looked-up name: it names the moved file",
	       rename("a", "b") == 0 && ino_of("b") == a && holds("b", "A"));
	EXPECT("rename: the old name is gone", ino_of("a") == 0 &&
	       open("a", O_RDONLY) < 0 && errno == ENOENT);
	EXPECT("rename: the replaced inode is not found any more", b != a &&
	       ino_of("b") != b);
	mkdir("d1", 0755);
	mkdir("d2", 0755);
	EXPECT("rename into another folder", ino_of("d1") &&
	       rename("b", "d1/b") == 0 && ino_of("b") == 0 &&
	       ino_of("d1/b") == a && holds("d1/b", "A"));
	ino_t d1 = ino_of("d1");
	EXPECT("rename a folder: its files are found under the new name",
	       rename("d1", "d3") == 0 && ino_of("d3") == d1 &&
	       ino_of("d3/b") == a && ino_of("d1/b") == 0 && ino_of("d1") == 0);
	mkdir("d3/sub", 0755);
	EXPECT("a moved folder's .. is its new parent",
	       ino_of("d3/sub/..") == d1 && rename("d3/sub", "d2/sub") == 0 &&
	       ino_of("d2/sub/..") == ino_of("d2"));
	rmdir("d2/sub");
	rmdir("d2");
	unlink("d3/b");
	rmdir("d3");
}

static void unlink_create(void)
{
	put("u", "first");
	ino_t first = ino_of("u");
	EXPECT("unlink a looked-up name: it names nothing",
	       first && unlink("u") == 0 && ino_of("u") == 0 &&
	       open("u", O_RDONLY) < 0 && errno == ENOENT);
	put("u", "second");
	EXPECT("create the same name again: the new file", ino_of("u") != 0 &&
	       holds("u", "second"));
	EXPECT("O_EXCL sees the new name", open("u", O_CREAT | O_EXCL |
	       O_WRONLY, 0644) < 0 && errno == EEXIST);
	unlink("u");
	EXPECT("mknod after unlink", mknod("u", S_IFIFO | 0600, 0) == 0 &&
	       ino_of("u") != 0);
	unlink("u");
	put("target1", "one");
	put("target2", "two");
	symlink("target1", "ln");
	EXPECT("a symbolic link is followed", holds("ln", "one"));
	EXPECT("a new link under the old name is followed to its target",
	       unlink("ln") == 0 && symlink("target2", "ln") == 0 &&
	       holds("ln", "two"));
	unlink("ln");
	unlink("target1");
	unlink("target2");
}

static void rmdir_mkdir(void)
{
	mkdir("r", 0755);
	put("r/f", "x");
	ino_t f = ino_of("r/f");
	EXPECT("unlink, rmdir: the folder and its file are gone",
	       f && unlink("r/f") == 0 && rmdir("r") == 0 && ino_of("r") == 0 &&
	       ino_of("r/f") == 0);
	EXPECT("mkdir the same name: an empty folder", mkdir("r", 0755) == 0 &&
	       ino_of("r") != 0 && ino_of("r/f") == 0);
	EXPECT("a file in the new folder", (put("r/g", "g"), holds("r/g", "g")));
	unlink("r/g");
	rmdir("r");
	/* A removed folder takes no new names, cached or not. */
	mkdir("gone", 0755);
	put("gone/f", "f");
	int fd = open(".", O_RDONLY | O_DIRECTORY);
	chdir("gone");
	EXPECT("rmdir of the cwd: no file can be made in it",
	       unlink("f") == 0 && rmdir("../gone") == 0 &&
	       open("f", O_CREAT | O_WRONLY, 0644) < 0 && errno == ENOENT &&
	       ino_of("f") == 0);
	fchdir(fd);
	close(fd);
}

static void link_counts(void)
{
	struct stat st;
	put("l", "l");
	EXPECT("link: stat through the cached inode says 2 links",
	       stat("l", &st) == 0 && st.st_nlink == 1 && link("l", "l2") == 0 &&
	       stat("l", &st) == 0 && st.st_nlink == 2 &&
	       ino_of("l2") == st.st_ino);
	EXPECT("unlink: back to 1, the other name gone",
	       unlink("l2") == 0 && stat("l", &st) == 0 && st.st_nlink == 1 &&
	       ino_of("l2") == 0);
	EXPECT("chmod seen through the cached inode",
	       chmod("l", 0600) == 0 && stat("l", &st) == 0 &&
	       (st.st_mode & 0777) == 0600);
	unlink("l");
}

static unsigned long free_inodes(void)
{
	struct statfs sf;
	return statfs(".", &sf) == 0 ? sf.f_ffree : 0;
}

static void deleted_while_open(void)
{
	unsigned long before = free_inodes();
	put("o", "still here");
	int fd = open("o", O_RDONLY);
	struct stat st;
	EXPECT("unlink while open: the name is gone", unlink("o") == 0 &&
	       ino_of("o") == 0);
	char buf[32] = "";
	EXPECT("unlink while open: still readable, 0 links",
	       read(fd, buf, sizeof(buf)) == 10 && !strncmp(buf, "still here", 10) &&
	       fstat(fd, &st) == 0 && st.st_nlink == 0);
	EXPECT("unlink while open: its inode is in use until the close",
	       free_inodes() == before - 1);
	close(fd);
	EXPECT("unlink while open: freed at the close", free_inodes() == before);
}

/* A call that fails after its lookup must drop the one reference the
   lookup took, no more: rename("f/", ...) finds f, then refuses the
   slash. Were the inode's count to go below its users, it would never
   be freed, and the inode cache would later forget it while it is on
   the orphan list (a leaked inode: e2fsck's "Inode bitmap differences",
   which the long fuzz found). */
static void failed_lookup_refs(void)
{
	unsigned long before = free_inodes();
	put("r", "r");
	EXPECT_ERR("rename \"file/\": ENOTDIR", rename("r/", "r2"), ENOTDIR);
	EXPECT_ERR("rename \"file/\" again: ENOTDIR", rename("r/", "r2"), ENOTDIR);
	int fd = open("r", O_RDONLY);
	EXPECT("after failed renames, unlink while open keeps the inode",
	       unlink("r") == 0 && free_inodes() == before - 1);
	close(fd);
	EXPECT("after failed renames, the last close frees the inode",
	       free_inodes() == before);
}

static void proc_fd_names(const char *dir)
{
	char want[300], link[64], got[300];
	put("named", "n");
	for (int i = 0; i < 2; i++) {   /* the second open finds it cached */
		int fd = open("named", O_RDONLY);
		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		snprintf(want, sizeof(want), "%s/named", dir);
		ssize_t n = readlink(link, got, sizeof(got) - 1);
		got[n > 0 ? n : 0] = '\0';
		EXPECT(i ? "/proc/self/fd names a file opened again" :
		       "/proc/self/fd names an open file", !strcmp(got, want));
		close(fd);
	}
	unlink("named");
}

/* MemFree + Buffers + Cached of /proc/meminfo, in KiB: memory that is
   free or only holds caches the kernel may shrink. */
static long usable_kb(void)
{
	char buf[1024], *p;
	long total = 0;
	if (slurp("/proc/meminfo", buf, sizeof(buf)) < 0)
		return -1;
	for (p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
		if (!strncmp(p, "MemFree:", 8) || !strncmp(p, "Buffers:", 8) ||
		    !strncmp(p, "Cached:", 7))
			total += atol(strchr(p, ':') + 1);
	return total;
}

#define NFILES 300
#define ROUNDS 4

/* Make the files set-NNN, then open, stat and close each ROUNDS times;
   or with make false, unlink them. The count of failures. */
static int many(char set, bool make)
{
	char name[32];
	int bad = 0;
	for (int i = 0; i < NFILES; i++) {
		snprintf(name, sizeof(name), "%c-%03d", set, i);
		if (!make)
			bad += unlink(name) < 0;
		else
			put(name, "m");
	}
	for (int r = 0; make && r < ROUNDS; r++)
		for (int i = 0; i < NFILES; i++) {
			snprintf(name, sizeof(name), "%c-%03d", set, i);
			int fd = open(name, O_RDONLY);
			bad += fd < 0 || ino_of(name) == 0;
			close(fd);
		}
	return bad;
}

static void bounded(void)
{
	/* The first set fills the caches, so that the second, as many other
	   files, finds them full: it may push out, but not add. */
	int bad = many('A', true);
	long before = usable_kb();
	bad += many('B', true);
	long after = usable_kb();
	EXPECT("many files made and opened again and again", bad == 0);
	/* Kept unbounded, the 300 inodes would take 75 KiB more; a leak of
	   16 bytes per open would be 19 KiB. */
	if (before > 0 && after > before - 12)
		ok("the caches stay bounded: memory after 1200 opens");
	else
		fail("the caches stay bounded: memory after 1200 opens",
		     "%ld KiB usable before, %ld after", before, after);
	EXPECT("all of them unlinked", many('A', false) + many('B', false) == 0 &&
	       ino_of("A-000") == 0 && ino_of("B-299") == 0);
}

int main(void)
{
	/* As process 1 we mount /proc ourselves (for /proc/self/fd and
	   /proc/meminfo), and leave it as we found it. A name looked up in
	   the disk's /proc first must not hide the mount. */
	bool was_mounted = ino_of("/proc/self") != 0;
	if (was_mounted)
		umount("/proc");
	put("/proc/hidden", "h");
	ino_t hidden = ino_of("/proc/hidden");
	EXPECT("a mount hides a looked-up name under it", hidden &&
	       mount("proc", "/proc", "proc", 0, NULL) == 0 &&
	       ino_of("/proc/hidden") == 0 && ino_of("/proc/self") != 0);
	const char *dir = enter_workdir("f_namecache");
	rename_over();
	unlink_create();
	rmdir_mkdir();
	link_counts();
	deleted_while_open();
	failed_lookup_refs();
	proc_fd_names(dir);
	bounded();
	chdir("/");
	EXPECT("f_namecache: work folder removed", rmdir(dir) == 0);
	EXPECT("after umount the name under the mount is found again",
	       umount("/proc") == 0 && holds("/proc/hidden", "h") &&
	       unlink("/proc/hidden") == 0);
	if (was_mounted)
		mount("proc", "/proc", "proc", 0, NULL);
	return failures != 0;
}
