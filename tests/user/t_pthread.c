/*
 * Threads' lives (libc's pthreads on clone and futex): many created and
 * joined, each with its result; pthread_exit's value; one process id,
 * a tid each; __thread variables and errno per thread; keys with
 * destructors; detached threads; attributes; join's errors; how the
 * process ends: main's pthread_exit, exit() from another thread, a
 * stack overflow into the guard page.
 */
#include "check.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define MANY 40

static __thread int tls_counter = 7;    /* .tdata: each thread from 7 */
static __thread char tls_name[16];      /* .tbss: each thread from zero */

static void *twice(void *arg)
{
	return (void *)((long)arg * 2);
}

static void no_threads(const char *why)
{
	skip("threads", why);
	exit(check_done());
}

static void test_many(void)
{
	pthread_t t[MANY];
	int created = 0, right = 0;

	for (int i = 0; i < MANY; i++)
		if (pthread_create(&t[i], NULL, twice, (void *)(long)i) == 0)
			created++;
	if (created == 0)
		no_threads("pthread_create fails: no CLONE_THREAD yet");
	for (int i = 0; i < created; i++) {
		void *r;

		if (pthread_join(t[i], &r) == 0 && (long)r == 2 * i)
			right++;
	}
	expect("40 threads created and joined, each with its result",
	       created == MANY && right == MANY, "created %d, right %d",
	       created, right);
	/* Their blocks went back: as many again still fit. */
	created = 0;
	for (int round = 0; round < 5; round++)
		for (int i = 0; i < MANY; i++)
			if (pthread_create(&t[i], NULL, twice, NULL) == 0 &&
			    pthread_join(t[i], NULL) == 0)
				created++;
	expect("200 more, one after another (stacks are reused)",
	       created == 5 * MANY, "created %d", created);
}

static void __attribute__((noinline)) inner(void)
{
	pthread_exit((void *)0x5eed);
}

static void __attribute__((noinline)) outer(void)
{
	inner();
}

static void *exits_deep(void *arg)
{
	(void)arg;
	outer();
	return NULL;
}

struct ids {
	pid_t pid, tid;
	pthread_t self;
};

static void *who(void *arg)
{
	struct ids *ids = arg;

	ids->pid = getpid();
	ids->tid = gettid();
	ids->self = pthread_self();
	return NULL;
}

static void test_exit_and_ids(void)
{
	pthread_t t;
	struct ids ids;
	void *r = NULL;

	pthread_create(&t, NULL, exits_deep, NULL);
	expect("pthread_exit from deep inside gives join its value",
	       pthread_join(t, &r) == 0 && r == (void *)0x5eed, "got %p", r);
	pthread_create(&t, NULL, who, &ids);
	pthread_join(t, NULL);
	expect("a thread has the process's pid and a tid of its own",
	       ids.pid == getpid() && ids.tid != gettid() && ids.tid > 0,
	       "pid %d/%d tid %d/%d", ids.pid, getpid(), ids.tid, gettid());
	expect("pthread_self is what pthread_create gave",
	       pthread_equal(ids.self, t) && !pthread_equal(t, pthread_self()),
	       "self %p t %p", (void *)ids.self, (void *)t);
	expect("joining oneself: EDEADLK",
	       pthread_join(pthread_self(), NULL) == EDEADLK, "no");
}

static void *tls_worker(void *arg)
{
	long id = (long)arg;
	int start = tls_counter, empty = tls_name[0];

	for (int i = 0; i < 1000; i++) {
		tls_counter++;
		if (i % 100 == 0)
			sched_yield();
	}
	strcpy(tls_name, id ? "worker" : "zero");
	errno = 100 + id;
	sched_yield();
	return (void *)(long)(start == 7 && empty == 0 &&
			      tls_counter == 1007 && errno == 100 + id &&
			      strcmp(tls_name, id ? "worker" : "zero") == 0);
}

static void test_tls(void)
{
	pthread_t t[4];
	int good = 0;

	tls_counter = 50;
	strcpy(tls_name, "main");
	errno = 3;
	for (long i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, tls_worker, (void *)i);
	for (int i = 0; i < 4; i++) {
		void *r;

		pthread_join(t[i], &r);
		good += (long)r;
	}
	expect("__thread: each thread starts from the image and counts alone",
	       good == 4, "%d of 4 right", good);
	expect("the main thread's own values are untouched",
	       tls_counter == 50 && strcmp(tls_name, "main") == 0 && errno == 3,
	       "counter %d name %s errno %d", tls_counter, tls_name, errno);
}

static pthread_key_t key, key2;
static volatile int destroyed, destroyed_sum;

static void destructor(void *value)
{
	__atomic_add_fetch(&destroyed, 1, __ATOMIC_SEQ_CST);
	__atomic_add_fetch(&destroyed_sum, (int)(long)value, __ATOMIC_SEQ_CST);
}

/* Sets key2 again from its destructor: a second round runs it. */
static void again(void *value)
{
	destructor(value);
	if ((long)value == 1000)
		pthread_setspecific(key2, (void *)2000);
}

static void *keys_worker(void *arg)
{
	pthread_setspecific(key, arg);
	pthread_setspecific(key2, (void *)1000);
	return (void *)(long)(pthread_getspecific(key) == arg);
}

