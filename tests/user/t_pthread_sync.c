/*
 * Threads synchronising (libc's futex-based locks): a mutex keeps a
 * shared counter exact under contention; recursive and error-checking
 * mutexes; trylock and timedlock; a condition variable between a
 * producer and consumers on a bounded buffer, broadcast and timedwait;
 * pthread_once under a crowd; rwlocks; and malloc and stdio used from
 * many threads at once.
 */
#include "check.h"
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#define WORKERS 6
#define ROUNDS 20000

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;

static void start_all(pthread_t *t, int n, void *(*fn)(void *))
{
	for (long i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, fn, (void *)i)) {
			skip("threads", "pthread_create fails: no CLONE_THREAD yet");
			exit(check_done());
		}
}

static void join_all(pthread_t *t, int n)
{
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
}

static void *add(void *arg)
{
	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&counter_lock);
		long c = counter;       /* a read-modify-write that must not mix */
		if (i % 1000 == 0)
			sched_yield();  /* give up the CPU while holding the lock */
		counter = c + 1;
		pthread_mutex_unlock(&counter_lock);
	}
	return NULL;
}

static void test_mutex(void)
{
	pthread_t t[WORKERS];
	pthread_mutexattr_t attr;
	pthread_mutex_t m;
	struct timespec soon;

	start_all(t, WORKERS, add);
	join_all(t, WORKERS);
	expect("a mutex keeps 6 x 20000 increments exact",
	       counter == WORKERS * ROUNDS, "counter %ld", counter);

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&m, &attr);
	expect("recursive: the holder locks it again, and again unlocks",
	       pthread_mutex_lock(&m) == 0 && pthread_mutex_lock(&m) == 0 &&
	       pthread_mutex_trylock(&m) == 0 && pthread_mutex_unlock(&m) == 0 &&
	       pthread_mutex_unlock(&m) == 0 && pthread_mutex_unlock(&m) == 0 &&
	       pthread_mutex_unlock(&m) == EPERM, "no");
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&m, &attr);
	expect("errorcheck: relocking says EDEADLK, unlocking twice EPERM",
	       pthread_mutex_lock(&m) == 0 && pthread_mutex_lock(&m) == EDEADLK &&
	       pthread_mutex_unlock(&m) == 0 && pthread_mutex_unlock(&m) == EPERM,
	       "no");
	pthread_mutex_init(&m, NULL);
	pthread_mutex_lock(&m);
	expect("trylock of a held mutex: EBUSY; destroy: EBUSY",
	       pthread_mutex_trylock(&m) == EBUSY &&
	       pthread_mutex_destroy(&m) == EBUSY, "no");
	clock_gettime(CLOCK_REALTIME, &soon);
	soon.tv_nsec += 50000000;
	if (soon.tv_nsec >= 1000000000) {
		soon.tv_sec++;
		soon.tv_nsec -= 1000000000;
	}
	expect("timedlock of a held mutex: ETIMEDOUT",
	       pthread_mutex_timedlock(&m, &soon) == ETIMEDOUT, "no");
	pthread_mutex_unlock(&m);
	expect("a free mutex: trylock takes it", pthread_mutex_trylock(&m) == 0 &&
	       pthread_mutex_unlock(&m) == 0, "no");
}

/* A bounded buffer: the producer waits while it is full, the consumers
   while it is empty. */
#define SLOTS 4
#define ITEMS 3000
#define CONSUMERS 3
static struct {
	pthread_mutex_t lock;
	pthread_cond_t not_full, not_empty;
	int item[SLOTS], head, count;
	long sum[CONSUMERS];
	int taken[CONSUMERS];
} buf = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	  PTHREAD_COND_INITIALIZER, { 0 }, 0, 0, { 0 }, { 0 } };

static void *producer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= ITEMS + CONSUMERS; i++) {
		pthread_mutex_lock(&buf.lock);
		while (buf.count == SLOTS)
			pthread_cond_wait(&buf.not_full, &buf.lock);
		/* past ITEMS: one 0 for each consumer, "stop" */
		buf.item[(buf.head + buf.count++) % SLOTS] = i <= ITEMS ? i : 0;
		pthread_cond_signal(&buf.not_empty);
		pthread_mutex_unlock(&buf.lock);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	long me = (long)arg - 1;        /* thread 0 is the producer */

	for (;;) {
		int v;

		pthread_mutex_lock(&buf.lock);
		while (buf.count == 0)
			pthread_cond_wait(&buf.not_empty, &buf.lock);
		v = buf.item[buf.head];
		buf.head = (buf.head + 1) % SLOTS;
		buf.count--;
		pthread_cond_signal(&buf.not_full);
		pthread_mutex_unlock(&buf.lock);
		if (!v)
			return NULL;
		buf.sum[me] += v;
		buf.taken[me]++;
	}
}

static pthread_mutex_t gate_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate = PTHREAD_COND_INITIALIZER;
static int gate_open, through;

static void *at_gate(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&gate_lock);
	while (!gate_open)
		pthread_cond_wait(&gate, &gate_lock);
	through++;
	pthread_mutex_unlock(&gate_lock);
	return NULL;
}

