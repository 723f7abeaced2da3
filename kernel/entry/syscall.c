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
#include "lib/lib.h"
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
	uint32_t copy[6];       /* sigreturn or execve may rewrite the frame */
	long ret;

	memcpy(copy, args, sizeof(copy));
	strace_enter(&line, nr, copy);
	ret = do_syscall(nr, args);
	strace_exit(&line, ret);
	return ret;
}

/* The trap frame begins with ebx, ecx, edx, esi, edi: the arguments, in
   order, so it serves as the argument array itself (no copy). */
_Static_assert(offsetof(struct pt_regs, ebx) == 0 &&
	       offsetof(struct pt_regs, ecx) == 4 &&
	       offsetof(struct pt_regs, edx) == 8 &&
	       offsetof(struct pt_regs, esi) == 12 &&
	       offsetof(struct pt_regs, edi) == 16,
	       "syscall arguments are the first five words of pt_regs");

/* The i386 convention: the number in eax, the arguments in ebx, ecx, edx,
   esi and edi, the result back in eax. */
void syscall_dispatch(struct pt_regs *regs)
{
	uint32_t nr = regs->eax;
	const uint32_t *args = (const uint32_t *)regs;

	if (unlikely(trace_syscalls))
		regs->eax = traced_syscall(nr, args);
	else
		regs->eax = do_syscall(nr, args);
	return_to_user(regs);
}
