/*
 * Bad input to the calls of the VMA, thread and *at merge: each case
 * asks what a hostile or careless program would, and expects Linux's
 * answer, never a panic, a hang or a lost page.
 *
 *   mm       munmap of the caller's own stack and code (SIGSEGV, not a
 *            kernel fault); mremap onto itself; mprotect over holes
 *            (ENOMEM); mmap of things that are not files (ENODEV) and
 *            of /dev/zero (an anonymous mapping); a shared mapping cut
 *            short by ftruncate (SIGBUS)
 *   futex    unmapped, read-only and unaligned words; requeue onto itself
 *   threads  exit of the leader while a thread reads; exit_group while
 *            threads sleep in futex; execve by a thread while the others
 *            sleep in nanosleep; more threads than the task table
 *   files    sendfile with bad offsets and counts; getrandom of a huge
 *            length; statx with bad masks and flags
 */
#include "check.h"
#include "thread.h"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#define SYS_munmap_ 91
#define SYS_exit_ 1
#define SYS_sendfile_ 187
#include <sys/wait.h>

#define SYS_futex_ 240
#define SYS_sendfile64_ 239
#define SYS_getrandom_ 355
#define SYS_statx_ 383
#define SYS_exit_group_ 252
#define FUTEX_WAIT_ 0
#define FUTEX_WAKE_ 1
#define FUTEX_CMP_REQUEUE_ 4
#define PG 4096

static long futex(void *uaddr, int op, uint32_t val, const void *timeout,
		  void *uaddr2, uint32_t val3)
{
	return syscall(SYS_futex_, uaddr, op, val, timeout, uaddr2, val3);
}

