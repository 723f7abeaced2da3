/*
 * The scheduling-policy calls (kernel/proc/sched_policy.c): the policy
 * and its priority, the priority ranges, the round-robin interval (and
 * its time64 twin), CPU affinity and getcpu; and personality, and the
 * calls Sprout answers ENOSYS on purpose because glibc falls back
 * (rseq, clone3). Sprout has one policy, SCHED_OTHER, and one CPU; a
 * real-time policy is EPERM, as for an unprivileged Linux process.
 */
#define _GNU_SOURCE             /* glibc: CPU_SET, getcpu, getresuid ... */
#include "check.h"
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>
#include <sys/personality.h>

#define BAD ((void *)0x1000)            /* user space, never mapped */
#define NO_PID 29999                    /* no such process */

#define SYS_sched_getaffinity 242
#define SYS_rseq 386
#define SYS_clone3 435
#define SYS_sched_rr_get_interval_time64 423

static void policy(void)
{
	struct sched_param p = { 7 }, zero = { 0 }, one = { 1 }, rt = { 10 };
	long r;

	expect("sched_getscheduler(0) is SCHED_OTHER",
	       sched_getscheduler(0) == SCHED_OTHER, "errno %d", errno);
	expect("sched_getscheduler(getpid()) is SCHED_OTHER",
	       sched_getscheduler(getpid()) == SCHED_OTHER, "errno %d", errno);
	expect("sched_getscheduler(-1) is EINVAL",
	       failed(sched_getscheduler(-1), EINVAL), "errno %d", errno);
	expect("sched_getscheduler of no process is ESRCH",
	       failed(sched_getscheduler(NO_PID), ESRCH), "errno %d", errno);
	r = sched_getparam(0, &p);
	expect("sched_getparam: priority 0", r == 0 && p.sched_priority == 0,
	       "returned %ld priority %d", r, p.sched_priority);
	expect("sched_getparam(0, NULL) is EINVAL",
	       failed(sched_getparam(0, NULL), EINVAL), "errno %d", errno);
	expect("sched_getparam to a bad pointer is EFAULT",
	       failed(sched_getparam(0, BAD), EFAULT), "errno %d", errno);
	expect("sched_setscheduler(SCHED_OTHER, 0) succeeds",
	       sched_setscheduler(0, SCHED_OTHER, &zero) == 0, "errno %d",
	       errno);
	expect("sched_setparam(priority 0) succeeds",
	       sched_setparam(0, &zero) == 0, "errno %d", errno);
	expect("SCHED_OTHER with priority 1 is EINVAL",
	       failed(sched_setscheduler(0, SCHED_OTHER, &one), EINVAL),
	       "errno %d", errno);
	expect("SCHED_FIFO with priority 0 is EINVAL",
	       failed(sched_setscheduler(0, SCHED_FIFO, &zero), EINVAL),
	       "errno %d", errno);
	expect("an unknown policy is EINVAL",
	       failed(sched_setscheduler(0, 42, &zero), EINVAL) &&
	       failed(sched_setscheduler(0, -1, &zero), EINVAL), "errno %d",
	       errno);
	expect("sched_setscheduler with a NULL param is EINVAL",
	       failed(sched_setscheduler(0, SCHED_OTHER, NULL), EINVAL),
	       "errno %d", errno);
	expect("sched_setscheduler from a bad pointer is EFAULT",
	       failed(sched_setscheduler(0, SCHED_OTHER, BAD), EFAULT),
	       "errno %d", errno);
	expect("sched_setscheduler of no process is ESRCH",
	       failed(sched_setscheduler(NO_PID, SCHED_OTHER, &zero), ESRCH),
	       "errno %d", errno);
	if (!on_sprout() && geteuid() == 0) {
		skip("SCHED_FIFO is EPERM", "root on Linux may have it");
		return;
	}
	expect("SCHED_FIFO priority 10 is EPERM (no real-time here)",
	       failed(sched_setscheduler(0, SCHED_FIFO, &rt), EPERM),
	       "errno %d", errno);
	expect("and the policy is still SCHED_OTHER",
	       sched_getscheduler(0) == SCHED_OTHER, "errno %d", errno);
}

static void ranges(void)
{
	expect("SCHED_FIFO and SCHED_RR priorities are 1..99",
	       sched_get_priority_min(SCHED_FIFO) == 1 &&
	       sched_get_priority_max(SCHED_FIFO) == 99 &&
	       sched_get_priority_min(SCHED_RR) == 1 &&
	       sched_get_priority_max(SCHED_RR) == 99, "errno %d", errno);
	expect("SCHED_OTHER, SCHED_BATCH, SCHED_IDLE have only 0",
	       sched_get_priority_min(SCHED_OTHER) == 0 &&
	       sched_get_priority_max(SCHED_OTHER) == 0 &&
	       sched_get_priority_max(SCHED_BATCH) == 0 &&
	       sched_get_priority_max(SCHED_IDLE) == 0, "errno %d", errno);
	expect("an unknown policy's range is EINVAL",
	       failed(sched_get_priority_max(42), EINVAL) &&
	       failed(sched_get_priority_min(-1), EINVAL), "errno %d", errno);
}

