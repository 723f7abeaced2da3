/*
 * futex(2) and futex_time64: waits that end by a wake, a timeout
 * (relative for WAIT, absolute on either clock for WAIT_BITSET) or a
 * signal (EINTR, or a restart under SA_RESTART); EAGAIN when the word
 * changed; the errors; wake counts, bitsets, REQUEUE, CMP_REQUEUE and
 * WAKE_OP between threads; and the word of a private page is not shared
 * with a forked child, whose copy-on-write copy is another page, while
 * a MAP_SHARED page's is.
 */
#include "check.h"
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <sprout/futex.h>

#define SYS_futex 240
#define SYS_futex_time64 422

static volatile uint32_t word;

static long futex(volatile uint32_t *uaddr, int op, uint32_t val,
		  const void *timeout, volatile uint32_t *uaddr2, uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, timeout, uaddr2, val3);
}

static long long now_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void test_single(void)
{
	struct timespec rel = { 0, 50 * 1000000 }, bad = { 0, 1000000000 };
	struct { long long sec, nsec; } rel64 = { 0, 30 * 1000000 };
	struct timespec abs;
	long long t0;
	long r;

	word = 5;
	r = futex(&word, FUTEX_WAIT, 6, NULL, NULL, 0);
	expect("WAIT on a changed word: EAGAIN", r == -1 && errno == EAGAIN,
	       "r=%ld errno=%d", r, errno);
	t0 = now_ms(CLOCK_MONOTONIC);
	r = futex(&word, FUTEX_WAIT_PRIVATE, 5, &rel, NULL, 0);
	t0 = now_ms(CLOCK_MONOTONIC) - t0;
	expect("WAIT 50 ms: ETIMEDOUT after about 50 ms",
	       r == -1 && errno == ETIMEDOUT && t0 >= 40 && t0 < 1000,
	       "r=%ld errno=%d after %lld ms", r, errno, t0);
	t0 = now_ms(CLOCK_MONOTONIC);
	r = syscall(SYS_futex_time64, &word, FUTEX_WAIT, 5, &rel64, NULL, 0);
	t0 = now_ms(CLOCK_MONOTONIC) - t0;
	expect("futex_time64 WAIT 30 ms: ETIMEDOUT",
	       r == -1 && errno == ETIMEDOUT && t0 >= 20 && t0 < 1000,
	       "r=%ld errno=%d after %lld ms", r, errno, t0);

	clock_gettime(CLOCK_REALTIME, &abs);
	abs.tv_nsec += 40 * 1000000;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000;
	}
	t0 = now_ms(CLOCK_MONOTONIC);
	r = futex(&word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 5, &abs,
		  NULL, FUTEX_BITSET_MATCH_ANY);
	t0 = now_ms(CLOCK_MONOTONIC) - t0;
	expect("WAIT_BITSET until a CLOCK_REALTIME time 40 ms ahead",
	       r == -1 && errno == ETIMEDOUT && t0 >= 30 && t0 < 1000,
	       "r=%ld errno=%d after %lld ms", r, errno, t0);
	abs = (struct timespec){ 0, 1 };        /* 1 ns after boot */
	r = futex(&word, FUTEX_WAIT_BITSET, 5, &abs, NULL, 1);
	expect("WAIT_BITSET until a CLOCK_MONOTONIC time gone by: ETIMEDOUT",
	       r == -1 && errno == ETIMEDOUT, "r=%ld errno=%d", r, errno);

	r = futex(&word, FUTEX_WAKE, 1, NULL, NULL, 0);
	expect("WAKE with nobody waiting: 0", r == 0, "r=%ld errno=%d", r, errno);
	r = futex((uint32_t *)((char *)&word + 1), FUTEX_WAKE, 1, NULL, NULL, 0);
	expect("an unaligned word: EINVAL", r == -1 && errno == EINVAL,
	       "r=%ld errno=%d", r, errno);
	r = futex(&word, FUTEX_WAIT, 5, &bad, NULL, 0);
	expect("tv_nsec of 1e9: EINVAL", r == -1 && errno == EINVAL,
	       "r=%ld errno=%d", r, errno);
	r = futex(&word, FUTEX_WAIT_BITSET, 5, NULL, NULL, 0);
	expect("WAIT_BITSET with bitset 0: EINVAL", r == -1 && errno == EINVAL,
	       "r=%ld errno=%d", r, errno);
	r = futex(NULL, FUTEX_WAIT, 0, NULL, NULL, 0);
	expect("WAIT on NULL: EFAULT", r == -1 && errno == EFAULT,
	       "r=%ld errno=%d", r, errno);
	r = futex((uint32_t *)0xc0001000, FUTEX_WAKE, 1, NULL, NULL, 0);
	expect("WAKE on a kernel address: EFAULT", r == -1 && errno == EFAULT,
	       "r=%ld errno=%d", r, errno);
	r = futex(&word, FUTEX_WAIT, 5, (void *)1, NULL, 0);
	expect("a bad timeout pointer: EFAULT", r == -1 && errno == EFAULT,
	       "r=%ld errno=%d", r, errno);
	r = futex(&word, 6 /* FUTEX_LOCK_PI */, 0, NULL, NULL, 0);
	if (on_sprout())        /* Linux has them */
		expect("the priority-inheritance ops: ENOSYS",
		       r == -1 && errno == ENOSYS, "r=%ld errno=%d", r, errno);
	r = futex(&word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL, NULL, 0);
	expect("CLOCK_REALTIME on WAKE: ENOSYS", r == -1 && errno == ENOSYS,
	       "r=%ld errno=%d", r, errno);
	r = futex(&word, FUTEX_CMP_REQUEUE, 1, (void *)1, &word, 4);
	expect("CMP_REQUEUE on a changed word: EAGAIN",
	       r == -1 && errno == EAGAIN, "r=%ld errno=%d", r, errno);
	r = futex(&word, FUTEX_REQUEUE, 1, (void *)-1, &word, 0);
	expect("REQUEUE of a negative count: EINVAL",
	       r == -1 && errno == EINVAL, "r=%ld errno=%d", r, errno);
}

