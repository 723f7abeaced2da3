/*
 * File mappings: a private mapping shows the file and keeps its own
 * writes; a shared one writes the file (seen by read() at once, and on
 * the disk's file after msync or munmap), is shared with a forked child,
 * and outlives its fd; the offset picks the file's page; and Linux's
 * errnos (EACCES, ENODEV). Then /proc/self/maps in Linux's format.
 */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/wait.h>

#define PG 4096
#define FILE_LEN (3 * PG + 100)
#define PATH "/tmp/mmap_file.dat"

static int make_file(void)
{
	static char buf[FILE_LEN];
	int fd = open(PATH, O_CREAT | O_RDWR | O_TRUNC, 0644);

	for (int i = 0; i < FILE_LEN; i++)
		buf[i] = 'A' + (i / PG);        /* page n holds letter n */
	write(fd, buf, FILE_LEN);
	return fd;
}

static char byte_at(int fd, off_t pos)
{
	char c = 0;

	pread(fd, &c, 1, pos);
	return c;
}

static void test_private(int fd)
{
	char *p = mmap(NULL, FILE_LEN, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd,
		       0);

	expect("mmap a file MAP_PRIVATE", p != MAP_FAILED, "errno %d", errno);
	if (p == MAP_FAILED)
		return;
	expect("it shows the file", p[0] == 'A' && p[PG] == 'B' &&
	       p[3 * PG + 99] == 'D', "read %c %c %c", p[0], p[PG],
	       p[3 * PG + 99]);
	expect("past the end of the file, its last page reads zeros",
	       p[3 * PG + 100] == 0 && p[4 * PG - 1] == 0, "read %d",
	       p[3 * PG + 100]);
	p[0] = 'x';
	expect("a private write is the mapping's own", p[0] == 'x' &&
	       byte_at(fd, 0) == 'A', "map %c file %c", p[0], byte_at(fd, 0));
	pwrite(fd, "b", 1, PG);
	expect("a write() to a page not yet copied shows through",
	       p[PG] == 'b', "read %c", p[PG]);
	pwrite(fd, "B", 1, PG);
	munmap(p, FILE_LEN);
	p = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 2 * PG);
	expect("an offset maps from that page", p != MAP_FAILED && p[0] == 'C',
	       "errno %d", errno);
	munmap(p, PG);
}

static char *shared;

static void child_writes(void)
{
	shared[5] = 'k';
}

static void test_shared(int fd)
{
	int r;

	shared = mmap(NULL, FILE_LEN, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		      0);
	expect("mmap a file MAP_SHARED", shared != MAP_FAILED, "errno %d",
	       errno);
	if (shared == MAP_FAILED)
		return;
	shared[1] = 's';
	expect("a shared write is in the file at once (the page cache)",
	       byte_at(fd, 1) == 's', "read %c", byte_at(fd, 1));
	pwrite(fd, "w", 1, 2);
	expect("and write() shows in the mapping", shared[2] == 'w',
	       "read %c", shared[2]);
	shared[PG + 3] = 'm';
	expect("msync MS_SYNC", msync(shared, FILE_LEN, MS_SYNC) == 0,
	       "errno %d", errno);
	expect("the file has it", byte_at(fd, PG + 3) == 'm', "read %c",
	       byte_at(fd, PG + 3));
	r = run_child(child_writes);
	expect("a forked child's write reaches the parent's mapping",
	       r == 0 && shared[5] == 'k', "%s, read %c", describe(r),
	       shared[5]);
	shared[2 * PG] = 'u';
	expect("munmap", munmap(shared, FILE_LEN) == 0, "errno %d", errno);
	expect("what was written before munmap is in the file",
	       byte_at(fd, 2 * PG) == 'u' && byte_at(fd, 5) == 'k', "read %c",
	       byte_at(fd, 2 * PG));
	expect("msync of unmapped memory: ENOMEM",
	       msync(shared, PG, MS_ASYNC) == -1 && errno == ENOMEM,
	       "errno %d", errno);
	expect("msync MS_ASYNC|MS_SYNC: EINVAL",
	       msync(shared, PG, MS_ASYNC | MS_SYNC) == -1 && errno == EINVAL,
	       "errno %d", errno);
}

