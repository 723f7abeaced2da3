/*
 * Shared by the file-system tests (f_*.c): one line per case,
 * `ok <case>` or `FAIL <case> -- <why>`, written straight to fd 1 so that
 * nothing sits in a stdio buffer across fork(). The tests work inside
 * their own folder under $FTEST_DIR (default /tmp) and remove it.
 */
#ifndef F_TEST_H
#define F_TEST_H

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

int rename(const char *oldpath, const char *newpath);

static int failures;

static void say(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	write(1, buf, n);
}

static void ok(const char *name)
{
	say("ok %s\n", name);
}

static void fail(const char *name, const char *fmt, ...)
{
	char why[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	say("FAIL %s -- %s\n", name, why);
	failures++;
}

/* The case passes when cond holds. */
#define EXPECT(name, cond) do { \
	if (cond) ok(name); \
	else fail(name, "%s is false (errno %d)", #cond, errno); \
} while (0)

/* The call must return -1 with errno e. */
#define EXPECT_ERR(name, call, e) do { \
	errno = 0; \
	long r_ = (long)(call); \
	int e_ = errno; \
	if (r_ == -1 && e_ == (e)) ok(name); \
	else fail(name, "%s gave %ld errno %d, want -1 errno %d", #call, r_, e_, (e)); \
} while (0)

/* Make and enter a fresh folder $FTEST_DIR/name; returns its path. */
static inline const char *enter_workdir(const char *name)
{
	static char dir[256];
	const char *base = getenv("FTEST_DIR");
	snprintf(dir, sizeof(dir), "%s/%s", base ? base : "/tmp", name);
	if (mkdir(dir, 0755) < 0 || chdir(dir) < 0) {
		fail("workdir", "cannot make and enter %s (errno %d)", dir, errno);
		exit(1);
	}
	return dir;
}

/* Write all of buf or report why not. */
static inline int write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w <= 0)
			return -1;
		p += w;
		n -= w;
	}
	return 0;
}

/* The whole content of a small file, NUL-terminated; length or -1. */
static inline long slurp(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	long n = 0, r;
	while (n < (long)size - 1 && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = '\0';
	return n;
}

/* The child's exit status, or -1 if it did not exit normally. */
static inline int wait_child(pid_t pid)
{
	int status;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

#endif
