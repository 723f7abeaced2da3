/*
 * CPU sets for sched_getaffinity() and sched_setaffinity(), as glibc has
 * them: a bitmap of CPU_SETSIZE CPUs, bit n for CPU n. The kernel's own
 * mask is shorter (Sprout: one long, one CPU); the wrappers
 * (libc/sched_cpu.c) pass the set's size and zero what the kernel does
 * not fill.
 */
#ifndef _BITS_CPU_SET_H
#define _BITS_CPU_SET_H

#include <sys/types.h>

#define CPU_SETSIZE 1024
#define __NCPUBITS  (8 * sizeof(unsigned long))

typedef struct {
	unsigned long __bits[CPU_SETSIZE / __NCPUBITS];
} cpu_set_t;

#define __CPU_WORD(cpu) ((cpu) / __NCPUBITS)
#define __CPU_BIT(cpu)  (1ul << ((cpu) % __NCPUBITS))

#define CPU_ZERO(set)   __builtin_memset((set), 0, sizeof(cpu_set_t))
#define CPU_SET(cpu, set) \
	((cpu) < CPU_SETSIZE ? ((set)->__bits[__CPU_WORD(cpu)] |= __CPU_BIT(cpu)) : 0)
#define CPU_CLR(cpu, set) \
	((cpu) < CPU_SETSIZE ? ((set)->__bits[__CPU_WORD(cpu)] &= ~__CPU_BIT(cpu)) : 0)
#define CPU_ISSET(cpu, set) \
	((cpu) < CPU_SETSIZE ? ((set)->__bits[__CPU_WORD(cpu)] & __CPU_BIT(cpu)) != 0 : 0)
#define CPU_COUNT(set)  __sched_cpucount(sizeof(cpu_set_t), (set))

int __sched_cpucount(size_t size, const cpu_set_t *set);
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set);
int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set);
int sched_getcpu(void);                         /* the CPU we run on */
int getcpu(unsigned int *cpu, unsigned int *node);

#endif
