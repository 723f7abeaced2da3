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
#include <netinet/in.h>

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

int libc_converts(const char *name)
{
#ifdef __GLIBC__
	skip(name, "glibc converts the structure in user mode: a bad pointer "
	     "is SIGSEGV there, not EFAULT");
	return 1;
#else
	(void)name;
	return 0;
#endif
}

int failed(long r, int err)
{
	return r == -1 && errno == err;
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
	return (long long)(si.freeram + si.bufferram) * si.mem_unit;
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

int sockstat(const char *what)
{
	FILE *f = fopen("/proc/net/sockstat", "r");
	char line[128];
	size_t len = strlen(what);
	int n = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, what, len) && !strncmp(line + len, ": inuse ", 8))
			n = atoi(line + len + 8);
	fclose(f);
	return n;
}

void expect_buffers_back(int before)
{
	int after = -1;

	if (before < 0) {
		skip("packet buffers back to where they were",
		     "no SKB line in /proc/net/sockstat");
		return;
	}
	for (int i = 0; i < 50 && after != before; i++) {
		sleep_ms(20);           /* netd may still hold the last ones */
		after = sockstat("SKB");
	}
	expect("packet buffers back to where they were", after == before,
	       "%d before, %d after", before, after);
}

struct sockaddr_in inet_sockaddr(unsigned int host_addr, unsigned short port)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(host_addr);
	a.sin_port = htons(port);
	return a;
}
