/*
 * Process 1 of tests/guest_glibc.py's boot: runs every glibc-built test
 * program a list names, one after another, in one boot.
 *
 *     init=/bin/glibc/run-all /bin/glibc/list
 *
 * The list (made by tests/glibc/glibc.mk) has a line per program: its
 * name in /bin/glibc/ and its arguments, if any. Each program gets
 * what tests/guest_user.py's boots give ours, as near as a child can:
 * a session of its own with the console as its controlling terminal,
 * /proc mounted, and a time limit. Around its output go two markers:
 *
 *     == t_fork
 *     ...its ok/FAIL lines...
 *     == t_fork: status 0          (or "signal 11", "timeout")
 *
 * It is built with glibc too, so it is one more glibc program.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/wait.h>

#define DIR "/bin/glibc/"
#define LIMIT_SECONDS 60        /* no test program takes half of this */
#define MAX_ARGS 8

static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
}

/* The child: a new session owning the console, then the program. */
static void start(char *line)
{
	char path[128], *argv[MAX_ARGS + 1];
	int argc = 0;

	for (char *w = strtok(line, " \n"); w && argc < MAX_ARGS;
	     w = strtok(NULL, " \n"))
		argv[argc++] = w;
	argv[argc] = NULL;
	snprintf(path, sizeof(path), DIR "%s", argv[0]);
	argv[0] = path;                 /* as the kernel's init= gives it */
	setsid();
	ioctl(0, TIOCSCTTY, 0);
	execv(path, argv);
	printf("run-all: %s: %s\n", path, strerror(errno));
	_exit(127);
}

/* Wait for pid within the time limit; kill its group if it overstays. */
static void finish(const char *name, pid_t pid)
{
	int status = 0;
	pid_t got;

	timed_out = 0;
	alarm(LIMIT_SECONDS);
	do
		got = waitpid(pid, &status, 0);
	while (got < 0 && errno == EINTR && !timed_out);
	alarm(0);
	kill(-pid, SIGKILL);            /* its group: helpers it left behind */
	if (got != pid) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		printf("\n== %s: timeout\n", name);
	} else if (WIFEXITED(status)) {
		printf("\n== %s: status %d\n", name, WEXITSTATUS(status));
	} else {
		printf("\n== %s: signal %d\n", name, WTERMSIG(status));
	}
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;                       /* orphans given to process 1 */
	fflush(stdout);
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_alarm };   /* no SA_RESTART */
	FILE *list = argc == 2 ? fopen(argv[1], "re") : NULL;
	char line[256];

	setvbuf(stdout, NULL, _IONBF, 0);
	if (!list) {
		printf("usage: run-all LIST-FILE\n");
		return 1;
	}
	sigaction(SIGALRM, &sa, NULL);
	mount("proc", "/proc", "proc", 0, NULL);
	ioctl(0, TIOCNOTTY, 0);         /* the console, free for each session */
	while (fgets(line, sizeof(line), list)) {
		char name[64];
		pid_t pid;

		snprintf(name, sizeof(name), "%.*s", (int)strcspn(line, " \n"),
			 line);
		printf("== %s\n", name);
		pid = fork();
		if (pid == 0)
			start(line);
		if (pid < 0)
			printf("\n== %s: fork: %s\n", name, strerror(errno));
		else
			finish(name, pid);
	}
	fclose(list);
	kill(-1, SIGKILL);
	while (wait(NULL) > 0)
		;
	return 0;
}
