/* ext2 host test: the orphan list (files unlinked while open, listed on
   the disk, finished by the next mount when the machine stopped first)
   and freed blocks that wait for the commit before they are reused.
   A child that exits holding inodes is a machine that stopped: no
   power-off deleted its orphans. */
#include "ext2_host.h"
#include "check.h"
#include "fs/ext2.h"
#include <sprout/errno.h>
#include <unistd.h>

#define IMG IMG_DIR "/ext2_orphan.img"
#define LOG IMG_DIR "/ext2_orphan.log"
#define SIZE (40 * 1024)

static char data[SIZE], back[SIZE];

static struct inode *open_inode(const char *path)
{
	struct inode *inode = NULL;

	return namei(path, &inode) == 0 ? inode : NULL;
}

/* What debugfs says to request, at most size - 1 bytes. */
static void debugfs(const char *request, char *out, size_t size)
{
	char cmd[512];
	size_t n;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "PATH=$PATH:/sbin:/usr/sbin debugfs -R '%s' %s 2>/dev/null",
		 request, IMG);
	out[0] = '\0';
	if (!(f = popen(cmd, "r")))
		return;
	n = fread(out, 1, size - 1, f);
	out[n] = '\0';
	pclose(f);
}

/* The number after `key` in debugfs's answer to request (0: none). */
static unsigned long debugfs_number(const char *request, const char *key)
{
	static char out[8192];
	char *at;

	debugfs(request, out, sizeof(out));
	at = strstr(out, key);
	return at ? strtoul(at + strlen(key), NULL, 0) : 0;
}

/* Run fn in a fresh mount, with the kernel's messages (stderr) caught
   in LOG; then: does the log hold `line`? */
static int mount_logged(void (*fn)(void), const char *line)
{
	static char log[4096];
	int saved = dup(2);
	FILE *f = fopen(LOG, "w+");
	size_t n;

	fflush(stderr);
	dup2(fileno(f), 2);
	in_child(IMG, fn);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(f);
	n = fread(log, 1, sizeof(log) - 1, f);
	log[n] = '\0';
	fclose(f);
	fputs(log, stderr);
	return strstr(log, line) != NULL;
}

static uint32_t ino1, ino2, ino3;

static void orphans(void)
{
	struct inode *o1 = NULL, *o2 = NULL, *o3 = NULL;

	CASE("orphans: unlinked open files are listed on the disk, newest first") {
		CHECK(write_file("/o1", data, SIZE) == 0 && write_file("/o2", data, SIZE) == 0 &&
		      write_file("/o3", data, SIZE) == 0);
		CHECK((o1 = open_inode("/o1")) && (o2 = open_inode("/o2")) &&
		      (o3 = open_inode("/o3")));
		ino1 = o1->i_ino, ino2 = o2->i_ino, ino3 = o3->i_ino;
		CHECK(vfs_unlink(NULL, "/o1") == 0 && vfs_unlink(NULL, "/o2") == 0 &&
		      vfs_unlink(NULL, "/o3") == 0);
		CHECK(sbi.s->s_last_orphan == ino3 && o3->i_dtime == ino2 &&
		      o2->i_dtime == ino1 && o1->i_dtime == 0);
	}
	CASE("orphans: the last close of the middle one takes it off the list") {
		iput(o2);
		CHECK(!ext2_inode_in_use(ino2));
		CHECK(sbi.s->s_last_orphan == ino3 && o3->i_dtime == ino1);
		CHECK(inode_read(o3, back, 0, SIZE) == SIZE && !memcmp(back, data, SIZE));
	}
	/* The machine stops here, o1 and o3 still open (in_child syncs). */
}

static void after_orphans(void)
{
	CASE("orphans: the next mount deletes them and empties the list") {
		CHECK(sbi.s->s_last_orphan == 0);
		CHECK(!ext2_inode_in_use(ino1) && !ext2_inode_in_use(ino3));
		CHECK(path_stat("/keep").st_size == 4);
	}
}

static void make_keep(void)
{
	CHECK(write_file("/keep", "keep", 4) == 0);
}

/* The disk blocks of a file's first SIZE bytes. */
static void blocks_of(const char *path, uint32_t out[SIZE / BLOCK_SIZE])
{
	struct inode *inode = open_inode(path);

	memset(out, 0, SIZE / BLOCK_SIZE * sizeof(uint32_t));
	if (inode) {
		bmap_many(inode, 0, SIZE / BLOCK_SIZE, out);
		iput(inode);
	}
}

static int shared(const uint32_t *a, const uint32_t *b)
{
	int n = 0;

	for (int i = 0; i < SIZE / BLOCK_SIZE; i++)
		for (int j = 0; j < SIZE / BLOCK_SIZE; j++)
			n += a[i] && a[i] == b[j];
	return n;
}

