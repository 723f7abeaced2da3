/*
 * Credentials: which user and group a process acts as. Sprout has one
 * user, root, so every id a process has - real, effective, saved and
 * file-system uid and gid - is 0, and there are no supplementary groups
 * (as for Linux's process 1).
 *
 * The calls that change ids follow one rule: a process may "change" an
 * id to the value it already has, and nothing else - EPERM, Linux's
 * answer to a process not allowed to take that id. So a daemon that
 * drops to its own ids succeeds, and one that expects to become
 * another user learns that it cannot. An id of -1 means "leave it", as
 * in Linux.
 *
 * The oldest calls (setuid, getresuid ...) carry 16-bit ids, whose -1 is
 * 0xffff; their 32-bit successors (setuid32 ...) are what C libraries use.
 */
#include "proc/proc.h"
#include "mm/mm.h"
#include "include/syscall.h"
#include <sprout/errno.h>

#define ROOT        0u
#define KEEP        ((uint32_t)-1)  /* the id argument meaning "unchanged" */
#define NGROUPS_MAX 65536           /* Linux's limit on setgroups' list */

/* A 16-bit id as a 32-bit one: 0xffff is -1 (Linux's low2highuid). */
static uint32_t widen(unsigned int id16)
{
	id16 &= 0xffff;
	return id16 == 0xffff ? KEEP : id16;
}

static long may_set(uint32_t id)
{
	return id == KEEP || id == ROOT ? 0 : -EPERM;
}

long sys_getuid(void)    { return ROOT; }
long sys_geteuid(void)   { return ROOT; }
long sys_getgid(void)    { return ROOT; }
long sys_getegid(void)   { return ROOT; }
long sys_getuid32(void)  { return ROOT; }
long sys_geteuid32(void) { return ROOT; }
long sys_getgid32(void)  { return ROOT; }
long sys_getegid32(void) { return ROOT; }

/* setuid and setgid: all the ids at once; -1 is no id at all. */
long sys_setuid32(uid_t uid) { return uid == KEEP ? -EINVAL : may_set(uid); }
long sys_setgid32(gid_t gid) { return gid == KEEP ? -EINVAL : may_set(gid); }
long sys_setuid(unsigned int uid) { return sys_setuid32(widen(uid)); }
long sys_setgid(unsigned int gid) { return sys_setgid32(widen(gid)); }

long sys_setreuid32(uid_t ruid, uid_t euid)
{
	return may_set(ruid) ?: may_set(euid);
}

long sys_setresuid32(uid_t ruid, uid_t euid, uid_t suid)
{
	return may_set(ruid) ?: may_set(euid) ?: may_set(suid);
}

/* The gid calls are the uid calls' rule again. */
long sys_setregid32(gid_t rgid, gid_t egid)
{
	return sys_setreuid32(rgid, egid);
}

long sys_setresgid32(gid_t rgid, gid_t egid, gid_t sgid)
{
	return sys_setresuid32(rgid, egid, sgid);
}

long sys_setreuid(unsigned int ruid, unsigned int euid)
{
	return sys_setreuid32(widen(ruid), widen(euid));
}

long sys_setregid(unsigned int rgid, unsigned int egid)
{
	return sys_setreuid32(widen(rgid), widen(egid));
}

long sys_setresuid(unsigned int ruid, unsigned int euid, unsigned int suid)
{
	return sys_setresuid32(widen(ruid), widen(euid), widen(suid));
}

long sys_setresgid(unsigned int rgid, unsigned int egid, unsigned int sgid)
{
	return sys_setresuid32(widen(rgid), widen(egid), widen(sgid));
}

/* setfsuid and setfsgid never fail: they return the old id (0) whether
   or not the new one was taken. */
long sys_setfsuid32(uid_t fsuid)          { return ROOT; }
long sys_setfsgid32(gid_t fsgid)          { return ROOT; }
long sys_setfsuid(unsigned int fsuid)     { return ROOT; }
long sys_setfsgid(unsigned int fsgid)     { return ROOT; }

/* getresuid and getresgid: three ids of `size` bytes (2 or 4), all 0. */
static long put_ids(void *r, void *e, void *s, size_t size)
{
	void *const u[3] = { r, e, s };
	uint32_t id = ROOT;

	for (int i = 0; i < 3; i++)
		if (copy_to_user(u[i], &id, size))
			return -EFAULT;
	return 0;
}

long sys_getresuid32(uid_t *ruid, uid_t *euid, uid_t *suid)
{
	return put_ids(ruid, euid, suid, sizeof(uid_t));
}

long sys_getresgid32(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
	return put_ids(rgid, egid, sgid, sizeof(gid_t));
}

long sys_getresuid(unsigned short *ruid, unsigned short *euid,
		   unsigned short *suid)
{
	return put_ids(ruid, euid, suid, sizeof(unsigned short));
}

long sys_getresgid(unsigned short *rgid, unsigned short *egid,
		   unsigned short *sgid)
{
	return put_ids(rgid, egid, sgid, sizeof(unsigned short));
}

/* getgroups: the count of supplementary groups, 0, whatever the list's
   size (size 0 only asks the count); a negative size is EINVAL. The
   list is never touched. */
long sys_getgroups32(int size, gid_t *list)
{
	return size < 0 ? -EINVAL : 0;
}

long sys_getgroups(int size, unsigned short *list)
{
	return sys_getgroups32(size, NULL);      /* no ids to narrow */
}

/* setgroups: an empty list is the list there is; any other is EPERM. */
long sys_setgroups32(int size, const gid_t *list)
{
	return size == 0 ? 0 : -EPERM;
}

long sys_setgroups(int size, const unsigned short *list)
{
	return sys_setgroups32(size, NULL);
}
