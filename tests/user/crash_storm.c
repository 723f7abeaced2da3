/*
 * crash_storm [SEED [OPS]]: a seeded write storm for the crash tests
 * (tests/guest_crash.py, docs/crashtest.md). Booted as process 1, it
 * forks WORKERS processes; each does OPS random file operations under
 * /crash, chosen by its own generator seeded from SEED, then init waits
 * for them, prints the disk's write count and exits (a clean power-off).
 * The test boots it again with "crashafter=N" to cut the power midway.
 *
 * Every byte a worker writes says where it belongs: byte o of the file
 * with id I is byte o % 16 of the record
 *
 *   +-----------+--------+-------------------+---------------------+
 *   | "CRSH"    | id I   | offset o - o % 16 | check(I, that offset)|
 *   +-----------+--------+-------------------+---------------------+
 *     4 bytes     4 bytes   4 bytes             4 bytes, little-endian
 *
 * so after a crash the checker can tell, for any byte, whether it is this
 * file's own, a hole's zero, or garbage: another file's or stale bytes
 * from a block that used to be someone else's. A file's name carries its
 * id: s<id> (scratch), s<id>.new (its replacement being written), d<id>
 * (durable). Ids are unique in a run (worker * 1000000 + a counter).
 *
 * Scratch files are created, appended to, written far out (double
 * indirect blocks), truncated (down, or up to leave a hole), replaced by
 * rename-over, moved or linked between directories, unlinked,
 * and unlinked while still open (orphans, written to after). Durable
 * files are only ever appended to, each append followed by fsync; then a
 * line "synced <path> <bytes>" is the promise the checker holds the disk
 * to: those bytes must survive any crash after the line.
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define WORKERS 4
#define MAX_FILES 6             /* scratch files per worker */
#define MAX_ORPHANS 2           /* unlinked-but-open files per worker */
#define MAX_WRITE 6000          /* bytes in one write() */
#define RECORD 16

struct file {
	uint32_t id;
	char path[48];
	uint32_t size;
};

struct orphan {
	int fd;
	uint32_t id, size;
};

static struct file files[MAX_FILES];
static int nfiles;
static struct orphan orphans[MAX_ORPHANS];
static int norphans;
static struct file durable;
static uint32_t next_id, rng;
static int worker;

/* xorshift32: small, and the same sequence for the same seed. */
static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng % n;
}

/* The check word: the same formula as tests/guest_crash.py's. */
static uint32_t check_word(uint32_t id, uint32_t off)
{
	return (id * 2654435761u) ^ (off * 40503u) ^ 0x5a5a5a5au;
}

/* One line on the console in one write(), so lines never interleave. */
static void __attribute__((format(printf, 1, 2))) say(const char *fmt, ...)
{
	char line[160];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	write(1, line, n);
}

/* Write file id's own bytes [off, off + len) at the fd's position. */
static void put(int fd, uint32_t id, uint32_t off, uint32_t len)
{
	static unsigned char buf[MAX_WRITE + 2 * RECORD];
	uint32_t first = off - off % RECORD;

	for (uint32_t r = first; r < off + len; r += RECORD) {
		uint32_t rec[4] = { 0x48535243u, id, r, check_word(id, r) };

		memcpy(buf + (r - first), rec, RECORD);
	}
	if (write(fd, buf + (off - first), len) != (ssize_t)len)
		say("storm: write to file %u failed: %s\n", id, strerror(errno));
}

static uint32_t write_len(void)
{
	return 1 + rnd(MAX_WRITE);
}

static void name_file(struct file *f, const char *dir, char kind)
{
	snprintf(f->path, sizeof(f->path), "%s/%c%u", dir, kind, f->id);
}

static const char *home(void)
{
	static char dir[16];

	snprintf(dir, sizeof(dir), "/crash/w%d", worker);
	return dir;
}

static void remove_file(int i)
{
	files[i] = files[--nfiles];
}