static void test_keys(void)
{
	pthread_t t[3];
	long ok = 0;
	void *r;

	expect("pthread_key_create", pthread_key_create(&key, destructor) == 0 &&
	       pthread_key_create(&key2, again) == 0 && key != key2, "keys");
	pthread_setspecific(key, (void *)5);
	for (long i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, keys_worker, (void *)(i + 1));
	for (int i = 0; i < 3; i++) {
		pthread_join(t[i], &r);
		ok += (long)r;
	}
	expect("each thread sees its own value", ok == 3 &&
	       pthread_getspecific(key) == (void *)5, "ok %ld", ok);
	expect("destructors ran at each thread's end, twice for a value set again",
	       destroyed == 9 && destroyed_sum == 1 + 2 + 3 + 3 * 3000,
	       "%d calls, sum %d", destroyed, destroyed_sum);
	expect("pthread_key_delete; then the key is gone",
	       pthread_key_delete(key) == 0 && pthread_getspecific(key) == NULL &&
	       pthread_setspecific(key, (void *)1) == EINVAL &&
	       pthread_key_delete(key) == EINVAL, "no");
	pthread_key_t k3;
	expect("a new key on the old index starts NULL",
	       pthread_key_create(&k3, NULL) == 0 &&
	       pthread_getspecific(k3) == NULL, "value %p",
	       pthread_getspecific(k3));
}

static volatile int detached_ran;

static void *detached_worker(void *arg)
{
	(void)arg;
	__atomic_add_fetch(&detached_ran, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void test_detach(void)
{
	pthread_attr_t attr;
	pthread_t t;
	size_t size;
	int state, n = 0;

	pthread_attr_init(&attr);
	expect("attr defaults: joinable",
	       pthread_attr_getdetachstate(&attr, &state) == 0 &&
	       state == PTHREAD_CREATE_JOINABLE, "state %d", state);
	expect("a stack below PTHREAD_STACK_MIN: EINVAL",
	       pthread_attr_setstacksize(&attr, 1024) == EINVAL, "no");
	pthread_attr_setstacksize(&attr, 1 << 20);
	pthread_attr_getstacksize(&attr, &size);
	expect("setstacksize 1 MiB", size == 1 << 20, "size %zu", size);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	/* Ten at a time, each ten ended before the next: the task table
	   need not hold 100, and their blocks are freed as they end. */
	for (int round = 1; round <= 10; round++) {
		for (int i = 0; i < 10; i++)
			n += pthread_create(&t, &attr, detached_worker, NULL) == 0;
		for (int i = 0; i < 100 && detached_ran < 10 * round; i++)
			usleep(10000);
	}
	expect("100 detached threads run and end, ten at a time",
	       n == 100 && detached_ran == 100, "created %d, ran %d", n,
	       detached_ran);
	expect("joining a detached thread: EINVAL",
	       pthread_join(t, NULL) == EINVAL, "no");
	pthread_create(&t, NULL, twice, NULL);
	expect("pthread_detach of a joinable thread",
	       pthread_detach(t) == 0, "no");
	pthread_attr_destroy(&attr);
}

static int pipe_fd[2];

static void *late_writer(void *arg)
{
	(void)arg;
	usleep(50000);
	write(pipe_fd[1], "x", 1);
	return NULL;
}

/* main's pthread_exit: the process lives on until its last thread. */
static void child_main_exits(void)
{
	pthread_t t;

	pthread_create(&t, NULL, late_writer, NULL);
	pthread_exit(NULL);
}

static void *exits_three(void *arg)
{
	(void)arg;
	usleep(20000);
	exit(3);
}

/* exit() in any thread ends them all, with its status. */
static void child_thread_exits(void)
{
	pthread_t t;

	pthread_create(&t, NULL, exits_three, NULL);
	for (;;)
		pause();
}

/* 1 MiB of frames on a 64 KiB stack. */
static int __attribute__((noinline)) use_stack(int n)
{
	volatile char frame[1024];

	frame[0] = (char)n;
	return n ? use_stack(n - 1) + frame[0] : 0;
}

static void *overflows(void *arg)
{
	(void)arg;
	return (void *)(long)use_stack(1000);
}

static void child_overflows(void)
{
	pthread_attr_t attr;
	pthread_t t;

	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	pthread_create(&t, &attr, overflows, NULL);
	pthread_join(t, NULL);
	_exit(0);
}

static void test_process_end(void)
{
	pid_t pid;
	int status = -1;
	char c = 0;

	pipe(pipe_fd);
	pid = fork();
	if (pid == 0)
		child_main_exits();
	close(pipe_fd[1]);
	read(pipe_fd[0], &c, 1);
	waitpid(pid, &status, 0);
	close(pipe_fd[0]);
	expect("main's pthread_exit: the other thread runs on, then status 0",
	       c == 'x' && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "read %#x, %s", c, describe(status));
	pid = fork();
	if (pid == 0)
		child_thread_exits();
	waitpid(pid, &status, 0);
	expect("exit(3) in a thread ends the process with 3",
	       WIFEXITED(status) && WEXITSTATUS(status) == 3, "%s",
	       describe(status));
	status = run_child(child_overflows);
	expect("a thread past its stack meets the guard page: SIGSEGV",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "%s",
	       describe(status));
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	test_many();
	test_exit_and_ids();
	test_tls();
	test_keys();
	test_detach();
	test_process_end();
	return check_done();
}