static int killed_by(int status, int sig)
{
	return WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

/* --- mm ------------------------------------------------------------ */

static void unmap_own_stack(void)
{
	char here;
	uintptr_t page = (uintptr_t)&here & ~(uintptr_t)(PG - 1);

	syscall(SYS_munmap_, page, PG);          /* the return address goes */
	_exit(99);                              /* not reached */
}

static void unmap_own_code(void)
{
	uintptr_t page = (uintptr_t)unmap_own_code & ~(uintptr_t)(PG - 1);

	syscall(SYS_munmap_, page, 2 * PG);
	_exit(99);
}

static void test_unmap_self(void)
{
	int st = run_child(unmap_own_stack);

	expect("munmap of the caller's stack page: SIGSEGV",
	       killed_by(st, SIGSEGV), "%s", describe(st));
	st = run_child(unmap_own_code);
	expect("munmap of the caller's code page: SIGSEGV",
	       killed_by(st, SIGSEGV), "%s", describe(st));
}

static void test_mremap(void)
{
	char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	void *r;

	p[0] = 1;
	r = mremap(p, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, p + PG);
	expect("mremap FIXED onto an overlapping range: EINVAL",
	       r == MAP_FAILED && errno == EINVAL, "r=%p errno=%d", r, errno);
	r = mremap(p, 2 * PG, 3 * PG, 0);
	expect("mremap growing into the next pages, no MAYMOVE: ENOMEM",
	       r == MAP_FAILED && errno == ENOMEM, "r=%p errno=%d", r, errno);
	r = mremap(p + 1, PG, PG, 0);
	expect("mremap of an unaligned address: EINVAL",
	       r == MAP_FAILED && errno == EINVAL, "r=%p errno=%d", r, errno);
	r = mremap(p, 8 * PG, PG, 0);
	expect("mremap of a range past its mapping: EFAULT",
	       r == MAP_FAILED && errno == EFAULT, "r=%p errno=%d", r, errno);
	p[3 * PG] = 9;
	r = mremap(p + 3 * PG, PG, 4 * PG, MREMAP_MAYMOVE);
	expect("mremap of the last page, grown: its data goes with it",
	       r != MAP_FAILED && ((char *)r)[0] == 9 && ((char *)r)[PG] == 0,
	       "r=%p errno=%d", r, errno);
	if (r != MAP_FAILED && r != p + 3 * PG)
		munmap(r, 4 * PG);
	r = mremap(p, 3 * PG, 3 * PG, MREMAP_MAYMOVE | MREMAP_FIXED,
		   (char *)0xC0000000 - PG);
	expect("mremap FIXED past the top of user space: EINVAL",
	       r == MAP_FAILED && errno == EINVAL, "r=%p errno=%d", r, errno);
	expect("mremap failures left the first page as it was", p[0] == 1,
	       "p[0]=%d", p[0]);
	munmap(p, 3 * PG);
}

static void test_mprotect(void)
{
	char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int r;

	r = mprotect(p + PG, PG, PROT_READ);    /* two VMAs become three */
	expect("mprotect of a middle page", r == 0, "errno=%d", errno);
	r = mprotect(p, 4 * PG, PROT_READ);
	expect("mprotect across three VMAs", r == 0, "errno=%d", errno);
	munmap(p + 2 * PG, PG);
	r = mprotect(p, 4 * PG, PROT_READ | PROT_WRITE);
	expect("mprotect over a hole: ENOMEM", r == -1 && errno == ENOMEM,
	       "r=%d errno=%d", r, errno);
	r = mprotect(p + 2 * PG, PG, PROT_READ);
	expect("mprotect of the hole alone: ENOMEM",
	       r == -1 && errno == ENOMEM, "r=%d errno=%d", r, errno);
	r = mprotect(p + 1, PG, PROT_READ);
	expect("mprotect of an unaligned address: EINVAL",
	       r == -1 && errno == EINVAL, "r=%d errno=%d", r, errno);
	r = mprotect(p, PG, 0x100);
	expect("mprotect with an unknown bit: EINVAL",
	       r == -1 && errno == EINVAL, "r=%d errno=%d", r, errno);
	r = mprotect((char *)0xC0000000 - PG, 2 * PG, PROT_READ);
	expect("mprotect into the kernel: ENOMEM",
	       r == -1 && (errno == ENOMEM || errno == EINVAL),
	       "r=%d errno=%d", r, errno);
	munmap(p, 4 * PG);
}

static void expect_nodev(const char *name, int fd)
{
	void *r = mmap(NULL, PG, PROT_READ, MAP_SHARED, fd, 0);

	expect(name, r == MAP_FAILED && errno == ENODEV, "r=%p errno=%d",
	       r, errno);
	if (r != MAP_FAILED)
		munmap(r, PG);
}

static void test_mmap_odd_files(void)
{
	int fds[2], dir = open("/", O_RDONLY), null = open("/dev/null", O_RDWR);
	int zero = open("/dev/zero", O_RDWR), wr;
	char *z;

	expect_nodev("mmap of a directory: ENODEV", dir);
	pipe(fds);
	expect_nodev("mmap of a pipe: ENODEV", fds[0]);
	close(fds[0]);
	close(fds[1]);
	socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
	expect_nodev("mmap of a socket: ENODEV", fds[0]);
	close(fds[0]);
	close(fds[1]);
	expect_nodev("mmap of /dev/null: ENODEV", null);
	z = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, zero, 0);
	expect("mmap of /dev/zero, private: zeroed memory, writable",
	       z != MAP_FAILED && z[0] == 0 && z[PG + 5] == 0 &&
	       (z[1] = 7) == 7, "r=%p errno=%d", z, errno);
	if (z != MAP_FAILED)
		munmap(z, 2 * PG);
	close(dir);
	close(null);
	close(zero);
	wr = open("/tmp/abuse15.w", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ftruncate(wr, PG);
	z = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, wr, 0);
	expect("mmap of a write-only file: EACCES",
	       z == MAP_FAILED && errno == EACCES, "r=%p errno=%d", z, errno);
	close(wr);
	unlink("/tmp/abuse15.w");
}

static volatile char *shared_map;

static void touch_past_truncate(void)
{
	(void)shared_map[PG + 1];               /* the second page: gone */
	_exit(0);
}

static void test_truncated_mapping(void)
{
	int fd = open("/tmp/abuse15.m", O_RDWR | O_CREAT | O_TRUNC, 0600);
	int st;

	ftruncate(fd, 2 * PG);
	shared_map = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED,
			  fd, 0);
	shared_map[PG + 1] = 'x';               /* a page in the cache */
	ftruncate(fd, PG);
	st = run_child(touch_past_truncate);
	expect("MAP_SHARED page past a truncated end: SIGBUS",
	       killed_by(st, SIGBUS), "%s", describe(st));
	shared_map[5] = 'y';
	expect("the page before the end still works", shared_map[5] == 'y',
	       "read %d", shared_map[5]);
	munmap((void *)shared_map, 2 * PG);
	close(fd);
	unlink("/tmp/abuse15.m");
}

/* --- futex --------------------------------------------------------- */