static void test_after_close(void)
{
	int fd = open(PATH, O_RDWR);
	char *p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	close(fd);
	p[10] = 'c';
	expect("a mapping outlives its closed fd", p[0] == 'A', "read %c",
	       p[0]);
	munmap(p, PG);
	fd = open(PATH, O_RDONLY);
	expect("and its writes reach the file", byte_at(fd, 10) == 'c',
	       "read %c", byte_at(fd, 10));
	close(fd);
}

static void test_errnos(void)
{
	int ro = open(PATH, O_RDONLY), wo = open(PATH, O_WRONLY), pfd[2];
	char *p;

	expect("MAP_SHARED|PROT_WRITE of a read-only fd: EACCES",
	       mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0) ==
	       MAP_FAILED && errno == EACCES, "errno %d", errno);
	expect("any mapping of a write-only fd: EACCES",
	       mmap(NULL, PG, PROT_READ, MAP_PRIVATE, wo, 0) == MAP_FAILED &&
	       errno == EACCES, "errno %d", errno);
	p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
	expect("MAP_PRIVATE|PROT_WRITE of a read-only fd is fine",
	       p != MAP_FAILED, "errno %d", errno);
	munmap(p, PG);
	p = mmap(NULL, PG, PROT_READ, MAP_SHARED, ro, 0);
	expect("mprotect PROT_WRITE of that shared read-only mapping: EACCES",
	       p != MAP_FAILED && mprotect(p, PG, PROT_READ | PROT_WRITE) == -1
	       && errno == EACCES, "errno %d", errno);
	munmap(p, PG);
	pipe(pfd);
	expect("mmap of a pipe: ENODEV",
	       mmap(NULL, PG, PROT_READ, MAP_PRIVATE, pfd[0], 0) ==
	       MAP_FAILED && errno == ENODEV, "errno %d", errno);
	close(pfd[0]);
	close(pfd[1]);
	close(ro);
	close(wo);
}

/* Each line: start-end perms offset major:minor inode [name]. */
static int parse_line(const char *line, unsigned long *start,
		      unsigned long *end, char *perms, const char **name)
{
	unsigned long off, ino;
	unsigned int maj, min;
	int n = 0;

	if (sscanf(line, "%lx-%lx %4s %lx %x:%x %lu %n", start, end, perms,
		   &off, &maj, &min, &ino, &n) < 7 || n == 0)
		return 0;
	*name = line + n;
	return 1;
}

static void test_maps(void)
{
	static char text[8192];
	int fd, len = 0, n, lines = 0;
	int bad = 0, heap = 0, stack = 0, file = 0, self = 0, aligned = 1;
	int mfd = open(PATH, O_RDWR);
	char *m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, mfd, PG);
	char *h = malloc(100000);

	if (is_init())
		mount("proc", "/proc", "proc", 0, NULL);
	fd = open("/proc/self/maps", O_RDONLY);
	expect("/proc/self/maps opens", fd >= 0, "errno %d", errno);
	while (fd >= 0 && (n = read(fd, text + len, sizeof(text) - 1 - len)) > 0)
		len += n;
	text[len] = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		unsigned long start, end;
		char perms[5];
		const char *name;

		lines++;
		if (!parse_line(line, &start, &end, perms, &name)) {
			bad++;
			continue;
		}
		if (*name && name - line != 49)
			aligned = 0;
		heap += !strcmp(name, "[heap]");
		stack += !strcmp(name, "[stack]");
		file += !strcmp(name, PATH) && !strcmp(perms, "rw-s") &&
			start == (unsigned long)m;
		self += strstr(name, "t_mmap_file") != NULL;
	}
	expect("every line parses", lines > 3 && !bad, "%d lines, %d bad",
	       lines, bad);
	expect("names start at column 50", aligned, "a name does not");
	expect("the program's own segments are named",
	       self >= 2, "%d lines", self);
	expect("[heap] and [stack]", heap == 1 && stack == 1, "heap %d stack %d",
	       heap, stack);
	expect("a shared file mapping: its path, rw-s", file == 1,
	       "not found");
	munmap(m, PG);
	free(h);
	close(mfd);
	close(fd);
}

int main(int argc, char **argv)
{
	int fd;

	check_init(argc, argv);
	fd = make_file();
	test_private(fd);
	test_shared(fd);
	close(fd);
	test_after_close();
	test_errnos();
	test_maps();
	unlink(PATH);
	return check_done();
}
