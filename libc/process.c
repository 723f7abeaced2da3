/* Process calls that are not one system call each. */
#include <unistd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <sys/wait.h>
#include <sys/reboot.h>
#include "syscall.h"
#include "shell.h"

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* A file the kernel cannot run (ENOEXEC: neither ELF nor #!) is taken
   for a shell script, as POSIX asks of execvp: /bin/sh path args...
   If even that fails, the file stays what could not be run. */
static int exec_or_shell(const char *path, char *const argv[])
{
	int argc = 0, n = 2;

	execv(path, argv);
	if (errno != ENOEXEC)
		return -1;
	while (argv[argc])
		argc++;
	{
		char *sh_argv[argc + 3];

		sh_argv[0] = "sh";
		sh_argv[1] = (char *)path;
		for (int i = 1; i < argc; i++)  /* argv[0] gives way to path */
			sh_argv[n++] = argv[i];
		sh_argv[n] = NULL;
		execv(SHELL_PATH, sh_argv);
	}
	errno = ENOEXEC;
	return -1;
}

/*
 * execvp: a name without '/' is looked up in each directory of $PATH
 * ("/bin:/usr/bin" if it is unset; an empty entry is the current
 * directory), the first that can be run wins. A directory without the
 * file, or no directory at all, means go on; a file found but not
 * executable (EACCES) is remembered, and reported if nothing runs.
 */
int execvp(const char *file, char *const argv[])
{
	const char *dirs = getenv("PATH");
	size_t flen = strlen(file);
	int denied = 0;

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return exec_or_shell(file, argv);
	if (!dirs)
		dirs = "/bin:/usr/bin";
	for (;;) {
		size_t len = strcspn(dirs, ":");
		const char *dir = len ? dirs : ".";
		size_t dlen = len ? len : 1;
		char path[dlen + flen + 2];

		memcpy(path, dir, dlen);
		path[dlen] = '/';
		memcpy(path + dlen + 1, file, flen + 1);
		exec_or_shell(path, argv);
		if (errno == EACCES)
			denied = 1;
		else if (errno != ENOENT && errno != ENOTDIR)
			return -1;      /* found, but it would not run */
		dirs += len;
		if (!*dirs++)
			break;
	}
	errno = denied ? EACCES : ENOENT;
	return -1;
}

/* The execl family take the argument list in place of an array: it is
   gathered into one (ending at the NULL) and handed to execve/execvp.
   execle's environment comes after the NULL. */
enum exec_kind { EXEC_PATH, EXEC_ENV, EXEC_SEARCH };

static int exec_list(enum exec_kind kind, const char *path, const char *arg0,
		     va_list ap)
{
	va_list count;
	int argc = 0;

	va_copy(count, ap);
	if (arg0)
		for (argc = 1; va_arg(count, char *); argc++)
			;
	va_end(count);
	{
		char *argv[argc + 1];

		argv[0] = (char *)arg0;
		for (int i = 1; i < argc; i++)
			argv[i] = va_arg(ap, char *);
		if (argc)
			va_arg(ap, char *);     /* the NULL ending the list */
		argv[argc] = NULL;
		if (kind == EXEC_SEARCH)
			return execvp(path, argv);
		return execve(path, argv, kind == EXEC_ENV ?
			      va_arg(ap, char **) : environ);
	}
}

int execl(const char *path, const char *arg0, ...)
{
	va_list ap;
	int r;

	va_start(ap, arg0);
	r = exec_list(EXEC_PATH, path, arg0, ap);
	va_end(ap);
	return r;
}

int execle(const char *path, const char *arg0, ...)
{
	va_list ap;
	int r;

	va_start(ap, arg0);
	r = exec_list(EXEC_ENV, path, arg0, ap);
	va_end(ap);
	return r;
}

int execlp(const char *file, const char *arg0, ...)
{
	va_list ap;
	int r;

	va_start(ap, arg0);
	r = exec_list(EXEC_SEARCH, file, arg0, ap);
	va_end(ap);
	return r;
}

/* Interrupted by a handler, sleep() returns the whole seconds left, the
   fraction dropped, as glibc does (1 when 1.8 s were left). */
unsigned int sleep(unsigned int seconds)
{
	struct timespec ts = { (long)seconds, 0 };

	if (nanosleep(&ts, &ts) < 0)
		return ts.tv_sec;
	return 0;
}

int usleep(unsigned long usec)
{
	struct timespec ts = { usec / 1000000, usec % 1000000 * 1000 };

	return nanosleep(&ts, NULL);
}

int reboot(int cmd)
{
	return __syscall_ret(__sys_reboot(LINUX_REBOOT_MAGIC1,
					  LINUX_REBOOT_MAGIC2, cmd, NULL));
}
