/*
 * CPU affinity and "which CPU am I on": the C library's side of
 * sched_getaffinity, sched_setaffinity and getcpu.
 *
 * The kernel's sched_getaffinity returns how many bytes of mask it
 * wrote (its own mask's size, shorter than a cpu_set_t); the POSIX-style
 * function returns 0 and clears the rest of the caller's set, as glibc.
 */
#include "syscall.h"
#include <sched.h>
#include <string.h>

int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set)
{
	long n = __sys_sched_getaffinity(pid, size, set->__bits);

	if (n < 0)
		return __syscall_ret(n);
	memset((char *)set + n, 0, size - n);
	return 0;
}

int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set)
{
	return __syscall_ret(__sys_sched_setaffinity(pid, size, set->__bits));
}

int __sched_cpucount(size_t size, const cpu_set_t *set)
{
	int count = 0;

	for (size_t i = 0; i < size / sizeof(unsigned long); i++)
		count += __builtin_popcountl(set->__bits[i]);
	return count;
}

int getcpu(unsigned int *cpu, unsigned int *node)
{
	return __syscall_ret(__sys_getcpu(cpu, node, NULL));
}

int sched_getcpu(void)
{
	unsigned int cpu;

	return getcpu(&cpu, NULL) < 0 ? -1 : (int)cpu;
}
