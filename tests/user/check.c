/* Helpers for the process tests; see check.h. */
#include "check.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <unistd.h>
#include <errno.h>
#include <sys/wait.h>
#include <sys/utsname.h>
#include <sys/sysinfo.h>

/* Straight to fd 1 with write(): no stdio buffer that a fork would
   duplicate, and nothing lost if the program dies. */
static void say(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	write(1, line, n);
}

void check_init(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--exit") == 0)
		_exit(atoi(argv[2]));
}

void expect(const char *name, int cond, const char *why, ...)
{
	char msg[256];
	va_list ap;

	if (cond) {
		say("ok %s\n", name);
		return;
	}
	va_start(ap, why);
	vsnprintf(msg, sizeof(msg), why, ap);
	va_end(ap);
	say("FAIL %s -- %s\n", name, msg);
}

void skip(const char *name, const char *why)
{
	say("skip %s -- %s\n", name, why);
}

int check_done(void)
{
	if (is_init())
		while (wait(NULL) > 0 || errno == EINTR)
			;
	say("ok ran to the end\n");
	return 0;
}

const char *disk_path(const char *path)
{
	const char *root = getenv("SPROUT_ROOT");
	char *p;

	if (!root)
		return path;
	p = malloc(strlen(root) + strlen(path) + 1);    /* tests: never freed */
	strcpy(p, root);
	return strcat(p, path);
}

int is_init(void)
{
	return getpid() == 1;
}

int on_sprout(void)
{
	struct utsname u;

	return uname(&u) == 0 && strcmp(u.sysname, "Sprout") == 0;
}

int run_child(void (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

const char *describe(int status)
{
	static char buf[4][48];
	static int next;
	char *p = buf[next++ % 4];

	if (status == -1)
		snprintf(p, sizeof(buf[0]), "fork/waitpid failed: %s",
			 strerror(errno));
	else if (WIFEXITED(status))
		snprintf(p, sizeof(buf[0]), "exited %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(p, sizeof(buf[0]), "killed by signal %d",
			 WTERMSIG(status));
	else
		snprintf(p, sizeof(buf[0]), "status 0x%x", status);
	return p;
}

long long free_bytes(void)
{
	struct sysinfo si;

	if (sysinfo(&si) < 0)
		return -1;
	return (long long)si.freeram * si.mem_unit;
}

long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	nanosleep(&ts, NULL);
}

void install_handler(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa = { .sa_handler = fn, .sa_flags = flags };

	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

int net_buffers(void)
{
	FILE *f = fopen("/proc/net/sockstat", "r");
	char line[128];
	int n = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "SKB: inuse %d", &n) == 1)
			break;
	fclose(f);
	return n;
}
