/*
 * prctl(2): "process control", Linux's one call for many small per-task
 * settings, chosen by the first argument. Sprout knows the task's name:
 *
 *   PR_SET_NAME   the name ps and /proc/PID/stat show (task->comm, which
 *                 exec sets to the program's file name), at most 15
 *                 bytes: a longer one is cut, as on Linux
 *   PR_GET_NAME   that name, into a 16-byte buffer, NUL-terminated
 *
 * BusyBox asks for the name at the start of every applet, and a program
 * renames itself with it (a thread pool names its workers). Any other
 * option is EINVAL, the answer Linux gives an option it does not know.
 */
#include "proc/proc.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/prctl.h>

static long set_name(const char *uname)
{
	char name[sizeof(current->comm)] = { 0 };   /* no stale bytes for PR_GET_NAME */
	long n = strncpy_from_user(name, uname, sizeof(name));

	if (n == -EFAULT)
		return n;
	name[sizeof(name) - 1] = '\0';  /* too long: the first 15 bytes */
	memcpy(current->comm, name, sizeof(name));
	return 0;
}

long sys_prctl(int option, unsigned long arg2, unsigned long arg3,
	       unsigned long arg4, unsigned long arg5)
{
	switch (option) {
	case PR_SET_NAME:
		return set_name((const char *)arg2);
	case PR_GET_NAME:
		if (copy_to_user((void *)arg2, current->comm,
				 sizeof(current->comm)))
			return -EFAULT;
		return 0;
	default:
		return -EINVAL;
	}
}