static volatile uint32_t fword;
static volatile int waiter_done;

static int futex_waiter(void *arg)
{
	(void)arg;
	futex((void *)&fword, FUTEX_WAIT_, 0, NULL, NULL, 0);
	waiter_done = 1;
	return 0;
}

static void test_futex(void)
{
	static const uint32_t ro = 3;           /* .rodata */
	static char stack[THREAD_STACK];
	long r;

	r = futex((void *)0x1000, FUTEX_WAIT_, 0, NULL, NULL, 0);
	expect("futex WAIT on an unmapped word: EFAULT",
	       r == -1 && errno == EFAULT, "r=%ld errno=%d", r, errno);
	r = futex((void *)0xC0001000, FUTEX_WAKE_, 1, NULL, NULL, 0);
	expect("futex WAKE on a kernel address: EFAULT",
	       r == -1 && errno == EFAULT, "r=%ld errno=%d", r, errno);
	r = futex((void *)&ro, FUTEX_WAIT_, 4, NULL, NULL, 0);
	expect("futex WAIT on a read-only word that differs: EAGAIN",
	       r == -1 && errno == EAGAIN, "r=%ld errno=%d", r, errno);
	r = futex((char *)&fword + 1, FUTEX_WAKE_, 1, NULL, NULL, 0);
	expect("futex on an unaligned word: EINVAL",
	       r == -1 && errno == EINVAL, "r=%ld errno=%d", r, errno);
	r = futex((void *)&fword, FUTEX_CMP_REQUEUE_, 1, (void *)1,
		  (char *)&fword + 2, 0);
	expect("futex CMP_REQUEUE to an unaligned word: EINVAL",
	       r == -1 && errno == EINVAL, "r=%ld errno=%d", r, errno);

	fword = 0;
	waiter_done = 0;
	start_thread(THREAD_FLAGS, stack + sizeof(stack), futex_waiter, NULL,
		     NULL, NULL);
	usleep(50000);
	r = futex((void *)&fword, FUTEX_CMP_REQUEUE_, 0, (void *)1,
		  (void *)&fword, 0);
	expect("futex CMP_REQUEUE onto itself: the waiter requeued (1)",
	       r == 1 && !waiter_done, "r=%ld errno=%d done=%d", r, errno,
	       waiter_done);
	r = futex((void *)&fword, FUTEX_WAKE_, 1, NULL, NULL, 0);
	expect("and a WAKE then wakes it", r == 1 && wait_for(&waiter_done, 1),
	       "r=%ld errno=%d done=%d", r, errno, waiter_done);
	usleep(20000);                          /* its exit */
}

/* --- threads ------------------------------------------------------- */

static int reader_fd;

static int reader(void *arg)
{
	char c;

	(void)arg;
	read(reader_fd, &c, 1);                 /* until the parent writes */
	syscall(SYS_exit_group_, c);
	return 0;
}

static void leader_exits_while_reading(void)
{
	static char stack[THREAD_STACK];

	start_thread(THREAD_FLAGS, stack + sizeof(stack), reader, NULL,
		     NULL, NULL);
	usleep(20000);
	syscall(SYS_exit_, 0);                   /* this thread only */
}

static void test_leader_exit(void)
{
	int fds[2], st = -1;
	pid_t pid;

	pipe(fds);
	reader_fd = fds[0];
	pid = fork();
	if (pid == 0)
		leader_exits_while_reading();
	usleep(100000);
	write(fds[1], "\7", 1);
	waitpid(pid, &st, 0);
	expect("leader exits while a thread reads: the thread's exit_group(7)",
	       WIFEXITED(st) && WEXITSTATUS(st) == 7, "%s", describe(st));
	close(fds[0]);
	close(fds[1]);
}

static volatile uint32_t sleep_word;

static int futex_sleeper(void *arg)
{
	(void)arg;
	for (;;)
		futex((void *)&sleep_word, FUTEX_WAIT_, 0, NULL, NULL, 0);
	return 0;
}

static void exit_group_over_sleepers(void)
{
	static char stacks[3][THREAD_STACK];

	for (int i = 0; i < 3; i++)
		start_thread(THREAD_FLAGS, stacks[i] + THREAD_STACK,
			     futex_sleeper, NULL, NULL, NULL);
	usleep(50000);
	syscall(SYS_exit_group_, 3);
}

