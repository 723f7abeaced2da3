/*
 * POSIX semaphores (libc's, on futex): P and V between threads, a
 * counting semaphore bounding how many run at once, trywait and
 * timedwait, a signal ending a wait (EINTR), and a semaphore in a
 * MAP_SHARED page between two processes (pshared).
 */
#include "check.h"
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/wait.h>

static sem_t ping, pong, slots;
static volatile int turns, inside, most_inside;

static void *ponger(void *arg)
{
	(void)arg;
	for (int i = 0; i < 100; i++) {
		sem_wait(&ping);
		turns++;
		sem_post(&pong);
	}
	return NULL;
}

/* At most 2 at a time in the middle. */
static void *limited(void *arg)
{
	(void)arg;
	sem_wait(&slots);
	int n = __atomic_add_fetch(&inside, 1, __ATOMIC_SEQ_CST);
	if (n > most_inside)
		most_inside = n;
	usleep(20000);
	__atomic_sub_fetch(&inside, 1, __ATOMIC_SEQ_CST);
	sem_post(&slots);
	return NULL;
}

static struct timespec in_ms(int ms)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_nsec += ms * 1000000L;
	t.tv_sec += t.tv_nsec / 1000000000;
	t.tv_nsec %= 1000000000;
	return t;
}

static void on_alarm(int sig)
{
	(void)sig;
}

static void test_threads(void)
{
	pthread_t t[6];
	int ok = 1, v;

	sem_init(&ping, 0, 0);
	sem_init(&pong, 0, 0);
	if (pthread_create(&t[0], NULL, ponger, NULL)) {
		skip("semaphores between threads", "no threads");
		return;
	}
	for (int i = 0; i < 100 && ok; i++) {
		sem_post(&ping);
		sem_wait(&pong);
		ok = turns == i + 1;
	}
	pthread_join(t[0], NULL);
	expect("ping-pong: 100 turns in step", ok && turns == 100,
	       "turns %d", turns);
	sem_init(&slots, 0, 2);
	for (int i = 0; i < 6; i++)
		pthread_create(&t[i], NULL, limited, NULL);
	for (int i = 0; i < 6; i++)
		pthread_join(t[i], NULL);
	sem_getvalue(&slots, &v);
	expect("a semaphore of 2 lets 2 of 6 in at a time", most_inside == 2 &&
	       v == 2, "most %d, value %d", most_inside, v);
}

static void test_errors(void)
{
	struct timespec soon = in_ms(50);
	struct itimerval it = { { 0, 0 }, { 0, 30000 } };
	sem_t s;
	int r;

	expect("sem_init beyond SEM_VALUE_MAX: EINVAL",
	       sem_init(&s, 0, (unsigned)SEM_VALUE_MAX + 1) == -1 &&
	       errno == EINVAL, "errno %d", errno);
	sem_init(&s, 0, 1);
	expect("trywait takes the one, then EAGAIN", sem_trywait(&s) == 0 &&
	       sem_trywait(&s) == -1 && errno == EAGAIN, "errno %d", errno);
	r = sem_timedwait(&s, &soon);
	expect("timedwait at 0: ETIMEDOUT", r == -1 && errno == ETIMEDOUT,
	       "r %d errno %d", r, errno);
	install_handler(SIGALRM, on_alarm, 0);
	setitimer(ITIMER_REAL, &it, NULL);
	r = sem_wait(&s);
	expect("a signal ends sem_wait: EINTR", r == -1 && errno == EINTR,
	       "r %d errno %d", r, errno);
	signal(SIGALRM, SIG_DFL);
}

static void test_pshared(void)
{
	sem_t *s = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int status = -1;
	pid_t pid;

	if (s == MAP_FAILED) {
		skip("pshared semaphore", "no mmap");
		return;
	}
	sem_init(&s[0], 1, 0);
	sem_init(&s[1], 1, 0);
	pid = fork();
	if (pid == 0) {
		struct timespec t = in_ms(5000);

		sem_post(&s[0]);
		_exit(sem_timedwait(&s[1], &t) == 0 ? 0 : 1);
	}
	sem_wait(&s[0]);
	usleep(50000);          /* the child is asleep on s[1] by now */
	sem_post(&s[1]);
	waitpid(pid, &status, 0);
	expect("a pshared semaphore in a MAP_SHARED page, across fork",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "child %s",
	       describe(status));
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	test_threads();
	test_errors();
	test_pshared();
	return check_done();
}
