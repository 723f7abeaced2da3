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
#include "fs/fs.h"
#include "include/syscall.h"
#include "lib/lib.h"
#include <sprout/errno.h>

typedef long (*syscall_fn)(const struct pt_regs *regs);

/* Argument i of a call is in the i-th of ebx, ecx, edx, esi, edi, ebp. */
#define ARG_REG0 ebx
#define ARG_REG1 ecx
#define ARG_REG2 edx
#define ARG_REG3 esi
#define ARG_REG4 edi
#define ARG_REG5 ebp
#define REG_ARG(i, type, arg) (type)regs->ARG_REG##i

/* A wrapper only moves registers into arguments, so it needs no frame of
   its own: built without one, it ends in a jump to sys_<name> (getpid's
   is the one instruction `jmp sys_getpid`), and a backtrace still shows
   syscall_dispatch -> sys_<name>. */
#define SYSCALL(nr, name, libc, ret, n, ...)				\
	static long __attribute__((optimize("omit-frame-pointer",	\
					    "optimize-sibling-calls")))	\
	ia32_sys_##name(const struct pt_regs *regs)			\
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

static long do_syscall(uint32_t nr, const struct pt_regs *regs)
{
	if (nr >= ARRAY_SIZE(sys_call_table) || !sys_call_table[nr])
		return -ENOSYS;
	return sys_call_table[nr](regs);
}

/* Not inlined: the line strace builds stays off the stack of untraced
   calls. */
static long __attribute__((noinline)) traced_syscall(uint32_t nr,
						     const struct pt_regs *regs)
{
	struct strace_line line;
	/* A copy: sigreturn or execve may rewrite the frame. */
	uint32_t args[6] = { regs->ebx, regs->ecx, regs->edx,
			     regs->esi, regs->edi, regs->ebp };
	long ret;

	strace_enter(&line, nr, args);
	ret = do_syscall(nr, regs);
	strace_exit(&line, ret);
	return ret;
}

/* The i386 convention: the number in eax, the arguments in ebx, ecx, edx,
   esi, edi and ebp (a sixth, as mmap2 takes), the result back in eax. */
void syscall_dispatch(struct pt_regs *regs)
{
	uint32_t nr = regs->eax;

	if (unlikely(trace_syscalls))
		regs->eax = traced_syscall(nr, regs);
	else
		regs->eax = do_syscall(nr, regs);
	if (unlikely(current->nr_held))         /* threads: fs/fdtable.c */
		files_release_held();
	return_to_user(regs);
}
