/*
 * System-call dispatch. The table is generated from the one list in
 * <sprout/syscalls.h>: entry nr points at sys_<name>. Handlers are
 * declared weak, so a call listed there whose handler is not written yet
 * is a NULL entry and returns -ENOSYS, like any unknown number.
 *
 * With "strace" on the kernel command line, every call is printed as
 *   [pid] name(ebx, ecx, edx) = result
 * when it returns (so exit and a successful execve print nothing).
 */
#include "proc/sched.h"
#include "init/boot_info.h"
#include "signal/signal.h"
#include "lib/printk.h"
#include <sprout/errno.h>

typedef long (*syscall_fn)(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);

#define SYSCALL(nr, name, nargs, libc) \
	extern long sys_##name() __attribute__((weak));
#include <sprout/syscalls.h>
#undef SYSCALL

#define SYSCALL(nr, name, nargs, libc) [nr] = (syscall_fn)sys_##name,
static const syscall_fn sys_call_table[] = {
#include <sprout/syscalls.h>
};
#undef SYSCALL

#define SYSCALL(nr, name, nargs, libc) [nr] = #name,
static const char *const sys_call_names[ARRAY_SIZE(sys_call_table)] = {
#include <sprout/syscalls.h>
};
#undef SYSCALL

#define NR_SYSCALLS ARRAY_SIZE(sys_call_table)

static bool trace_syscalls;
extern bool need_resched;

void syscall_trace_init(void)
{
	trace_syscalls = cmdline_get("strace") != NULL;
}

/* The last thing before any return to user mode: run someone else if our
   time slice is over, then act on pending signals (the course's
   "pnb = pending & ~blocked" step). */
void prepare_return_to_user(struct pt_regs *regs)
{
	while (need_resched)
		schedule();
	if (signal_pending(current))
		do_signal(regs);
}

void syscall_dispatch(struct pt_regs *regs)
{
	uint32_t nr = regs->eax;
	syscall_fn fn = nr < NR_SYSCALLS ? sys_call_table[nr] : NULL;
	long ret = fn ? fn(regs->ebx, regs->ecx, regs->edx, regs->esi,
			   regs->edi)
		      : -ENOSYS;

	if (unlikely(trace_syscalls))
		printk("[%d] %s(%x, %x, %x) = %ld\n", current->pid,
		       fn ? sys_call_names[nr] : "?", regs->ebx, regs->ecx,
		       regs->edx, ret);
	regs->eax = (uint32_t)ret;
	prepare_return_to_user(regs);
}
