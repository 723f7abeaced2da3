/*
 * System-call dispatch. The table is made from the one list in
 * <sprout/syscalls.h>: entry nr is ia32_sys_<name>, which hands the saved
 * registers to sys_<name> converted to the types its line gives (as
 * Linux's SYSCALL_DEFINE does). Every handler is named here, so a missing
 * or misspelt one is a link error. Numbers not listed return -ENOSYS.
 *
 * With "strace" on the kernel command line, every call is printed when it
 * returns, in strace's format (kernel/entry/strace.c).
 */
#include "entry/entry.h"
#include "entry/strace.h"
#include "sched/sched.h"
#include "include/syscall.h"
#include <sprout/errno.h>

typedef long (*syscall_fn)(const uint32_t *args);

#define REG_ARG(i, type, arg) (type)args[i]
#define SYSCALL(nr, name, libc, ret, n, ...)				\
	static long ia32_sys_##name(const uint32_t *args)		\
	{								\
		return sys_##name(SYSCALL_MAP(n, REG_ARG, , __VA_ARGS__)); \
	}
#include <sprout/syscalls.h>
#undef SYSCALL

#define SYSCALL(nr, name, ...) [nr] = ia32_sys_##name,
static const syscall_fn sys_call_table[] = {
#include <sprout/syscalls.h>
};
#undef SYSCALL

static bool trace_syscalls;

void syscall_trace_init(void)
{
	trace_syscalls = true;
}

static long do_syscall(uint32_t nr, const uint32_t *args)
{
	if (nr >= ARRAY_SIZE(sys_call_table) || !sys_call_table[nr])
		return -ENOSYS;
	return sys_call_table[nr](args);
}

/* Not inlined: the line strace builds stays off the stack of untraced
   calls. */
static long __attribute__((noinline)) traced_syscall(uint32_t nr,
						     const uint32_t *args)
{
	struct strace_line line;
	long ret;

	strace_enter(&line, nr, args);
	ret = do_syscall(nr, args);
	strace_exit(&line, ret);
	return ret;
}

/* The i386 convention: the number in eax, the arguments in ebx, ecx, edx,
   esi and edi, the result back in eax. */
void syscall_dispatch(struct pt_regs *regs)
{
	uint32_t nr = regs->eax;
	const uint32_t args[5] = { regs->ebx, regs->ecx, regs->edx,
				   regs->esi, regs->edi };

	if (unlikely(trace_syscalls))
		regs->eax = traced_syscall(nr, args);
	else
		regs->eax = do_syscall(nr, args);
	return_to_user(regs);
}
