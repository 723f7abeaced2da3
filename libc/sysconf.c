/*
 * Asking about the system at run time: sysconf(), and the host's name.
 * Sprout's limits are fixed numbers (<limits.h> has them, taken from the
 * kernel); the memory size is asked of the kernel, with sysinfo(2), and
 * the fds a process may open are its RLIMIT_NOFILE, as glibc answers,
 * and the CPUs are those the process may run on (sched_getaffinity).
 */
#include <unistd.h>
#include <limits.h>
#include <string.h>
#include <errno.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sched.h>

#define USER_HZ 100             /* clock ticks a second, as Linux's:
				   times(2) and /proc count in these */

/* Memory in pages: all of it, or what is free now. */
static long memory_pages(int free)
{
	struct sysinfo si;

	if (sysinfo(&si) < 0)
		return -1;
	return (long)((unsigned long long)(free ? si.freeram : si.totalram) *
		      si.mem_unit / PAGESIZE);
}

/* The CPUs in the caller's affinity set: 1 on Sprout. */
static long cpus(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof(set), &set) < 0)
		return 1;
	return CPU_COUNT(&set);
}

static long open_max(void)
{
	struct rlimit r;

	return getrlimit(RLIMIT_NOFILE, &r) < 0 ? OPEN_MAX : (long)r.rlim_cur;
}

long sysconf(int name)
{
	switch (name) {
	case _SC_ARG_MAX:        return ARG_MAX;
	case _SC_CLK_TCK:        return USER_HZ;
	case _SC_NGROUPS_MAX:    return NGROUPS_MAX;
	case _SC_OPEN_MAX:       return open_max();
	case _SC_PAGESIZE:       return PAGESIZE;
	case _SC_LINE_MAX:       return LINE_MAX;
	case _SC_IOV_MAX:        return IOV_MAX;
	case _SC_LOGIN_NAME_MAX: return LOGIN_NAME_MAX;
	case _SC_TTY_NAME_MAX:   return TTY_NAME_MAX;
	case _SC_HOST_NAME_MAX:  return HOST_NAME_MAX;
	case _SC_SYMLOOP_MAX:    return SYMLOOP_MAX;
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN: return cpus();
	case _SC_PHYS_PAGES:     return memory_pages(0);
	case _SC_AVPHYS_PAGES:   return memory_pages(1);
	}
	errno = EINVAL;
	return -1;
}

int getpagesize(void)
{
	return PAGESIZE;
}

/* The host's name is uname's nodename. Too small a buffer: ENAMETOOLONG,
   as glibc says. */
int gethostname(char *name, size_t len)
{
	struct utsname u;

	if (uname(&u) < 0)
		return -1;
	if (strlen(u.nodename) >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(name, u.nodename);
	return 0;
}
