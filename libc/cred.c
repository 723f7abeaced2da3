/*
 * Changing and reading a process's user and group ids: the POSIX names
 * on the kernel's 32-bit calls (setuid32 ...), since the calls under the
 * old names carry 16-bit ids. seteuid and setegid are setresuid with -1
 * ("unchanged") for the other two ids, as glibc does it. Sprout has one
 * user, root; see kernel/proc/cred.c for what it allows.
 */
#include "syscall.h"
#include <unistd.h>
#include <grp.h>

#define KEEP ((uid_t)-1)

int setuid(uid_t uid)  { return __syscall_ret(__sys_setuid32(uid)); }
int setgid(gid_t gid)  { return __syscall_ret(__sys_setgid32(gid)); }
int seteuid(uid_t uid) { return __syscall_ret(__sys_setresuid32(KEEP, uid, KEEP)); }
int setegid(gid_t gid) { return __syscall_ret(__sys_setresgid32(KEEP, gid, KEEP)); }

int setreuid(uid_t ruid, uid_t euid)
{
	return __syscall_ret(__sys_setreuid32(ruid, euid));
}

int setregid(gid_t rgid, gid_t egid)
{
	return __syscall_ret(__sys_setregid32(rgid, egid));
}

int setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return __syscall_ret(__sys_setresuid32(ruid, euid, suid));
}

int setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	return __syscall_ret(__sys_setresgid32(rgid, egid, sgid));
}

int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid)
{
	return __syscall_ret(__sys_getresuid32(ruid, euid, suid));
}

int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
	return __syscall_ret(__sys_getresgid32(rgid, egid, sgid));
}

int getgroups(int size, gid_t list[])
{
	return __syscall_ret(__sys_getgroups32(size, list));
}

int setgroups(size_t size, const gid_t *list)
{
	return __syscall_ret(__sys_setgroups32((int)size, list));
}
