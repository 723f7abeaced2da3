/* umount(): Linux's old call without flags is umount2 with none. */
#include <sys/mount.h>

int umount(const char *target)
{
	return umount2(target, 0);
}
