/*
 * ppoll_time64 and pselect6_time64: ppoll and pselect6 with a timeout of
 * 64-bit seconds (struct __kernel_timespec), which glibc calls first on
 * i386. They share their handlers with the 32-bit calls (kernel/fs/
 * select.c; t_poll tests those), so what is checked here is the layout:
 * the timeout read as two 64-bit words, the time left written back as
 * two, the errors of a bad one, and the signal mask.
 */
#include "check.h"
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/time.h>

#define SYS_pselect6_time64 413
#define SYS_ppoll_time64 414
#define BAD ((void *)0x1000)            /* user space, never mapped */
#define MS 1000000LL

struct ts64 { long long tv_sec, tv_nsec; };

static int p[2];
static volatile sig_atomic_t caught;

static long ppoll64(struct pollfd *fds, int n, struct ts64 *t,
		    const sigset_t *mask)
{
	return syscall(SYS_ppoll_time64, fds, n, t, mask, mask ? 8 : 0);
}

static long pselect64(int nfds, fd_set *rd, struct ts64 *t,
		      const sigset_t *mask)
{
	struct { const sigset_t *ss; unsigned long len; } pack = { mask, 8 };

	return syscall(SYS_pselect6_time64, nfds, rd, NULL, NULL, t,
		       mask ? &pack : NULL);
}

static void on_usr1(int sig)
{
	caught = sig;
}

static void ppoll_cases(void)
{
	struct pollfd pfd = { p[0], POLLIN, 0 };
	struct ts64 t = { 0, 100 * MS }, bad = { 0, 1000000000 },
		    neg = { -1, 0 }, far = { 1LL << 33, 0 };
	long long start = now_ns(), took;
	long n = ppoll64(&pfd, 1, &t, NULL);

	took = now_ns() - start;
	expect("ppoll_time64: nothing to read, 100 ms timeout: 0 after 100 ms",
	       n == 0 && took >= 90 * MS && took < 1000 * MS,
	       "returned %ld after %lld ms", n, took / MS);
	expect("ppoll_time64: the time left written back, 0",
	       t.tv_sec == 0 && t.tv_nsec == 0, "%lld s %lld ns", t.tv_sec,
	       t.tv_nsec);
	write(p[1], "x", 1);
	n = ppoll64(&pfd, 1, &far, NULL);
	expect("ppoll_time64: a timeout past 2038 (2^33 s); data: 1, POLLIN",
	       n == 1 && (pfd.revents & POLLIN), "returned %ld revents %#x",
	       n, pfd.revents);
	expect("ppoll_time64: the time left keeps its 64-bit seconds",
	       far.tv_sec > (1LL << 32) && far.tv_sec <= (1LL << 33),
	       "%lld s", far.tv_sec);
	expect("ppoll_time64: tv_nsec of a second is EINVAL",
	       ppoll64(&pfd, 1, &bad, NULL) == -1 && errno == EINVAL,
	       "errno %d", errno);
	expect("ppoll_time64: negative seconds are EINVAL",
	       ppoll64(&pfd, 1, &neg, NULL) == -1 && errno == EINVAL,
	       "errno %d", errno);
	expect("ppoll_time64: a bad timeout pointer is EFAULT",
	       ppoll64(&pfd, 1, BAD, NULL) == -1 && errno == EFAULT,
	       "errno %d", errno);
	expect("ppoll_time64: NULL waits for ever; data is there: 1",
	       ppoll64(&pfd, 1, NULL, NULL) == 1, "errno %d", errno);
}

static void pselect_cases(void)
{
	struct ts64 t = { 0, 100 * MS }, bad = { 0, -1 }, far = { 1LL << 33, 0 };
	fd_set rd;
	long long start;
	long n;
	char c;

	read(p[0], &c, 1);              /* empty again */
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	start = now_ns();
	n = pselect64(p[0] + 1, &rd, &t, NULL);
	expect("pselect6_time64: 100 ms timeout: 0, the set emptied",
	       n == 0 && !FD_ISSET(p[0], &rd) && now_ns() - start >= 90 * MS,
	       "returned %ld after %lld ms", n, (now_ns() - start) / MS);
	write(p[1], "x", 1);
	FD_SET(p[0], &rd);
	n = pselect64(p[0] + 1, &rd, &far, NULL);
	expect("pselect6_time64: 2^33 s timeout, data: 1, time left 64-bit",
	       n == 1 && FD_ISSET(p[0], &rd) && far.tv_sec > (1LL << 32),
	       "returned %ld, %lld s left", n, far.tv_sec);
	expect("pselect6_time64: negative tv_nsec is EINVAL",
	       pselect64(p[0] + 1, &rd, &bad, NULL) == -1 && errno == EINVAL,
	       "errno %d", errno);
	expect("pselect6_time64: a bad timeout pointer is EFAULT",
	       pselect64(p[0] + 1, &rd, BAD, NULL) == -1 && errno == EFAULT,
	       "errno %d", errno);
	read(p[0], &c, 1);
}

/* A blocked, pending SIGUSR1 comes in under the call's mask: EINTR, and
   the old mask is back afterwards. */
static void masks(void)
{
	struct pollfd pfd = { p[0], POLLIN, 0 };
	struct ts64 t = { 5, 0 };
	sigset_t block, empty, now;
	fd_set rd;
	long n;

	install_handler(SIGUSR1, on_usr1, 0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigemptyset(&empty);
	sigprocmask(SIG_BLOCK, &block, NULL);
	kill(getpid(), SIGUSR1);
	n = ppoll64(&pfd, 1, &t, &empty);
	sigprocmask(SIG_BLOCK, NULL, &now);
	expect("ppoll_time64: its mask lets the signal in (EINTR), the old "
	       "mask is back", n == -1 && errno == EINTR && caught == SIGUSR1 &&
	       sigismember(&now, SIGUSR1), "returned %ld errno %d caught %d",
	       n, errno, caught);
	caught = 0;
	kill(getpid(), SIGUSR1);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	n = pselect64(p[0] + 1, &rd, &t, &empty);
	expect("pselect6_time64: the same", n == -1 && errno == EINTR &&
	       caught == SIGUSR1, "returned %ld errno %d caught %d", n, errno,
	       caught);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
}

/* 18446744074 s is 290448384 ns more than 2^64 ns: a kernel that
   multiplied without care would wait 0.29 s. Linux saturates: it waits
   for ever, here until a timer's SIGALRM at 0.7 s. */
static void huge_timeout(void)
{
	struct pollfd pfd = { p[0], POLLIN, 0 };
	struct ts64 t = { 18446744074LL, 0 };
	struct itimerval alarm_at = { { 0, 0 }, { 0, 700000 } };
	long long start;
	long n;
	int err;

	install_handler(SIGALRM, on_usr1, 0);
	caught = 0;
	setitimer(ITIMER_REAL, &alarm_at, NULL);
	start = now_ns();
	n = ppoll64(&pfd, 1, &t, NULL);
	err = errno;
	expect("ppoll_time64: a timeout whose ns overflow 64 bits waits "
	       "(here until SIGALRM at 0.7 s)", n == -1 && err == EINTR &&
	       now_ns() - start >= 600 * MS, "returned %ld errno %d after %lld ms",
	       n, err, (now_ns() - start) / MS);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	pipe(p);
	ppoll_cases();
	pselect_cases();
	masks();
	huge_timeout();
	return check_done();
}
