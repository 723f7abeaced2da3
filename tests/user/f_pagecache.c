/*
 * The page cache (docs/pagecache.md): file data lives in 4 KiB pages
 * between write() and the disk. Truncating must not let old bytes come
 * back, holes read as zeros, two descriptors see one copy, an unlinked
 * file keeps its data while open and gives its blocks back at close, and
 * when memory runs short the cache gives its clean pages back (no one is
 * OOM-killed) and the data read again from the disk is what was written.
 */
#include "f_test.h"
#include <signal.h>
#include <stdbool.h>
#include <sys/mount.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>

#define BIG (24 << 20)
#define CHUNK 4096

static char buf[65536], back[65536];

static void pattern(char *p, size_t n, unsigned int seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (char)(seed + i * 7 + i / 4096);
}

static bool all_zero(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

static off_t size_of(int fd)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -1;
	return st.st_size;
}

/* Shrink to the middle of a block, read back, grow again: the bytes past
   the cut read as zeros, also after fsync wrote the page back. */
static void truncate_cases(void)
{
	int fd = open("trunc", O_RDWR | O_CREAT | O_TRUNC, 0644);

	pattern(buf, 10000, 1);
	EXPECT("write 10000 bytes", write(fd, buf, 10000) == 10000);
	EXPECT("ftruncate to 5000", ftruncate(fd, 5000) == 0 && size_of(fd) == 5000);
	EXPECT("read back stops at the new end",
	       pread(fd, back, 10000, 0) == 5000 && !memcmp(back, buf, 5000));
	EXPECT("grow to 12000 again", ftruncate(fd, 12000) == 0);
	EXPECT("the cut-off bytes read as zeros",
	       pread(fd, back, 12000, 0) == 12000 && !memcmp(back, buf, 5000) &&
	       all_zero(back + 5000, 7000));
	EXPECT("fsync", fsync(fd) == 0);
	pattern(buf, 8192, 2);
	EXPECT("rewrite 8192 bytes and fsync",
	       pwrite(fd, buf, 8192, 0) == 8192 && fsync(fd) == 0);
	EXPECT("truncate to 100, write at 8192",
	       ftruncate(fd, 100) == 0 && pwrite(fd, "z", 1, 8192) == 1);
	EXPECT("between them: zeros, not the old data",
	       pread(fd, back, 8193, 0) == 8193 && !memcmp(back, buf, 100) &&
	       all_zero(back + 100, 8092) && back[8192] == 'z');
	EXPECT("truncate to 0 empties it",
	       ftruncate(fd, 0) == 0 && pread(fd, back, 10, 0) == 0);
	close(fd);
	unlink("trunc");
}