/* WAKE_OP changes the second word whether or not anyone sleeps. */
static void test_wake_op(void)
{
	static volatile uint32_t w2 = 7;
	long r;

	r = futex(&word, FUTEX_WAKE_OP, 1, (void *)1, &w2,
		  FUTEX_OP(FUTEX_OP_ADD, 3, FUTEX_OP_CMP_EQ, 7));
	expect("WAKE_OP adds to the second word", r == 0 && w2 == 10,
	       "r=%ld errno=%d w2=%u", r, errno, (unsigned)w2);
	r = futex(&word, FUTEX_WAKE_OP, 1, (void *)1, &w2,
		  FUTEX_OP(FUTEX_OP_SET | FUTEX_OP_OPARG_SHIFT, 4,
			   FUTEX_OP_CMP_GT, 0));
	expect("WAKE_OP with OPARG_SHIFT sets 1 << 4", r == 0 && w2 == 16,
	       "r=%ld errno=%d w2=%u", r, errno, (unsigned)w2);
	r = futex(&word, FUTEX_WAKE_OP, 1, (void *)1, &w2, 0xe0000000);
	expect("WAKE_OP with an unknown op: ENOSYS", r == -1 && errno == ENOSYS,
	       "r=%ld errno=%d", r, errno);
}

static volatile int handled;

static void on_alarm(int sig)
{
	(void)sig;
	handled++;
	word = 99;              /* so a restarted wait finds it changed */
}

/* A signal ends a wait: EINTR with no SA_RESTART, or (no timeout) a
   restart, which then sees the word the handler changed. */
static void test_signal(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 30000 } };
	struct timespec two = { 2, 0 };
	long r;

	install_handler(SIGALRM, on_alarm, 0);
	word = 5;
	setitimer(ITIMER_REAL, &it, NULL);
	r = futex(&word, FUTEX_WAIT, 5, &two, NULL, 0);
	expect("a signal ends a timed WAIT: EINTR",
	       r == -1 && errno == EINTR && handled == 1,
	       "r=%ld errno=%d handled=%d", r, errno, handled);
	word = 5;
	setitimer(ITIMER_REAL, &it, NULL);
	r = futex(&word, FUTEX_WAIT, 5, NULL, NULL, 0);
	expect("a signal ends an untimed WAIT: EINTR without SA_RESTART",
	       r == -1 && errno == EINTR && handled == 2,
	       "r=%ld errno=%d handled=%d", r, errno, handled);
	install_handler(SIGALRM, on_alarm, SA_RESTART);
	word = 5;
	setitimer(ITIMER_REAL, &it, NULL);
	r = futex(&word, FUTEX_WAIT, 5, NULL, NULL, 0);
	expect("SA_RESTART: the WAIT restarts and sees the new word (EAGAIN)",
	       r == -1 && errno == EAGAIN && handled == 3,
	       "r=%ld errno=%d handled=%d", r, errno, handled);
	signal(SIGALRM, SIG_DFL);
}

/* fork copies a private page on the first write: parent and child then
   wait on different pages, so a shared wake in one misses the other. */
static void test_fork_private(void)
{
	struct timespec t = { 0, 300 * 1000000 };
	int status = -1;
	long r, woke = 0;
	pid_t pid;

	word = 1;
	pid = fork();
	if (pid == 0) {
		r = futex(&word, FUTEX_WAIT, 1, &t, NULL, 0);
		_exit(r == -1 && errno == ETIMEDOUT ? 0 : 1);
	}
	for (int i = 0; i < 10; i++) {
		usleep(10000);
		woke += futex(&word, FUTEX_WAKE, 1, NULL, NULL, 0);
	}
	waitpid(pid, &status, 0);
	expect("after fork, a private page's word is not shared (COW)",
	       woke == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "woke %ld, child %s", woke, describe(status));
}

/* A MAP_SHARED page is the same physical page in parent and child: a
   shared futex there works between processes; a private one does not. */
