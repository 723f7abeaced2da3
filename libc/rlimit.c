/* getrlimit and prlimit. getrlimit is the kernel's ugetrlimit (191): the
   old getrlimit (76) clamps infinity to 0x7fffffff. prlimit passes
   64-bit values (prlimit64, 340) and our rlim_t has 32 bits; the kernel
   keeps 32-bit limits too and reads anything from 0xffffffff up as
   infinity, so widening and cutting back lose nothing. */
#include <sys/resource.h>
#include "syscall.h"

int getrlimit(int resource, struct rlimit *rlim)
{
	return __syscall_ret(__sys_ugetrlimit(resource, rlim));
}

int prlimit(pid_t pid, int resource, const struct rlimit *new_limit,
	    struct rlimit *old_limit)
{
	struct rlimit64 new64, old64;
	long r;

	if (new_limit)
		new64 = (struct rlimit64){ new_limit->rlim_cur,
					   new_limit->rlim_max };
	r = __sys_prlimit64(pid, resource, new_limit ? &new64 : NULL,
			    old_limit ? &old64 : NULL);
	if (r == 0 && old_limit)
		*old_limit = (struct rlimit){ (rlim_t)old64.rlim_cur,
					      (rlim_t)old64.rlim_max };
	return __syscall_ret(r);
}