static void interval(void)
{
	struct timespec ts = { -1, -1 };
	long long ts64[2] = { -1, -1 };
	long r = sched_rr_get_interval(0, &ts);

	expect("sched_rr_get_interval: a slice under a second",
	       r == 0 && ts.tv_sec == 0 && ts.tv_nsec >= 0 &&
	       (ts.tv_nsec > 0 || !on_sprout()),
	       "returned %ld, %ld s %ld ns", r, ts.tv_sec, ts.tv_nsec);
	r = syscall(SYS_sched_rr_get_interval_time64, 0, ts64);
	expect("sched_rr_get_interval_time64: the same, 64-bit seconds",
	       r == 0 && ts64[0] == 0 && ts64[1] == ts.tv_nsec,
	       "returned %ld, %lld s %lld ns", r, ts64[0], ts64[1]);
	expect("sched_rr_get_interval(-1) is EINVAL",
	       failed(sched_rr_get_interval(-1, &ts), EINVAL), "errno %d",
	       errno);
	expect("sched_rr_get_interval of no process is ESRCH",
	       failed(sched_rr_get_interval(NO_PID, &ts), ESRCH), "errno %d",
	       errno);
	if (!libc_converts("sched_rr_get_interval to a bad pointer is EFAULT"))
		expect("sched_rr_get_interval to a bad pointer is EFAULT",
		       failed(sched_rr_get_interval(0, BAD), EFAULT),
		       "errno %d", errno);
}

static void affinity(void)
{
	cpu_set_t set, one;
	unsigned long raw[4] = { 0 };
	long r;

	memset(&set, 0xff, sizeof(set));
	r = sched_getaffinity(0, sizeof(set), &set);
	expect("sched_getaffinity: CPU 0 is in the set",
	       r == 0 && CPU_ISSET(0, &set), "returned %ld errno %d", r, errno);
	expect("the set counts the CPUs there are (Sprout: 1)",
	       CPU_COUNT(&set) == (on_sprout() ? 1 : sysconf(_SC_NPROCESSORS_ONLN)),
	       "%d CPUs", CPU_COUNT(&set));
	r = syscall(SYS_sched_getaffinity, 0, sizeof(raw), raw);
	expect("the raw call returns the kernel mask's size (Sprout: 4)",
	       r > 0 && r % 4 == 0 && (r == 4 || !on_sprout()) && (raw[0] & 1),
	       "returned %ld", r);
	expect("a mask of 0 bytes is EINVAL",
	       failed(syscall(SYS_sched_getaffinity, 0, 0, raw), EINVAL),
	       "errno %d", errno);
	expect("a mask that is not whole longs is EINVAL",
	       failed(syscall(SYS_sched_getaffinity, 0, 3, raw), EINVAL),
	       "errno %d", errno);
	expect("sched_getaffinity to a bad pointer is EFAULT",
	       failed(sched_getaffinity(0, sizeof(set), BAD), EFAULT),
	       "errno %d", errno);
	expect("sched_getaffinity of no process is ESRCH",
	       failed(sched_getaffinity(NO_PID, sizeof(set), &set), ESRCH),
	       "errno %d", errno);

	CPU_ZERO(&one);
	CPU_SET(0, &one);
	expect("sched_setaffinity({0}) succeeds",
	       sched_setaffinity(0, sizeof(one), &one) == 0, "errno %d", errno);
	CPU_ZERO(&one);
	expect("sched_setaffinity of an empty set is EINVAL",
	       failed(sched_setaffinity(0, sizeof(one), &one), EINVAL),
	       "errno %d", errno);
	CPU_SET(1000, &one);
	expect("a set of CPUs that do not exist is EINVAL",
	       failed(sched_setaffinity(0, sizeof(one), &one), EINVAL),
	       "errno %d", errno);
	expect("sched_setaffinity from a bad pointer is EFAULT",
	       failed(sched_setaffinity(0, sizeof(one), BAD), EFAULT),
	       "errno %d", errno);
	CPU_SET(0, &one);
	expect("sched_setaffinity of no process is ESRCH",
	       failed(sched_setaffinity(NO_PID, sizeof(one), &one), ESRCH),
	       "errno %d", errno);
}

static void which_cpu(void)
{
	unsigned int cpu = 77, node = 77;

	expect("getcpu: CPU 0, node 0 (on Sprout)",
	       getcpu(&cpu, &node) == 0 &&
	       ((cpu == 0 && node == 0) || !on_sprout()),
	       "cpu %u node %u", cpu, node);
	expect("sched_getcpu() agrees", sched_getcpu() == (int)cpu,
	       "%d", sched_getcpu());
	expect("getcpu with NULL pointers succeeds", getcpu(NULL, NULL) == 0,
	       "errno %d", errno);
	expect("getcpu to a bad pointer is EFAULT",
	       failed(getcpu(BAD, NULL), EFAULT), "errno %d", errno);
}

static void persona(void)
{
	expect("personality(0xffffffff) asks: PER_LINUX",
	       personality(0xffffffff) == PER_LINUX, "errno %d", errno);
	expect("personality(PER_LINUX) returns the old one, PER_LINUX",
	       personality(PER_LINUX) == PER_LINUX, "errno %d", errno);
	expect("another personality is kept, as Linux keeps any value",
	       personality(0x0008) == PER_LINUX &&
	       personality(0xffffffff) == 0x0008, "errno %d", errno);
	expect("and PER_LINUX again returns it",
	       personality(PER_LINUX) == 0x0008 &&
	       personality(0xffffffff) == PER_LINUX, "errno %d", errno);
	if (!on_sprout())
		return;
	expect("rseq is ENOSYS (glibc goes on without it)",
	       failed(syscall(SYS_rseq, 0, 0, 0, 0), ENOSYS), "errno %d",
	       errno);
	expect("clone3 is ENOSYS (glibc falls back to clone)",
	       failed(syscall(SYS_clone3, 0, 0), ENOSYS), "errno %d", errno);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	policy();
	ranges();
	interval();
	affinity();
	which_cpu();
	persona();
	return check_done();
}
