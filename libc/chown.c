/* chown, lchown, fchown: the 32-bit-id system calls (212, 198, 207), not
   the old ones whose ids are 16 bits. -1 leaves that id as it is. */
#include <unistd.h>
#include "syscall.h"

int chown(const char *path, uid_t owner, gid_t group)
{
	return __syscall_ret(__sys_chown32(path, owner, group));
}

int lchown(const char *path, uid_t owner, gid_t group)
{
	return __syscall_ret(__sys_lchown32(path, owner, group));
}

int fchown(int fd, uid_t owner, gid_t group)
{
	return __syscall_ret(__sys_fchown32(fd, owner, group));
}