static void test_exit_group(void)
{
	int st = run_child(exit_group_over_sleepers);

	expect("exit_group while 3 threads sleep in futex: exited 3",
	       WIFEXITED(st) && WEXITSTATUS(st) == 3, "%s", describe(st));
}

static int napper(void *arg)
{
	struct timespec t = { 100, 0 };

	(void)arg;
	nanosleep(&t, NULL);
	return 0;
}

static int exec_helper(void *arg)
{
	char *argv[] = { (char *)arg, "--exit", "5", NULL };

	(void)arg;
	execve(argv[0], argv, NULL);
	syscall(SYS_exit_group_, 99);
	return 0;
}

static char *self_path;

static void exec_over_nappers(void)
{
	static char stacks[4][THREAD_STACK];

	for (int i = 0; i < 3; i++)
		start_thread(THREAD_FLAGS, stacks[i] + THREAD_STACK, napper,
			     NULL, NULL, NULL);
	usleep(50000);
	start_thread(THREAD_FLAGS, stacks[3] + THREAD_STACK, exec_helper,
		     self_path, NULL, NULL);
	napper(NULL);                   /* the leader sleeps too */
	_exit(98);
}

static void test_exec_from_thread(void)
{
	long long t0 = now_ns();
	int st;

	self_path = (char *)disk_path("/bin/tests/t_abuse15");
	st = run_child(exec_over_nappers);
	t0 = (now_ns() - t0) / 1000000;
	expect("execve by a thread while the others sleep in nanosleep: "
	       "the new program runs (exited 5), at once",
	       WIFEXITED(st) && WEXITSTATUS(st) == 5 && t0 < 5000,
	       "%s after %lld ms", describe(st), t0);
}

#define MANY 200
static volatile int many_stop;

static int idler(void *arg)
{
	(void)arg;
	while (!many_stop)
		usleep(10000);
	return 0;
}

static void many_threads(void)
{
	static char stacks[MANY][4096];
	long r = 0;
	int made = 0;

	for (int i = 0; i < MANY; i++) {
		r = start_thread(THREAD_FLAGS, stacks[i] + sizeof(stacks[i]),
				 idler, NULL, NULL, NULL);
		if (r < 0)
			break;
		made++;
	}
	many_stop = 1;
	if (made < 30 || (made < MANY && r != -EAGAIN))
		_exit(1);       /* NR_TASKS is 64: kernel threads take some */
	usleep(100000);
	_exit(made == MANY ? 2 : 0);
}

static void test_many_threads(void)
{
	long long before, after;
	int st;

	run_child(many_threads);                /* warm the caches */
	before = free_bytes();
	st = run_child(many_threads);
	after = free_bytes();
	expect("200 threads: the task table fills, then EAGAIN, no panic",
	       WIFEXITED(st) && (WEXITSTATUS(st) == 0 || WEXITSTATUS(st) == 2),
	       "%s", describe(st));
	expect("and no memory lost", after >= before - 65536,
	       "%lld KiB before, %lld after", before / 1024, after / 1024);
}

/* --- files --------------------------------------------------------- */