static void reuse(void)
{
	uint32_t a[SIZE / BLOCK_SIZE], b[SIZE / BLOCK_SIZE], c[SIZE / BLOCK_SIZE];
	uint32_t free0, used;

	CASE("freed blocks: counted free at once (statfs), as on Linux") {
		CHECK(write_file("/a", data, SIZE) == 0 && journal_commit() == 0);
		blocks_of("/a", a);
		used = path_stat("/a").st_blocks / 2;
		free0 = sbi.s->s_free_blocks_count;
		CHECK(a[0] && vfs_unlink(NULL, "/a") == 0);
		CHECK(sbi.s->s_free_blocks_count == free0 + used);
	}
	CASE("freed blocks: not handed out again before the commit") {
		CHECK(write_file("/b", data, SIZE) == 0);
		blocks_of("/b", b);
		CHECK(b[0] && shared(a, b) == 0);
	}
	CASE("freed blocks: handed out again after the commit") {
		CHECK(journal_commit() == 0 && write_file("/c", data, SIZE) == 0);
		blocks_of("/c", c);
		CHECK(c[0] && shared(a, c) > 0 && shared(b, c) == 0);
	}
}

/* What a Linux leaves when it stops in a truncate: a file with a name,
   listed, its blocks reaching past its new i_size. */
static void half_truncated(void)
{
	struct inode *t;

	CHECK(write_file("/t", data, SIZE) == 0 && (t = open_inode("/t")));
	t->i_size = 5000;
	t->i_dirty = true;
	ext2_orphan_add(t);
	iput(t);
}

static void after_truncate(void)
{
	CASE("orphans: a listed file with names left is cut to its i_size") {
		struct stat64 st = path_stat("/t");

		CHECK(sbi.s->s_last_orphan == 0);
		CHECK(st.st_size == 5000 && st.st_blocks == 5 * 2);
		CHECK(read_file("/t", back, SIZE) == 5000 && !memcmp(back, data, 5000));
		CHECK(vfs_unlink(NULL, "/t") == 0);
	}
}

/* A list that leads back to itself: y -> x -> y. */
static void make_loop(void)
{
	struct inode *x, *y;

	CHECK(write_file("/x", data, SIZE) == 0 && write_file("/y", data, SIZE) == 0);
	CHECK((x = open_inode("/x")) && (y = open_inode("/y")));
	CHECK(vfs_unlink(NULL, "/x") == 0 && vfs_unlink(NULL, "/y") == 0);
	x->i_dtime = y->i_ino;
	x->i_dirty = true;
}

static void after_loop(void)
{
	CASE("orphans: a list with a loop ends the walk, both inodes deleted") {
		CHECK(sbi.s->s_last_orphan == 0);
		CHECK(!ext2_inode_in_use(ino1) && !ext2_inode_in_use(ino2));
	}
}

static void bad_head(void)
{
	sbi.s->s_last_orphan = sbi.s->s_inodes_count + 1;
	mark_buffer_dirty(sbi.sbh);
}

static void after_bad_head(void)
{
	CASE("orphans: a list head out of range is dropped, the mount goes on") {
		CHECK(sbi.s->s_last_orphan == 0 && path_stat("/keep").st_size == 4);
	}
}

/* The first two inodes of the list on the disk, as debugfs reads it. */
static void list_head(uint32_t *first, uint32_t *second)
{
	char request[32];

	*first = debugfs_number("stats", "First orphan inode:");
	snprintf(request, sizeof(request), "stat <%u>", *first);
	*second = debugfs_number(request, "dtime:");
}

int main(void)
{
	fill_pattern(data, SIZE, 7, 0);
	make_image(IMG, NULL, "8M");
	in_child(IMG, make_keep);
	in_child(IMG, orphans);
	CASE("orphans: debugfs sees the list the machine stopped with") {
		list_head(&ino3, &ino1);
		CHECK(ino3 > 11 && ino1 > 11 && ino1 != ino3);
	}
	CASE("orphans: the mount says how many it cleaned up") {
		CHECK(mount_logged(after_orphans, "ext2: cleaned up 2 orphan inodes\n"));
		CHECK(e2fsck(IMG) == 0);
	}
	in_child(IMG, reuse);
	CASE("freed blocks: the disk is clean after the reuse") {
		CHECK(e2fsck(IMG) == 0);
	}
	in_child(IMG, half_truncated);
	CASE("orphans: a truncate left listed is finished, the disk clean") {
		CHECK(mount_logged(after_truncate, "ext2: cleaned up 1 orphan inodes\n"));
		CHECK(e2fsck(IMG) == 0);
	}
	in_child(IMG, make_loop);
	CASE("orphans: a loop in the list is reported, the disk clean") {
		list_head(&ino2, &ino1);
		CHECK(mount_logged(after_loop, "not in use"));
		CHECK(e2fsck(IMG) == 0);
	}
	in_child(IMG, bad_head);
	CASE("orphans: a bad list head is reported, the disk clean") {
		CHECK(mount_logged(after_bad_head, "out of range"));
		CHECK(e2fsck(IMG) == 0);
	}
	return 0;
}
