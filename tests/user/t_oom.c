/*
 * Running out of memory. A child touches ever more heap until no page is
 * left: the kernel must kill it (SIGKILL, like Linux's OOM killer), not
 * panic, and every page must come back once it is reaped. The killer
 * chooses by size, not by who asked last: a hog beside a small process
 * dies even when the small one is the one asking; and process 1, even
 * the largest, is spared while another process is left.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/mount.h>
#include "check.h"

#define STEP (1 << 20)
#define LOW_WATER (2 * STEP)    /* the hog stops with this much left */
#define SMALL_NEEDS (6 * STEP)  /* and the small process then wants this */

static int hog_full[2], small_go[2];

/* Grow the heap a MiB at a time and touch every page of it. */
static void eat_memory(void)
{
	for (;;) {
		char *p = sbrk(STEP);
		if (p == (char *)-1)
			_exit(2);       /* the break refused: not what we test */
		for (int i = 0; i < STEP; i += 4096)
			p[i] = 1;
	}
}

static void touch(char *p, long n)
{
	for (long i = 0; i < n; i += 4096)
		p[i] = 1;
}

/* Take memory until little is left, say so, and sit on it. */
static void hog(void)
{
	while (free_bytes() > LOW_WATER + STEP) {
		char *p = sbrk(STEP);
		if (p == (char *)-1)
			_exit(2);
		touch(p, STEP);
	}
	write(hog_full[1], "f", 1);
	for (;;)
		pause();
}

/* Wait for the word, then touch more than is free: someone must die,
   and it must not be us. */
static void small(void)
{
	char c;
	char *p;

	if (read(small_go[0], &c, 1) != 1)
		_exit(3);
	p = sbrk(SMALL_NEEDS);
	if (p == (char *)-1)
		_exit(2);
	touch(p, SMALL_NEEDS);
}

static pid_t start(void (*fn)(void))
{
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	return pid;
}

/* /proc/PID/oom_score: the badness in thousandths of memory; -1 if it
   cannot be read. */
static int oom_score(pid_t pid)
{
	char path[64];
	int score = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/oom_score", (int)pid);
	if ((f = fopen(path, "r"))) {
		if (fscanf(f, "%d", &score) != 1)
			score = -1;
		fclose(f);
	}
	return score;
}

/* The small process is forked first, while fork still has memory. */
static void hog_beside_small(void)
{
	int hs, ss;
	char c;

	if (pipe(hog_full) < 0 || pipe(small_go) < 0)
		return;
	pid_t s = start(small), h = start(hog);
	int full = read(hog_full[0], &c, 1) == 1;
	int hog_score = oom_score(h), small_score = oom_score(s);
	write(small_go[1], "g", 1);
	waitpid(s, &ss, 0);
	kill(h, SIGKILL);               /* if the killer chose wrong */
	waitpid(h, &hs, 0);
	for (int i = 0; i < 2; i++) {
		close(hog_full[i]);
		close(small_go[i]);
	}
	expect("a hog filled memory", full, "it %s", describe(hs));
	expect("the small process that asks for memory last survives",
	       ss == 0, "it %s", describe(ss));
	expect("the hog beside it is the one killed",
	       WIFSIGNALED(hs) && WTERMSIG(hs) == SIGKILL, "it %s",
	       describe(hs));
	expect("/proc/PID/oom_score: the hog's is most of 1000, the small "
	       "one's little", hog_score > 500 && small_score >= 0 &&
	       small_score < 50, "the hog's is %d, the small one's %d",
	       hog_score, small_score);
}

/* A fresh program (exec'd: it shares no page with us) that eats memory. */
static void exec_eater(void)
{
	char *argv[] = { "/bin/tests/t_oom", "--eat", NULL };

	execve(argv[0], argv, NULL);
	_exit(127);
}

/* Process 1 (this program) holds the most memory; a child eats the
   rest. The child dies, not process 1. */
static void init_is_spared(void)
{
	long long room = free_bytes() * 2 / 3;
	char *p = sbrk(room);
	int status;

	if (p == (char *)-1) {
		expect("process 1 grows", 0, "sbrk failed");
		return;
	}
	touch(p, room);
	status = run_child(exec_eater);
	expect("process 1, the largest, is spared: the child is killed",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	       "it %s", describe(status));
	sbrk(-room);
}

static void nothing(void)
{
}

static void exec_true(void)
{
	char *argv[] = { "/bin/true", NULL };

	execve(argv[0], argv, NULL);
	_exit(127);
}

int main(int argc, char **argv)
{
	long long before, after;
	int status;

	check_init(argc, argv);
	if (argc > 1 && strcmp(argv[1], "--eat") == 0)
		eat_memory();
	if (!on_sprout()) {
		skip("a child that eats all memory is killed", "Linux would "
		     "take the whole machine down with it");
		return check_done();
	}
	mount("proc", "/proc", "proc", 0, NULL);        /* oom_score */
	before = free_bytes();
	status = run_child(eat_memory);
	expect("a child that eats all memory is killed with SIGKILL",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	       "it %s", describe(status));
	after = free_bytes();
	expect("every page comes back after it is reaped", after == before,
	       "free memory went from %lld to %lld bytes", before, after);
	expect("afterwards fork still works", run_child(nothing) == 0,
	       "a new child could not run");
	status = run_child(exec_true);
	expect("and so does exec", status == 0, "/bin/true %s",
	       describe(status));
	before = free_bytes();
	hog_beside_small();
	init_is_spared();
	after = free_bytes();
	/* (but the page tables of process 1's heap: brk keeps them) */
	expect("every page comes back after the killings",
	       before - after < 128 * 1024,
	       "free memory went from %lld to %lld bytes", before, after);
	return check_done();
}