static void op_create(void)
{
	struct file *f = &files[nfiles];
	int fd;

	f->id = next_id++;
	name_file(f, home(), 's');
	fd = open(f->path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		return;
	f->size = write_len();
	put(fd, f->id, 0, f->size);
	close(fd);
	nfiles++;
}

static void op_append(struct file *f)
{
	int fd = open(f->path, O_WRONLY | O_APPEND);
	uint32_t len = write_len();

	if (fd < 0)
		return;
	put(fd, f->id, f->size, len);
	f->size += len;
	if (rnd(4) == 0)
		fsync(fd);      /* no promise: the file may still change */
	close(fd);
}

/* A write far past the 268 KiB the direct and single-indirect blocks
   map: the file gets a double-indirect block (and a hole, zeros). A
   later truncate may cut it in the middle of an indirect block. */
#define FAR_OFFSET (268 * 1024)

static void op_far_write(struct file *f)
{
	int fd = open(f->path, O_WRONLY);
	uint32_t off = FAR_OFFSET + rnd(256 * 1024), len = write_len();

	if (fd < 0)
		return;
	if (lseek(fd, off, SEEK_SET) == (off_t)off) {
		put(fd, f->id, off, len);
		if (off + len > f->size)
			f->size = off + len;
	}
	close(fd);
}

/* Down to any size, or up past the end: a hole reads as zeros. */
static void op_truncate(struct file *f)
{
	uint32_t size = rnd(3) ? rnd(f->size + 1) : f->size + rnd(3 * MAX_WRITE);

	if (truncate(f->path, size) == 0)
		f->size = size;
}

/* Write a whole new version beside it, then rename it over the old:
   after a crash the name holds one version or the other. */
static void op_replace(struct file *f)
{
	char tmp[56];
	uint32_t size = write_len() + rnd(4) * MAX_WRITE;
	int fd;

	snprintf(tmp, sizeof(tmp), "%s.new", f->path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return;
	for (uint32_t off = 0; off < size; off += MAX_WRITE)
		put(fd, f->id, off, size - off < MAX_WRITE ? size - off : MAX_WRITE);
	close(fd);
	if (rename(tmp, f->path) == 0)
		f->size = size;
}

/* Into the shared directory, or back home; or, one time in three, a
   second name there (a hard link with the same id in its name, so the
   checker knows its bytes), left behind when the file moves on. */
static void op_move(struct file *f)
{
	struct file moved = *f;

	name_file(&moved, strncmp(f->path, "/crash/shared", 13) ?
		  "/crash/shared" : home(), 's');
	if (rnd(3) == 0)
		link(f->path, moved.path);
	else if (rename(f->path, moved.path) == 0)
		*f = moved;
}

/* Open, unlink, and keep writing: the inode lives on, nameless, until
   its last close (which may never come before the crash). */
static void op_orphan(int i)
{
	struct orphan *o = &orphans[norphans];

	o->fd = open(files[i].path, O_WRONLY | O_APPEND);
	if (o->fd < 0)
		return;
	o->id = files[i].id;
	o->size = files[i].size;
	unlink(files[i].path);
	remove_file(i);
	norphans++;
}

static void op_orphan_write(int i)
{
	struct orphan *o = &orphans[i];
	uint32_t len = write_len();

	put(o->fd, o->id, o->size, len);
	o->size += len;
	if (rnd(2) == 0) {
		close(o->fd);
		orphans[i] = orphans[--norphans];
	}
}

/* Append, fsync, promise. */
static void op_durable(void)
{
	int fd = open(durable.path, O_WRONLY | O_CREAT | O_APPEND, 0644);
	uint32_t len = write_len();

	if (fd < 0)
		return;
	put(fd, durable.id, durable.size, len);
	durable.size += len;
	if (fsync(fd) == 0)
		say("synced %s %u\n", durable.path, durable.size);
	close(fd);
}

/* A directory made, given a file, emptied and removed again. */
static void op_dir(void)
{
	char dir[48], path[64];
	int fd;

	snprintf(dir, sizeof(dir), "%s/t%u", home(), next_id);
	snprintf(path, sizeof(path), "%s/s%u", dir, next_id);
	if (mkdir(dir, 0755))
		return;
	fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd >= 0) {
		put(fd, next_id, 0, write_len());
		close(fd);
	}
	next_id++;
	if (rnd(2)) {           /* or leave both for the checker */
		unlink(path);
		rmdir(dir);
	}
}

static void one_op(void)
{
	uint32_t pick = rnd(100);
	int i = nfiles ? (int)rnd(nfiles) : -1;

	if (nfiles < 2 || (pick < 12 && nfiles < MAX_FILES))
		op_create();
	else if (pick < 32)
		op_append(&files[i]);
	else if (pick < 35)
		op_far_write(&files[i]);
	else if (pick < 45)
		op_truncate(&files[i]);
	else if (pick < 55)
		op_replace(&files[i]);
	else if (pick < 62)
		op_move(&files[i]);
	else if (pick < 68) {
		unlink(files[i].path);
		remove_file(i);
	} else if (pick < 74 && norphans < MAX_ORPHANS)
		op_orphan(i);
	else if (pick < 80 && norphans)
		op_orphan_write(rnd(norphans));
	else if (pick < 92)
		op_durable();
	else
		op_dir();
}

static void work(uint32_t seed, int ops)
{
	rng = seed * 7919u + (uint32_t)worker * 104729u + 1;
	if (!rng)
		rng = 1;        /* xorshift's one state that stays put */
	next_id = (uint32_t)worker * 1000000u + 1;
	durable.id = next_id++;
	name_file(&durable, home(), 'd');
	mkdir(home(), 0755);
	for (int n = 0; n < ops; n++)
		one_op();
	exit(0);
}

/* The disk's completed write requests: the eighth field of /proc/diskstats
   (the count crashafter=N compares with). */
static unsigned long disk_writes(void)
{
	unsigned long w = 0;
	FILE *f;

	mount("proc", "/proc", "proc", 0, NULL);    /* process 1 mounts it */
	f = fopen("/proc/diskstats", "r");

	if (!f || fscanf(f, "%*d %*d %*s %*u %*u %*u %*u %lu", &w) != 1)
		say("storm: cannot read /proc/diskstats\n");
	if (f)
		fclose(f);
	return w;
}

int main(int argc, char **argv)
{
	uint32_t seed = argc > 1 ? strtoul(argv[1], NULL, 10) : 1;
	int ops = argc > 2 ? atoi(argv[2]) : 100;

	mkdir("/crash", 0755);
	mkdir("/crash/shared", 0755);
	say("storm: seed %u, %d workers, %d operations each\n", seed,
	    WORKERS, ops);
	for (worker = 0; worker < WORKERS; worker++)
		if (fork() == 0)
			work(seed, ops);
	while (wait(NULL) > 0)
		;
	sync();
	say("storm: done after %lu disk writes\n", disk_writes());
	return 0;
}
