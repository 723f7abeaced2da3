/*
 * What glibc's start-up and fork ask of the kernel besides TLS (t_tls):
 * clone as fork (the tid written where CLONE_CHILD_SETTID and
 * CLONE_PARENT_SETTID say, CLONE_SETTLS, a bad flag combination
 * refused), set_tid_address, set_robust_list / get_robust_list, and
 * clock_nanosleep (glibc's nanosleep and sleep), and the time64 calls
 * glibc tries first. Threads (CLONE_VM ...): t_thread.
 */
#include "check.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sprout/ldt.h>
#include <sprout/sched.h>

#define SYS_clone 120
#define SYS_get_thread_area 244
#define SYS_set_tid_address 258
#define SYS_clock_nanosleep 267
#define SYS_set_robust_list 311
#define SYS_get_robust_list 312
#define SYS_clock_gettime64 403
#define SYS_clock_nanosleep_time64 407

static int child_tid, parent_tid;
static unsigned int tls_block[2] = { 0xabcdef01, 0 };

static long raw_clone(unsigned long flags, int *ptid, void *tls, int *ctid)
{
	return syscall(SYS_clone, flags, 0, ptid, tls, ctid);
}

/* In the child: 0 if it sees its own tid at child_tid and the TLS entry
   the clone gave it. */
static int child_checks(int want_tls)
{
	struct user_desc d = { .entry_number = 7 };

	if (child_tid != getpid())
		return 1;
	if (syscall(SYS_get_thread_area, &d) != 0)
		return 2;
	if (want_tls && d.base_addr != (unsigned int)tls_block)
		return 3;
	return 0;
}

static void test_clone(void)
{
	struct user_desc d = { .entry_number = 7,
			       .base_addr = (unsigned int)tls_block,
			       .limit = 0xfffff, .seg_32bit = 1,
			       .limit_in_pages = 1 };
	int status = -1;
	long pid;

	pid = raw_clone(SIGCHLD | CLONE_CHILD_SETTID | CLONE_PARENT_SETTID |
			CLONE_CHILD_CLEARTID | CLONE_SETTLS, &parent_tid, &d,
			&child_tid);
	if (pid == 0)
		_exit(child_checks(1));
	waitpid(pid, &status, 0);
	expect("clone as glibc's fork: the tids and the child's TLS",
	       pid > 0 && parent_tid == pid && status == 0,
	       "pid %ld, parent_tid %d, child %s", pid, parent_tid,
	       describe(status));
	expect("the child's CLONE_CHILD_SETTID write is its own",
	       child_tid == 0, "parent sees %d", child_tid);
	d.entry_number = 7;
	d.base_addr = 0;
	expect("the parent's TLS entry is untouched",
	       syscall(SYS_get_thread_area, &d) == 0 && d.seg_not_present,
	       "base %#x", d.base_addr);
	expect("clone with CLONE_SIGHAND but not CLONE_VM: EINVAL",
	       raw_clone(SIGCHLD | CLONE_SIGHAND, NULL, NULL, NULL) == -1 &&
	       errno == EINVAL, "errno %d", errno);
	d.entry_number = -1;
	expect("clone CLONE_SETTLS with entry -1: EINVAL",
	       raw_clone(SIGCHLD | CLONE_SETTLS, NULL, &d, NULL) == -1 &&
	       errno == EINVAL, "errno %d", errno);
}

static void test_tid_and_robust(void)
{
	static long head[3];
	long *got = NULL;
	size_t len = 0;

	expect("set_tid_address returns the tid",
	       syscall(SYS_set_tid_address, &child_tid) == getpid(),
	       "errno %d", errno);
	expect("set_robust_list with a wrong length: EINVAL",
	       syscall(SYS_set_robust_list, head, 8) == -1 &&
	       errno == EINVAL, "errno %d", errno);
	expect("get_robust_list returns what was set",
	       syscall(SYS_set_robust_list, head, 12) == 0 &&
	       syscall(SYS_get_robust_list, 0, &got, &len) == 0 &&
	       got == head && len == 12, "got %p len %zu", (void *)got, len);
	expect("get_robust_list of no such process: ESRCH",
	       syscall(SYS_get_robust_list, 30000, &got, &len) == -1 &&
	       errno == ESRCH, "errno %d", errno);
	expect("get_robust_list to a bad pointer: EFAULT",
	       syscall(SYS_get_robust_list, 0, (void *)8, &len) == -1 &&
	       errno == EFAULT, "errno %d", errno);
}

static void test_clock_nanosleep(void)
{
	struct timespec t0, t1, nap = { 0, 20 * 1000 * 1000 }, bad = { 0, -1 };
	long r;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &nap, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	expect("clock_nanosleep 20 ms sleeps 20 ms or more", r == 0 &&
	       (t1.tv_sec - t0.tv_sec) * 1000000000LL + t1.tv_nsec -
	       t0.tv_nsec >= 20000000, "r %ld", r);
	t1.tv_nsec += 20 * 1000 * 1000;
	if (t1.tv_nsec >= 1000000000) {
		t1.tv_sec++;
		t1.tv_nsec -= 1000000000;
	}
	r = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &t1,
		    NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	expect("TIMER_ABSTIME wakes at the time given", r == 0 &&
	       (t0.tv_sec > t1.tv_sec || (t0.tv_sec == t1.tv_sec &&
					  t0.tv_nsec >= t1.tv_nsec)),
	       "r %ld", r);
	expect("clock_nanosleep until a past time returns at once",
	       syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME,
		       &nap, NULL) == 0, "errno %d", errno);
	expect("clock_nanosleep on clock 99: EINVAL",
	       syscall(SYS_clock_nanosleep, 99, 0, &nap, NULL) == -1 &&
	       errno == EINVAL, "errno %d", errno);
	expect("clock_nanosleep with tv_nsec -1: EINVAL",
	       syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &bad, NULL) ==
	       -1 && errno == EINVAL, "errno %d", errno);
}

static void test_time64(void)
{
	struct __kernel_timespec t64, nap = { 0, 20 * 1000 * 1000 }, t64b;
	struct timespec t;
	long r;

	r = syscall(SYS_clock_gettime64, CLOCK_REALTIME, &t64);
	clock_gettime(CLOCK_REALTIME, &t);
	expect("clock_gettime64 agrees with clock_gettime", r == 0 &&
	       t.tv_sec - t64.tv_sec <= 1 && t.tv_sec >= t64.tv_sec,
	       "r %ld, %lld vs %ld", r, t64.tv_sec, t.tv_sec);
	syscall(SYS_clock_gettime64, CLOCK_MONOTONIC, &t64);
	r = syscall(SYS_clock_nanosleep_time64, CLOCK_MONOTONIC, 0, &nap, NULL);
	syscall(SYS_clock_gettime64, CLOCK_MONOTONIC, &t64b);
	expect("clock_nanosleep_time64 20 ms sleeps 20 ms or more", r == 0 &&
	       (t64b.tv_sec - t64.tv_sec) * 1000000000LL + t64b.tv_nsec -
	       t64.tv_nsec >= 20000000, "r %ld", r);
	expect("clock_gettime64 to a bad pointer: EFAULT",
	       syscall(SYS_clock_gettime64, CLOCK_REALTIME, (void *)8) == -1 &&
	       errno == EFAULT, "errno %d", errno);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	test_clone();
	test_tid_and_robust();
	test_clock_nanosleep();
	test_time64();
	return check_done();
}