static void test_cond(void)
{
	pthread_t t[1 + CONSUMERS], g[5];
	long sum = 0;
	int taken = 0;
	struct timespec soon;
	int r;

	start_all(t, 1, producer);
	for (long i = 1; i <= CONSUMERS; i++)
		pthread_create(&t[i], NULL, consumer, (void *)i);
	join_all(t, 1 + CONSUMERS);
	for (int i = 0; i < CONSUMERS; i++) {
		sum += buf.sum[i];
		taken += buf.taken[i];
	}
	expect("producer/consumers on a 4-slot buffer: every item once",
	       taken == ITEMS && sum == (long)ITEMS * (ITEMS + 1) / 2,
	       "taken %d, sum %ld", taken, sum);

	start_all(g, 5, at_gate);
	usleep(100000);
	pthread_mutex_lock(&gate_lock);
	gate_open = 1;
	pthread_cond_broadcast(&gate);
	pthread_mutex_unlock(&gate_lock);
	join_all(g, 5);
	expect("broadcast lets all 5 waiters through", through == 5,
	       "through %d", through);

	clock_gettime(CLOCK_REALTIME, &soon);
	soon.tv_nsec += 50000000;
	if (soon.tv_nsec >= 1000000000) {
		soon.tv_sec++;
		soon.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&gate_lock);
	r = pthread_cond_timedwait(&gate, &gate_lock, &soon);
	expect("timedwait with nobody signalling: ETIMEDOUT, mutex held again",
	       r == ETIMEDOUT && pthread_mutex_trylock(&gate_lock) == EBUSY,
	       "r %d", r);
	pthread_mutex_unlock(&gate_lock);
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static volatile int once_runs, saw_done;

static void init_once(void)
{
	usleep(50000);          /* the others arrive meanwhile */
	once_runs++;
}

static void *call_once(void *arg)
{
	(void)arg;
	pthread_once(&once, init_once);
	if (once_runs == 1)
		__atomic_add_fetch(&saw_done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static volatile int readers_in, max_readers, writer_saw_readers;

static void *reader(void *arg)
{
	(void)arg;
	pthread_rwlock_rdlock(&rw);
	int n = __atomic_add_fetch(&readers_in, 1, __ATOMIC_SEQ_CST);
	if (n > max_readers)
		max_readers = n;
	usleep(50000);
	__atomic_sub_fetch(&readers_in, 1, __ATOMIC_SEQ_CST);
	pthread_rwlock_unlock(&rw);
	return NULL;
}

static void *writer(void *arg)
{
	(void)arg;
	pthread_rwlock_wrlock(&rw);
	writer_saw_readers += readers_in;
	pthread_rwlock_unlock(&rw);
	return NULL;
}

static void test_once_rwlock(void)
{
	pthread_t t[6];

	start_all(t, 6, call_once);
	join_all(t, 6);
	expect("pthread_once: 6 callers, one run, all return after it",
	       once_runs == 1 && saw_done == 6, "runs %d, saw %d", once_runs,
	       saw_done);

	start_all(t, 4, reader);
	usleep(10000);
	pthread_create(&t[4], NULL, writer, NULL);
	join_all(t, 5);
	expect("rwlock: readers share it, the writer is alone",
	       max_readers >= 2 && writer_saw_readers == 0,
	       "max readers %d, writer saw %d", max_readers,
	       writer_saw_readers);
	expect("rwlock: trywrlock while read-held: EBUSY",
	       pthread_rwlock_rdlock(&rw) == 0 &&
	       pthread_rwlock_trywrlock(&rw) == EBUSY &&
	       pthread_rwlock_tryrdlock(&rw) == 0 &&
	       pthread_rwlock_unlock(&rw) == 0 && pthread_rwlock_unlock(&rw) == 0 &&
	       pthread_rwlock_trywrlock(&rw) == 0 &&
	       pthread_rwlock_unlock(&rw) == 0, "no");
}

/* malloc from many threads: each block keeps its own pattern. */
static void *allocate(void *arg)
{
	long me = (long)arg, bad = 0;
	unsigned char *p[64];

	for (int round = 0; round < 50; round++) {
		for (int i = 0; i < 64; i++) {
			p[i] = malloc(16 + (i * 37 + round) % 500);
			memset(p[i], (int)me + i, 16);
		}
		for (int i = 0; i < 64; i++) {
			bad += p[i][15] != (unsigned char)(me + i);
			free(p[i]);
		}
	}
	return (void *)bad;
}

/* Lines printed from several threads at once each stay whole. */
static void *print_lines(void *arg)
{
	for (int i = 0; i < 200; i++)
		fprintf(stdout, "line from thread %ld number %03d end\n",
			(long)arg, i);
	return NULL;
}

static void child_prints(void)
{
	pthread_t t[4];

	setvbuf(stdout, NULL, _IOFBF, 64);      /* flushes mid-line often */
	start_all(t, 4, print_lines);
	join_all(t, 4);
	fflush(stdout);
}

static void test_malloc_stdio(void)
{
	pthread_t t[WORKERS];
	long bad = 0;
	int fd[2], whole = 0, lines = 0;
	char line[128];
	FILE *in;

	start_all(t, WORKERS, allocate);
	for (int i = 0; i < WORKERS; i++) {
		void *r;

		pthread_join(t[i], &r);
		bad += (long)r;
	}
	expect("malloc/free from 6 threads at once", bad == 0, "%ld bad", bad);

	if (pipe(fd) != 0)
		return;
	if (fork() == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		child_prints();
		_exit(0);
	}
	close(fd[1]);
	in = fdopen(fd[0], "r");
	while (fgets(line, sizeof(line), in)) {
		long th;
		int n;
		char end[8];

		lines++;
		whole += sscanf(line, "line from thread %ld number %d %3s", &th,
				&n, end) == 3 && strcmp(end, "end") == 0 &&
			 strlen(line) == 34;
	}
	fclose(in);
	wait(NULL);
	expect("800 lines printed by 4 threads, none torn",
	       lines == 800 && whole == 800, "%d lines, %d whole", lines,
	       whole);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	test_mutex();
	test_cond();
	test_once_rwlock();
	test_malloc_stdio();
	return check_done();
}
