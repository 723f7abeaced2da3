/*
 * Stand-ins for the kernel around the file system when it runs on the
 * host: memory from malloc and an arena, printk to stderr, wait queues that never wait
 * (this disk answers at once), and a disk that is a file.
 */
#include "ext2_host.h"
#include "block/block.h"
#include "mm/mm.h"
#include "sched/sched.h"
#include <stdarg.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sprout/errno.h>

const char *ext2_host_image;
unsigned long ata_requests;
static int disk_fd = -1;

static struct fs_struct host_fs = { .users = 1 };   /* cwd NULL: the root */
static struct task_struct host_task = { .fs = &host_fs };
struct task_struct *current = &host_task;

/* ---- the disk ---- */
int ata_init(void)
{
	FILE *f = fopen(ext2_host_image, "r+b");  /* (no <fcntl.h>: its
						     struct stat is not ours) */
	disk_fd = f ? fileno(f) : -1;
	return f ? 0 : -ENODEV;
}

static int disk_rw(int write, uint32_t sector, uint32_t nsect, void *buf)
{
	size_t len = (size_t)nsect * SECTOR_SIZE;
	off_t at = (off_t)sector * SECTOR_SIZE;
	ssize_t n = write ? pwrite(disk_fd, buf, len, at) : pread(disk_fd, buf, len, at);

	return n == (ssize_t)len ? 0 : -EIO;
}

int ata_rw_blocks(int write, uint32_t sector, uint32_t nsect, char *const blocks[])
{
	ata_requests++;
	for (uint32_t i = 0; i < nsect; i += 2)
		if (disk_rw(write, sector + i, nsect - i < 2 ? 1 : 2, blocks[i / 2]))
			return -EIO;
	return 0;
}

/* The image file is the medium: nothing to flush. */
int ata_flush(void)
{
	return 0;
}

/* This disk answers at once: a request is done when submitted. */
void blk_submit(struct blk_request *rq)
{
	rq->error = ata_rw_blocks(rq->write, rq->sector, rq->nsect, rq->blocks);
	if (rq->end_io)
		rq->end_io(rq);
	rq->done = true;
}

void blk_wait(struct blk_request *rq) {}

/* ---- memory, console, time, sleeping ---- */
/* "User" buffers are the test's own memory: always there. */
unsigned long copy_to_user(void *udst, const void *src, unsigned long n)
{
	memcpy(udst, src, n);
	return 0;
}

size_t fault_in_readable(const void *uaddr, size_t n) { return 0; }

/* No address spaces here: a truncated file has no mappings to cut. */
void unmap_file_tail(struct inode *inode, loff_t size) {}

void *kmalloc(size_t size) { return malloc(size); }
void *kzalloc(size_t size) { return calloc(1, size); }
void kfree(void *p) { free(p); }

/* Page frames: the kernel's allocator over 64 MiB of "RAM" here (the
   page cache keys its pages by their struct page). */
#define NPAGES 16384
char test_arena[NPAGES * PAGE_SIZE] __attribute__((aligned(4096)));
static struct page host_map[NPAGES];

__attribute__((constructor)) static void host_memory(void)
{
	page_alloc_init(host_map, NPAGES);
	page_alloc_add_range(0, NPAGES);
}

int printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	return 0;
}

uint32_t get_seconds(void) { return time(NULL); }
void prepare_to_wait(struct wait_queue *wq, long state) {}
void finish_wait(struct wait_queue *wq) {}
void __wake_up(struct wait_queue *wq) {}

void schedule(void)
{
	fprintf(stderr, "schedule() called: something would sleep forever\n");
	abort();
}

/* ---- images and the e2fsprogs judges ---- */
static void add_sbin_to_path(void)
{
	static int done;
	char path[4096];

	if (done++)
		return;
	snprintf(path, sizeof(path), "%s:/usr/sbin:/sbin", getenv("PATH") ?: "/usr/bin:/bin");
	setenv("PATH", path, 1);
}

void make_image(const char *img, const char *from, const char *size)
{
	char cmd[1024];

	add_sbin_to_path();
	snprintf(cmd, sizeof(cmd), "rm -f %s && mke2fs " MKE2FS_OPTS " %s%s -F %s %s >/dev/null 2>&1",
		 img, from ? "-d " : "", from ? from : "", img, size);
	if (system(cmd) != 0) {
		printf("FAIL mke2fs -- %s\n", cmd);
		exit(1);
	}
}

int e2fsck(const char *img)
{
	char cmd[1024];
	int st;

	add_sbin_to_path();
	snprintf(cmd, sizeof(cmd), "e2fsck -fn %s >%s.fsck 2>&1", img, img);
	st = system(cmd);
	st = WIFEXITED(st) ? WEXITSTATUS(st) : 255;
	if (st) {
		snprintf(cmd, sizeof(cmd), "cat %s.fsck >&2", img);
		if (system(cmd)) {}
	}
	return st;
}

int debugfs_same(const char *img, const char *path, const void *data, size_t len)
{
	char cmd[1024];
	size_t got = 0, n;
	char *buf = malloc(len + 1);
	FILE *f;

	add_sbin_to_path();
	snprintf(cmd, sizeof(cmd), "debugfs -R 'cat %s' %s 2>/dev/null", path, img);
	if (!buf || !(f = popen(cmd, "r")))
		return 0;
	while ((n = fread(buf + got, 1, len + 1 - got, f)) > 0 && got < len + 1)
		got += n;
	pclose(f);
	n = got == len && !memcmp(buf, data, len);
	free(buf);
	return n;
}

void in_child(const char *img, void (*fn)(void))
{
	pid_t pid;
	int st;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		ext2_host_image = img;
		if (fs_init() < 0) {
			printf("FAIL mount %s -- fs_init failed\n", img);
			exit(1);
		}
		fn();
		journal_commit();
		fflush(stdout);
		_exit(0);
	}
	waitpid(pid, &st, 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		printf("FAIL child on %s -- exit status %#x\n", img, st);
}

void fill_pattern(void *buf, size_t len, uint32_t seed, size_t offset)
{
	unsigned char *p = buf;

	for (size_t i = 0; i < len; i++) {
		uint32_t x = (uint32_t)(offset + i) * 2654435761u + seed * 40503u;
		p[i] = (x >> 13) ^ (x >> 24);
	}
}

int write_file(const char *path, const void *data, size_t len)
{
	struct inode *inode;
	ssize_t n;
	int err = vfs_mknod(NULL, path, S_IFREG | 0644, 0, &inode);

	if (err)
		return err;
	n = inode_write(inode, data, 0, len);
	iput(inode);
	return n == (ssize_t)len ? 0 : n < 0 ? (int)n : -EIO;
}

int link_path(const char *oldpath, const char *newpath)
{
	struct inode *inode;
	int err = lnamei(oldpath, &inode);

	if (err)
		return err;
	err = vfs_link(inode, NULL, newpath);
	iput(inode);
	return err;
}

ssize_t read_file(const char *path, void *buf, size_t len)
{
	struct inode *inode;
	ssize_t n;
	int err = namei(path, &inode);

	if (err)
		return err;
	n = inode_read(inode, buf, 0, len);
	iput(inode);
	return n;
}

struct stat64 path_stat(const char *path)
{
	struct stat64 st = { 0 };
	struct inode *inode;

	if (namei(path, &inode) == 0) {
		inode_stat(inode, &st);
		iput(inode);
	}
	return st;
}
