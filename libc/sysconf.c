/* sysconf: the system's limits and settings that a program asks for at
   run time. Only what Sprout programs need so far. */
#include <unistd.h>
#include <errno.h>

long sysconf(int name)
{
	switch (name) {
	case _SC_CLK_TCK:
		return 100;     /* times() and /proc count ticks of 10 ms */
	case _SC_PAGESIZE:
		return 4096;
	default:
		errno = EINVAL;
		return -1;
	}
}
