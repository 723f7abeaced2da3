/* getpriority and nice: the kernel answers 20 - nice (1 to 40), so that
   a negative nice value is not taken for an error; here it is turned
   back. A nice value of -1 is a valid answer: to tell it from an error,
   set errno to 0 first. */
#include <sys/resource.h>
#include <unistd.h>
#include "syscall.h"

int getpriority(int which, id_t who)
{
	long r = __sys_getpriority(which, who);

	return r < 0 ? __syscall_ret(r) : 20 - r;
}

int nice(int inc)
{
	long r = __sys_nice(inc);

	return r < 0 ? __syscall_ret(r) : getpriority(PRIO_PROCESS, 0);
}
