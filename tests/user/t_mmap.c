/*
 * Anonymous mmap: what a program sees. Fresh memory reads as zeros and
 * keeps what is written; munmap takes it away (SIGSEGV), PROT_NONE too;
 * MAP_FIXED replaces, MAP_FIXED_NOREPLACE refuses; a private mapping is
 * copied at fork, a shared one is not; mprotect on part of a mapping,
 * mremap growing and moving, madvise(MADV_DONTNEED), and Linux's errnos.
 */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define PG 4096
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static volatile char *target;   /* what a child touches */

static char *map(size_t len, int prot, int flags)
{
	return mmap(NULL, len, prot, flags, -1, 0);
}

static void child_reads(void)
{
	(void)*target;
}

static void child_writes(void)
{
	*target = 1;
}

/* Does touching p in a child kill it with SIGSEGV? */
static int segv_on(volatile char *p, void (*touch)(void))
{
	int r;

	target = p;
	r = run_child(touch);
	return WIFSIGNALED(r) && WTERMSIG(r) == SIGSEGV;
}

static int all_zero(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

static void test_anonymous(void)
{
	size_t len = 64 * 1024;
	char *p = map(len, RW, ANON);

	expect("mmap 64 KiB anonymous", p != MAP_FAILED, "errno %d", errno);
	if (p == MAP_FAILED)
		return;
	expect("page aligned", ((unsigned long)p & (PG - 1)) == 0, "%p", p);
	expect("reads as zeros", all_zero(p, len), "a byte is not 0");
	memset(p, 0x5a, len);
	expect("keeps what is written", p[0] == 0x5a && p[len - 1] == 0x5a,
	       "read %d %d", p[0], p[len - 1]);
	expect("munmap", munmap(p, len) == 0, "errno %d", errno);
	expect("a read after munmap: SIGSEGV", segv_on(p, child_reads),
	       "no SIGSEGV");
	p = map(3 * PG, RW, ANON);
	expect("munmap of the middle page", munmap(p + PG, PG) == 0,
	       "errno %d", errno);
	p[0] = 1;
	p[2 * PG] = 2;
	expect("the pages around the hole stay", p[0] == 1 && p[2 * PG] == 2,
	       "read %d %d", p[0], p[2 * PG]);
	expect("the hole: SIGSEGV", segv_on(p + PG, child_writes), "no SIGSEGV");
	expect("munmap across the hole", munmap(p, 3 * PG) == 0, "errno %d",
	       errno);
	expect("a big mapping costs nothing until touched",
	       (p = map(256 << 20, RW, ANON | MAP_NORESERVE)) != MAP_FAILED,
	       "errno %d", errno);
	if (p != MAP_FAILED) {
		p[128 << 20] = 3;
		expect("and one page of it works", p[128 << 20] == 3, "read %d",
		       p[128 << 20]);
		munmap(p, 256 << 20);
	}
}

static void test_protection(void)
{
	char *p = map(2 * PG, PROT_NONE, ANON);
	int fd;

	expect("mmap PROT_NONE", p != MAP_FAILED, "errno %d", errno);
	expect("a read of PROT_NONE: SIGSEGV", segv_on(p, child_reads),
	       "no SIGSEGV");
	expect("mprotect the second page RW", mprotect(p + PG, PG, RW) == 0,
	       "errno %d", errno);
	p[PG] = 9;
	expect("which then works", p[PG] == 9, "read %d", p[PG]);
	expect("the first is still PROT_NONE", segv_on(p, child_reads),
	       "no SIGSEGV");
	expect("mprotect it PROT_NONE again", mprotect(p + PG, PG, PROT_NONE)
	       == 0, "errno %d", errno);
	expect("a written page made PROT_NONE: SIGSEGV",
	       segv_on(p + PG, child_reads), "no SIGSEGV");
	mprotect(p, 2 * PG, PROT_READ);
	expect("and back to PROT_READ: the data is still there", p[PG] == 9,
	       "read %d", p[PG]);
	expect("a write to PROT_READ: SIGSEGV", segv_on(p, child_writes),
	       "no SIGSEGV");
	fd = open("/dev/zero", O_RDONLY);
	expect("read() into PROT_READ memory: EFAULT",
	       read(fd, p, 1) == -1 && errno == EFAULT, "errno %d", errno);
	close(fd);
	munmap(p, 2 * PG);
}

static void test_fixed(void)
{
	char *p = map(4 * PG, RW, ANON), *q;

	memset(p, 7, 4 * PG);
	q = mmap(p + PG, PG, RW, ANON | MAP_FIXED, -1, 0);
	expect("MAP_FIXED gives exactly the address", q == p + PG, "got %p", q);
	expect("and replaces the old page with zeros", q[0] == 0 && p[0] == 7 &&
	       p[2 * PG] == 7, "read %d %d %d", q[0], p[0], p[2 * PG]);
	q = mmap(p + 2 * PG, PG, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	expect("MAP_FIXED_NOREPLACE over a mapping: EEXIST",
	       q == MAP_FAILED && errno == EEXIST, "got %p errno %d", q, errno);
	munmap(p, 4 * PG);
	q = mmap(p + 2 * PG, PG, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
	expect("MAP_FIXED_NOREPLACE on free addresses", q == p + 2 * PG,
	       "got %p errno %d", q, errno);
	munmap(q, PG);
	q = mmap(p, PG, RW, ANON, -1, 0);
	expect("a free hint address is taken", q == p, "got %p, hint %p", q, p);
	munmap(q, PG);
	q = mmap(p + 1, PG, RW, ANON | MAP_FIXED, -1, 0);
	expect("MAP_FIXED at an unaligned address: EINVAL",
	       q == MAP_FAILED && errno == EINVAL, "errno %d", errno);
}

static void test_errnos(void)
{
	expect("length 0: EINVAL", map(0, RW, ANON) == MAP_FAILED &&
	       errno == EINVAL, "errno %d", errno);
	expect("neither private nor shared: EINVAL",
	       map(PG, RW, MAP_ANONYMOUS) == MAP_FAILED && errno == EINVAL,
	       "errno %d", errno);
	expect("a file mapping of a closed fd: EBADF",
	       mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 77, 0) == MAP_FAILED &&
	       errno == EBADF, "errno %d", errno);
	expect("an offset not a page multiple: EINVAL",
	       mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 0, 100) == MAP_FAILED &&
	       errno == EINVAL, "errno %d", errno);
	expect("more than the address space: ENOMEM",
	       map(0xF0000000u, RW, ANON) == MAP_FAILED && errno == ENOMEM,
	       "errno %d", errno);
	expect("munmap of an unaligned address: EINVAL",
	       munmap((void *)0x10001, PG) == -1 && errno == EINVAL,
	       "errno %d", errno);
	expect("munmap of length 0: EINVAL", munmap((void *)0x10000, 0) == -1
	       && errno == EINVAL, "errno %d", errno);
	expect("munmap of nothing mapped: 0", munmap((void *)0x50000000, PG)
	       == 0, "errno %d", errno);
}

static char *shared_page;

static void child_writes_shared(void)
{
	shared_page[0] = 'c';
	shared_page[PG] = 'd';
}

static void test_fork(void)
{
	char *priv = map(PG, RW, ANON);
	int r;

	shared_page = map(2 * PG, RW, MAP_SHARED | MAP_ANONYMOUS);
	expect("mmap MAP_SHARED|MAP_ANONYMOUS", shared_page != MAP_FAILED,
	       "errno %d", errno);
	priv[0] = 'p';
	target = priv;
	r = run_child(child_writes);
	expect("a child's write to a private mapping stays its own",
	       r == 0 && priv[0] == 'p', "%s, read %c", describe(r), priv[0]);
	r = run_child(child_writes_shared);
	expect("a child's writes to a shared mapping are seen by the parent",
	       r == 0 && shared_page[0] == 'c' && shared_page[PG] == 'd',
	       "%s, read %d %d", describe(r), shared_page[0], shared_page[PG]);
	shared_page[0] = 'x';
	r = run_child(child_writes_shared);
	expect("both ways, again", r == 0 && shared_page[0] == 'c',
	       "read %c", shared_page[0]);
	munmap(priv, PG);
	munmap(shared_page, 2 * PG);
}

static void test_mremap(void)
{
	char *p = map(2 * PG, RW, ANON), *q, *blocker;

	memset(p, 'm', 2 * PG);
	q = mremap(p, 2 * PG, PG, 0);
	expect("mremap shrinks in place", q == p, "got %p errno %d", q, errno);
	expect("the cut page is gone", segv_on(p + PG, child_reads),
	       "no SIGSEGV");
	munmap(p, PG);
	p = map(2 * PG, RW, ANON);
	memset(p, 'm', 2 * PG);
	blocker = mmap(p + 2 * PG, PG, PROT_READ, ANON | MAP_FIXED_NOREPLACE,
		       -1, 0);
	q = mremap(p, 2 * PG, 4 * PG, 0);
	expect("mremap cannot grow into a mapping without MAYMOVE: ENOMEM",
	       blocker == p + 2 * PG && q == MAP_FAILED && errno == ENOMEM,
	       "blocker %p, got %p errno %d", blocker, q, errno);
	q = mremap(p, 2 * PG, 4 * PG, MREMAP_MAYMOVE);
	expect("with MREMAP_MAYMOVE it moves", q != MAP_FAILED && q != p,
	       "got %p errno %d", q, errno);
	if (q == MAP_FAILED)
		return;
	expect("the data moved with it", q[0] == 'm' && q[2 * PG - 1] == 'm' &&
	       all_zero(q + 2 * PG, 2 * PG), "read %d %d", q[0],
	       q[2 * PG - 1]);
	expect("the old address is gone", segv_on(p, child_reads),
	       "no SIGSEGV");
	munmap(blocker, PG);
	p = mremap(q, 4 * PG, 8 * PG, 0);
	expect("mremap grows in place when there is room", p == q,
	       "got %p errno %d", p, errno);
	munmap(q, 8 * PG);
	expect("mremap of unmapped memory: EFAULT",
	       mremap((void *)0x50000000, PG, 2 * PG, 0) == MAP_FAILED &&
	       errno == EFAULT, "errno %d", errno);
	expect("mremap with unknown flags: EINVAL",
	       mremap(p, PG, PG, 0x80) == MAP_FAILED && errno == EINVAL,
	       "errno %d", errno);
}

static void test_madvise(void)
{
	char *p = map(2 * PG, RW, ANON);

	memset(p, 'a', 2 * PG);
	expect("madvise MADV_DONTNEED", madvise(p, 2 * PG, MADV_DONTNEED) == 0,
	       "errno %d", errno);
	expect("private anonymous pages read zeros again", all_zero(p, 2 * PG),
	       "a byte is not 0");
	expect("madvise MADV_SEQUENTIAL is accepted",
	       madvise(p, PG, MADV_SEQUENTIAL) == 0, "errno %d", errno);
	expect("madvise with unknown advice: EINVAL",
	       madvise(p, PG, 1234) == -1 && errno == EINVAL, "errno %d", errno);
	munmap(p, 2 * PG);
	expect("madvise of unmapped memory: ENOMEM",
	       madvise(p, PG, MADV_NORMAL) == -1 && errno == ENOMEM,
	       "errno %d", errno);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	test_anonymous();
	test_protection();
	test_fixed();
	test_errnos();
	test_fork();
	test_mremap();
	test_madvise();
	return check_done();
}
