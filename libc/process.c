/* Process calls that are not one system call each. */
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <sys/wait.h>
#include <sys/reboot.h>
#include "syscall.h"


pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* execvp: a name without '/' is looked up in each directory of $PATH. */
int execvp(const char *file, char *const argv[])
{
	const char *dirs = getenv("PATH");
	char path[256];

	if (strchr(file, '/'))
		return execv(file, argv);
	if (!dirs)
		dirs = "/bin";
	while (*dirs) {
		size_t len = strcspn(dirs, ":");

		if (len + 1 + strlen(file) < sizeof(path)) {
			memcpy(path, dirs, len);
			path[len] = '/';
			strcpy(path + len + 1, file);
			execv(path, argv);
			if (errno != ENOENT)
				return -1;      /* found, but it would not run */
		}
		dirs += len;
		if (*dirs == ':')
			dirs++;
	}
	errno = ENOENT;
	return -1;
}

/* Interrupted by a handler, sleep() returns the seconds left, rounded to
   the nearest as glibc does. */
unsigned int sleep(unsigned int seconds)
{
	struct timespec ts = { (long)seconds, 0 };

	if (nanosleep(&ts, &ts) < 0)
		return ts.tv_sec + (ts.tv_nsec >= 500000000L);
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
