/*
 * User and group ids (kernel/proc/cred.c): Sprout has one user, root,
 * and no supplementary groups. A process may "set" an id to the value it
 * has; any other is EPERM, -1 leaves an id alone (where the call allows
 * it), and the old 16-bit calls read 0xffff as -1 and write 16-bit ids.
 * Off Sprout, the cases that would change a root process's ids are
 * skipped.
 */
#define _GNU_SOURCE             /* glibc: CPU_SET, getcpu, getresuid ... */
#include "check.h"
#include <errno.h>
#include <grp.h>
#include <unistd.h>

#define BAD ((void *)0x1000)            /* user space, never mapped */

#define SYS_setuid16 23
#define SYS_getgroups16 80
#define SYS_setfsuid16 138
#define SYS_getresuid16 165
#define SYS_setfsuid32 215

static void reading(void)
{
	uid_t r = 77, e = 77, s = 77;
	gid_t rg = 77, eg = 77, sg = 77;
	unsigned short ids16[4] = { 77, 77, 77, 0x5555 };

	expect("getuid, geteuid, getgid, getegid: root's 0 on Sprout",
	       !on_sprout() || (getuid() == 0 && geteuid() == 0 &&
				getgid() == 0 && getegid() == 0),
	       "%u %u %u %u", getuid(), geteuid(), getgid(), getegid());
	expect("getresuid: real, effective, saved as getuid/geteuid say",
	       getresuid(&r, &e, &s) == 0 && r == getuid() && e == geteuid() &&
	       s == geteuid(), "%u %u %u", r, e, s);
	expect("getresgid: the same for the groups",
	       getresgid(&rg, &eg, &sg) == 0 && rg == getgid() &&
	       eg == getegid() && sg == getegid(), "%u %u %u", rg, eg, sg);
	expect("getresuid to a bad pointer is EFAULT",
	       failed(getresuid(&r, BAD, &s), EFAULT), "errno %d", errno);
	expect("getresgid to NULL is EFAULT",
	       failed(getresgid(NULL, &eg, &sg), EFAULT), "errno %d", errno);
	expect("the 16-bit getresuid writes three shorts, not ints",
	       syscall(SYS_getresuid16, &ids16[0], &ids16[1], &ids16[2]) == 0 &&
	       ids16[0] == (unsigned short)getuid() && ids16[3] == 0x5555,
	       "%u %u %u %#x", ids16[0], ids16[1], ids16[2], ids16[3]);
}

static void groups(void)
{
	gid_t list[4] = { 77 }, zero = 0, other = 42;
	volatile int minus_one = -1;    /* (glibc's headers object to a -1 they see) */
	int n = getgroups(0, NULL);

	expect("getgroups(0, NULL): no supplementary groups on Sprout",
	       n >= 0 && (n == 0 || !on_sprout()), "%d errno %d", n, errno);
	expect("getgroups with room returns the same count",
	       n <= 4 ? getgroups(4, list) == n : 1, "errno %d", errno);
	expect("getgroups(-1) is EINVAL", failed(getgroups(minus_one, list), EINVAL),
	       "errno %d", errno);
	expect("the 16-bit getgroups(-1) is EINVAL too",
	       failed(syscall(SYS_getgroups16, -1, list), EINVAL), "errno %d",
	       errno);
	if (!on_sprout())
		return;
	expect("setgroups of an empty list (what there is) succeeds",
	       setgroups(0, NULL) == 0, "errno %d", errno);
	expect("setgroups({0}) is EPERM", failed(setgroups(1, &zero), EPERM),
	       "errno %d", errno);
	expect("setgroups({42}) is EPERM", failed(setgroups(1, &other), EPERM),
	       "errno %d", errno);
}

static void changing(void)
{
	uid_t me = getuid();
	gid_t grp = getgid();

	expect("setuid(getuid()) succeeds", setuid(me) == 0, "errno %d", errno);
	expect("setgid(getgid()) succeeds", setgid(grp) == 0, "errno %d", errno);
	expect("seteuid and setegid to themselves succeed",
	       seteuid(geteuid()) == 0 && setegid(getegid()) == 0, "errno %d",
	       errno);
	expect("setreuid(-1, -1) and setresuid(-1, -1, -1) change nothing",
	       setreuid(-1, -1) == 0 && setresuid(-1, -1, -1) == 0 &&
	       setresgid(-1, -1, -1) == 0 && setregid(-1, -1) == 0,
	       "errno %d", errno);
	expect("setresuid to the ids there are succeeds",
	       setresuid(me, me, me) == 0, "errno %d", errno);
	expect("setuid(-1) is EINVAL", failed(setuid((uid_t)-1), EINVAL),
	       "errno %d", errno);
	expect("the 16-bit setuid(0xffff) is -1: EINVAL",
	       failed(syscall(SYS_setuid16, 0xffff), EINVAL), "errno %d", errno);
	expect("setfsuid returns the old fs uid (the effective one)",
	       syscall(SYS_setfsuid32, geteuid()) == (long)geteuid() &&
	       syscall(SYS_setfsuid16, geteuid()) == (long)geteuid(),
	       "errno %d", errno);
	if (!on_sprout() && geteuid() == 0) {
		skip("setuid to another user is EPERM", "root on Linux may");
		return;
	}
	expect("setuid(1000) is EPERM", failed(setuid(1000), EPERM),
	       "errno %d", errno);
	expect("setgid(1000) is EPERM", failed(setgid(1000), EPERM),
	       "errno %d", errno);
	expect("seteuid(1000) is EPERM", failed(seteuid(1000), EPERM),
	       "errno %d", errno);
	expect("setreuid(-1, 1000) is EPERM",
	       failed(setreuid(-1, 1000), EPERM), "errno %d", errno);
	expect("setresgid(-1, -1, 1000) is EPERM",
	       failed(setresgid(-1, -1, 1000), EPERM), "errno %d", errno);
	expect("and the ids are as they were",
	       getuid() == me && geteuid() == me && getgid() == grp,
	       "%u %u %u", getuid(), geteuid(), getgid());
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	reading();
	groups();
	changing();
	return check_done();
}