static void test_fork_shared(void)
{
	struct timespec t = { 0, 300 * 1000000 }, five = { 5, 0 };
	volatile uint32_t *w = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int status = -1;
	long r, woke = 0;
	pid_t pid;

	if (w == MAP_FAILED) {
		skip("futex in a MAP_SHARED page", "no mmap");
		return;
	}
	w[0] = 0;
	w[1] = 0;
	pid = fork();
	if (pid == 0) {
		r = futex(&w[1], FUTEX_WAIT_PRIVATE, 0, &t, NULL, 0);
		if (r != -1 || errno != ETIMEDOUT)
			_exit(1);
		w[0] = 1;
		r = futex(&w[0], FUTEX_WAIT, 1, &five, NULL, 0);
		_exit(r == 0 && w[0] == 2 ? 0 : 2);
	}
	for (int i = 0; i < 100 && w[0] != 1; i++)
		usleep(10000);
	woke = futex(&w[1], FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	usleep(50000);          /* the child is asleep on w[0] by now */
	w[0] = 2;
	r = futex(&w[0], FUTEX_WAKE, 1, NULL, NULL, 0);
	waitpid(pid, &status, 0);
	expect("a shared futex in a MAP_SHARED page wakes the other process",
	       r == 1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "woke %ld, child %s", r, describe(status));
	expect("a PRIVATE futex there does not (other mm)", woke == 0,
	       "woke %ld", woke);
	munmap((void *)w, 4096);
}

/* Threads: a sleeper that reports how its wait ended. */
static volatile uint32_t tword, tword2;
static volatile int finished;
struct sleeper {
	pthread_t th;
	int op;
	uint32_t bitset;
	long result;
};

static void *sleep_on(void *arg)
{
	struct sleeper *s = arg;
	struct timespec t = { 5, 0 };

	s->result = futex(&tword, s->op, 0, s->op & FUTEX_WAIT_BITSET ? NULL : &t,
			  NULL, s->bitset);
	__atomic_add_fetch(&finished, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static int start_sleepers(struct sleeper *s, int n, int op, uint32_t bitset)
{
	finished = 0;
	tword = 0;
	for (int i = 0; i < n; i++) {
		s[i].op = op;
		s[i].bitset = bitset ? bitset << i : FUTEX_BITSET_MATCH_ANY;
		if (pthread_create(&s[i].th, NULL, sleep_on, &s[i]))
			return -1;
	}
	usleep(100000);         /* they are all asleep on tword by now */
	return 0;
}

static void join_all(struct sleeper *s, int n)
{
	for (int i = 0; i < n; i++)
		pthread_join(s[i].th, NULL);
}

static void test_threads(void)
{
	struct sleeper s[4];
	long r, r2;

	if (start_sleepers(s, 4, FUTEX_WAIT_PRIVATE, 0)) {
		skip("wake counts between threads", "no threads (clone)");
		return;
	}
	r = futex(&tword, FUTEX_WAKE_PRIVATE, 2, NULL, NULL, 0);
	usleep(50000);
	expect("WAKE 2 of 4 sleepers wakes 2", r == 2 && finished == 2,
	       "woke %ld, %d finished", r, finished);
	r = futex(&tword, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0);
	join_all(s, 4);
	expect("WAKE 10 wakes the 2 left, each returning 0",
	       r == 2 && s[0].result == 0 && s[3].result == 0,
	       "woke %ld, results %ld %ld", r, s[0].result, s[3].result);

	start_sleepers(s, 4, FUTEX_WAIT, 0);
	r = futex(&tword, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0);
	expect("a PRIVATE wake does not wake shared waiters", r == 0,
	       "woke %ld", r);
	r = futex(&tword, FUTEX_CMP_REQUEUE, 1, (void *)2, &tword2, 0);
	usleep(50000);
	r2 = futex(&tword2, FUTEX_WAKE, 10, NULL, NULL, 0);
	usleep(50000);
	expect("CMP_REQUEUE: 1 woken + 2 moved, and 2 woken from the other word",
	       r == 3 && r2 == 2 && finished == 3, "r=%ld r2=%ld finished=%d",
	       r, r2, finished);
	r = futex(&tword, FUTEX_WAKE, 10, NULL, NULL, 0);
	join_all(s, 4);
	expect("the one not moved is still on the first word", r == 1,
	       "woke %ld", r);

	/* sleeper i waits with bitset 1 << i */
	start_sleepers(s, 4, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, 1);
	r = futex(&tword, FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG, 10, NULL,
		  NULL, 0x2 | 0x8);
	usleep(50000);
	expect("WAKE_BITSET 0b1010 wakes sleepers 1 and 3",
	       r == 2 && finished == 2, "woke %ld, %d finished", r, finished);
	r = futex(&tword, FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG, 1, (void *)0,
		  &tword2, FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_EQ, 0));
	r2 = futex(&tword, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 10, NULL, NULL, 0);
	join_all(s, 4);
	expect("WAKE_OP wakes one, WAKE the last", r == 1 && r2 == 1 &&
	       tword2 == 1, "r=%ld r2=%ld tword2=%u", r, r2, (unsigned)tword2);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	test_single();
	test_wake_op();
	test_signal();
	test_fork_private();
	test_fork_shared();
	test_threads();
	return check_done();
}