/* Writes far apart leave holes: zeros, and no blocks under them. */
static void hole_cases(void)
{
	int fd = open("holes", O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct stat st;
	static char big[300001];

	EXPECT("write at 0 and at 300000",
	       pwrite(fd, "a", 1, 0) == 1 && pwrite(fd, "b", 1, 300000) == 1);
	EXPECT("the hole reads as zeros",
	       pread(fd, big, sizeof(big), 0) == (ssize_t)sizeof(big) &&
	       big[0] == 'a' && big[300000] == 'b' && all_zero(big + 1, 299999));
	EXPECT("the hole takes no blocks",
	       fstat(fd, &st) == 0 && st.st_blocks * 512 < 16384);
	EXPECT("sparse growth: ftruncate to 1 MiB",
	       ftruncate(fd, 1 << 20) == 0 && size_of(fd) == 1 << 20);
	EXPECT("its tail reads as zeros",
	       pread(fd, buf, 65536, (1 << 20) - 65536) == 65536 &&
	       all_zero(buf, 65536));
	pattern(buf, 5000, 3);
	EXPECT("a write across a page boundary inside the hole",
	       pwrite(fd, buf, 5000, 600000 - 10) == 5000 && fsync(fd) == 0);
	EXPECT("reads back with zeros around it",
	       pread(fd, back, 7000, 600000 - 1010) == 7000 &&
	       all_zero(back, 1000) && !memcmp(back + 1000, buf, 5000) &&
	       all_zero(back + 6000, 1000));
	close(fd);
	unlink("holes");
}

/* Two opens of one file share its pages; O_APPEND writers interleave. */
static void sharing_cases(void)
{
	int w = open("shared", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int r = open("shared", O_RDONLY);
	int a1, a2;
	bool same = true;

	pattern(buf, 20000, 4);
	EXPECT("one fd writes, another reads it at once",
	       write(w, buf, 20000) == 20000 && read(r, back, 20000) == 20000 &&
	       !memcmp(back, buf, 20000));
	EXPECT("an overwrite in the middle is seen by the reader",
	       pwrite(w, "XYZ", 3, 4095) == 3 && pread(r, back, 3, 4095) == 3 &&
	       !memcmp(back, "XYZ", 3));
	close(w);
	close(r);
	a1 = open("shared", O_WRONLY | O_APPEND | O_TRUNC);
	a2 = open("shared", O_WRONLY | O_APPEND);
	memset(buf, 'a', 3000);
	memset(buf + 3000, 'b', 3000);
	for (int i = 0; i < 10; i++)
		if (write(a1, buf, 3000) != 3000 || write(a2, buf + 3000, 3000) != 3000)
			same = false;
	r = open("shared", O_RDONLY);
	EXPECT("O_APPEND: two writers, 60000 bytes", same && size_of(r) == 60000);
	for (int i = 0; i < 20 && same; i++)
		same = read(r, back, 3000) == 3000 &&
		       !memcmp(back, buf + (i % 2) * 3000, 3000);
	EXPECT("O_APPEND: each write where the last ended", same);
	close(a1);
	close(a2);
	close(r);
	unlink("shared");
}

static long free_blocks(void)
{
	struct statfs sf;

	return statfs(".", &sf) < 0 ? -1 : (long)sf.f_bfree;
}

/* An unlinked file keeps its data while open; the last close frees it. */
static void unlink_cases(void)
{
	long before = free_blocks();
	int fd = open("gone", O_RDWR | O_CREAT | O_TRUNC, 0644);
	bool same = true;

	pattern(buf, sizeof(buf), 5);
	for (int i = 0; i < 4; i++)
		write_all(fd, buf, sizeof(buf));
	EXPECT("unlink while open", unlink("gone") == 0 && access("gone", F_OK) < 0);
	for (int i = 0; i < 4 && same; i++)
		same = pread(fd, back, sizeof(back), i * sizeof(back)) ==
		       (ssize_t)sizeof(back) && !memcmp(back, buf, sizeof(buf));
	EXPECT("its data still reads back", same);
	EXPECT("it can still grow and fsync",
	       write(fd, buf, 4096) == 4096 && fsync(fd) == 0);
	close(fd);
	EXPECT("the last close gives its blocks back", free_blocks() == before);
}

/* MemAvailable minus MemFree on /proc/meminfo (kB), mounted for the
   look (process 1 starts without /proc); -1 if it cannot be read. */
static long meminfo_available_over_free(void)
{
	FILE *f;
	char line[80];
	long avail = -1, free = -1;

	mount("proc", "/proc", "proc", 0, NULL);
	if ((f = fopen("/proc/meminfo", "r"))) {
		while (fgets(line, sizeof(line), f)) {
			sscanf(line, "MemAvailable: %ld", &avail);
			sscanf(line, "MemFree: %ld", &free);
		}
		fclose(f);
	}
	umount("/proc");
	return avail < 0 || free < 0 ? -1 : avail - free;
}

/* Take free memory and a part of the cache's, `share` quarters, by
   touching pages of the heap: the cache gives pages back meanwhile. */
static void take_memory(unsigned int share)
{
	struct sysinfo si;
	long want;

	sysinfo(&si);
	want = (long)(si.freeram + si.bufferram / 4 * share) * si.mem_unit;
	for (long got = 0; got < want; got += 1 << 20) {
		char *p = sbrk(1 << 20);

		if (p == (char *)-1)
			_exit(2);
		for (int i = 0; i < 1 << 20; i += 4096)
			p[i] = 1;
	}
}

/* Read the file twice while a child holds nearly all memory: each
   read-ahead must reclaim cache pages, never the one being read. */
static void read_while_squeezed(int fd)
{
	int ready[2];
	bool same = true;
	char c;
	pid_t pid;

	pipe(ready);
	if ((pid = fork()) == 0) {
		take_memory(2);
		write(ready[1], "x", 1);
		pause();
		_exit(0);
	}
	EXPECT("a child holds all free memory", read(ready[0], &c, 1) == 1);
	for (int pass = 0; pass < 2 && same; pass++) {
		lseek(fd, 0, SEEK_SET);
		for (int i = 0; i < BIG / CHUNK && same; i++) {
			pattern(buf, CHUNK, i);
			same = read(fd, back, CHUNK) == CHUNK &&
			       !memcmp(back, buf, CHUNK);
		}
	}
	EXPECT("the file reads back twice while memory is short", same);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	close(ready[0]);
	close(ready[1]);
}

/* A 24 MiB file, written and synced: then a child takes all free memory
   and more. The cache must give its clean pages back (the child is not
   killed), and reading the file again brings back what was written. */
static void pressure_cases(void)
{
	int fd = open("big", O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct sysinfo si;
	unsigned long cached_before;
	bool same = true;
	pid_t pid;

	for (int i = 0; i < BIG / CHUNK && same; i++) {
		pattern(buf, CHUNK, i);
		same = write(fd, buf, CHUNK) == CHUNK;
	}
	EXPECT("write 24 MiB and fsync", same && fsync(fd) == 0);
	sysinfo(&si);
	cached_before = si.bufferram;
	EXPECT("the file is in the cache", cached_before * si.mem_unit >= BIG);
	EXPECT("meminfo: MemAvailable counts the cache as well as MemFree",
	       meminfo_available_over_free() >= BIG >> 10);
	if ((pid = fork()) == 0) {
		take_memory(3);         /* and three quarters of the cache */
		_exit(0);
	}
	EXPECT("a child takes the cache's memory, and is not killed",
	       wait_child(pid) == 0);
	sysinfo(&si);
	EXPECT("the cache gave pages back", si.bufferram < cached_before);
	lseek(fd, 0, SEEK_SET);
	for (int i = 0; i < BIG / CHUNK && same; i++) {
		pattern(buf, CHUNK, i);
		same = read(fd, back, CHUNK) == CHUNK && !memcmp(back, buf, CHUNK);
	}
	EXPECT("the file reads back from the disk unchanged", same);
	read_while_squeezed(fd);
	close(fd);
	unlink("big");
}

int main(void)
{
	const char *dir = enter_workdir("f_pagecache");

	truncate_cases();
	hole_cases();
	sharing_cases();
	unlink_cases();
	pressure_cases();
	chdir("/");
	EXPECT("work folder removed", rmdir(dir) == 0);
	return failures != 0;
}