static void test_sendfile(void)
{
	int in = open("/tmp/abuse15.s", O_RDWR | O_CREAT | O_TRUNC, 0600);
	int out = open("/tmp/abuse15.o", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	int fds[2];
	long long off;
	long r;

	write(in, "hello", 5);
	off = -1;
	r = syscall(SYS_sendfile64_, out, in, &off, 5);
	expect("sendfile64 from a negative offset: EINVAL",
	       r == -1 && errno == EINVAL, "r=%ld errno=%d", r, errno);
	r = syscall(SYS_sendfile64_, out, in, (void *)0x1000, 5);
	expect("sendfile64 with an unmapped offset pointer: EFAULT",
	       r == -1 && errno == EFAULT, "r=%ld errno=%d", r, errno);
	off = 1;
	r = syscall(SYS_sendfile64_, out, in, &off, (size_t)-1);
	expect("sendfile64 with a count of -1 (negative as ssize_t): EINVAL",
	       r == -1 && errno == EINVAL, "r=%ld errno=%d", r, errno);
	r = syscall(SYS_sendfile64_, out, in, &off, 0x7fffffff);
	expect("sendfile64 with a count of 2 GiB - 1: the 4 bytes there are",
	       r == 4 && off == 5, "r=%ld errno=%d off=%lld", r, errno, off);
	off = 0x7fffffffffffffffLL;
	r = syscall(SYS_sendfile64_, out, in, &off, 5);
	expect("sendfile64 where offset + count passes 2^63: EINVAL",
	       r == -1 && errno == EINVAL, "r=%ld errno=%d", r, errno);
	r = syscall(SYS_sendfile_, out, in, (void *)0xC0000000, 5);
	expect("sendfile with a kernel offset pointer: EFAULT",
	       r == -1 && errno == EFAULT, "r=%ld errno=%d", r, errno);
	pipe(fds);
	r = syscall(SYS_sendfile64_, out, fds[0], NULL, 5);
	expect("sendfile64 from a pipe: EINVAL", r == -1 && errno == EINVAL,
	       "r=%ld errno=%d", r, errno);
	r = syscall(SYS_sendfile64_, in, in, NULL, 5);
	expect("sendfile64 from a file to itself: EINVAL or a copy",
	       r >= 0 || errno == EINVAL, "r=%ld errno=%d", r, errno);
	close(fds[0]);
	close(fds[1]);
	close(in);
	close(out);
	unlink("/tmp/abuse15.s");
	unlink("/tmp/abuse15.o");
}

static void test_getrandom(void)
{
	char *p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long r;

	munmap(p + PG, PG);
	r = syscall(SYS_getrandom_, p, 0x7fffffff, 1);
	expect("getrandom of 2 GiB into one page: that page, then stops",
	       r == PG || (r == -1 && errno == EFAULT), "r=%ld errno=%d",
	       r, errno);
	r = syscall(SYS_getrandom_, p + PG, 16, 0);
	expect("getrandom into an unmapped page: EFAULT",
	       r == -1 && errno == EFAULT, "r=%ld errno=%d", r, errno);
	r = syscall(SYS_getrandom_, (void *)0xBFFFFFF0, 0xFFFFFFFF, 0);
	expect("getrandom running into the kernel: stops short or EFAULT",
	       (r >= 0 && r <= 16) || (r == -1 && errno == EFAULT),
	       "r=%ld errno=%d", r, errno);
	r = syscall(SYS_getrandom_, p, 16, 0x80);
	expect("getrandom with an unknown flag: EINVAL",
	       r == -1 && errno == EINVAL, "r=%ld errno=%d", r, errno);
	munmap(p, PG);
}

static void test_statx(void)
{
	static char buf[256];
	long r;

	r = syscall(SYS_statx_, AT_FDCWD, "/", 0, 0x80000000u, buf);
	expect("statx with STATX__RESERVED in the mask: EINVAL",
	       r == -1 && errno == EINVAL, "r=%ld errno=%d", r, errno);
	r = syscall(SYS_statx_, AT_FDCWD, "/", 0x6000, 0x7ff, buf);
	expect("statx with both sync types: EINVAL",
	       r == -1 && errno == EINVAL, "r=%ld errno=%d", r, errno);
	r = syscall(SYS_statx_, AT_FDCWD, "/", 0x80000, 0x7ff, buf);
	expect("statx with an unknown flag: EINVAL",
	       r == -1 && errno == EINVAL, "r=%ld errno=%d", r, errno);
	r = syscall(SYS_statx_, AT_FDCWD, "/", 0, 0xfffff000u & ~0x80000000u,
		    buf);
	expect("statx with unknown (not reserved) mask bits: fine",
	       r == 0, "r=%ld errno=%d", r, errno);
	r = syscall(SYS_statx_, AT_FDCWD, "/", 0, 0x7ff, (void *)0xC0000000);
	expect("statx into the kernel: EFAULT", r == -1 && errno == EFAULT,
	       "r=%ld errno=%d", r, errno);
	r = syscall(SYS_statx_, AT_FDCWD, "", 0, 0x7ff, buf);
	expect("statx of \"\" without AT_EMPTY_PATH: ENOENT",
	       r == -1 && errno == ENOENT, "r=%ld errno=%d", r, errno);
	r = syscall(SYS_statx_, 999, "x", 0, 0x7ff, buf);
	expect("statx relative to a bad fd: EBADF",
	       r == -1 && errno == EBADF, "r=%ld errno=%d", r, errno);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	test_unmap_self();
	test_mremap();
	test_mprotect();
	test_mmap_odd_files();
	test_truncated_mapping();
	test_futex();
	test_leader_exit();
	test_exit_group();
	test_exec_from_thread();
	test_many_threads();
	test_sendfile();
	test_getrandom();
	test_statx();
	return check_done();
}
