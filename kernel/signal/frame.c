/*
 * A handler's frame on the user stack, and sigreturn, which takes it down.
 *
 * To run handler(sig), the kernel makes the program look as if it had
 * called the handler itself at the interrupted instruction: below the
 * program's stack pointer it writes a frame (drawn in docs/signals.md,
 * declared in <sprout/sigcontext.h>) holding
 *
 *   a return address      where the handler's `ret` goes: the restorer
 *   the arguments         sig (and &info, &uc for SA_SIGINFO)
 *   the saved context     every register, the FPU, the mask to put back
 *   retcode               8 bytes of code that call sigreturn
 *
 * and points eip at the handler and esp at the frame. When the handler
 * returns, the restorer (libc's, or retcode) calls sigreturn, which reads
 * the context back into the trap frame: the program goes on where it was
 * interrupted, as if nothing had happened.
 *
 * The frame is written straight into user memory once verify_area has
 * made the whole of it present and writable, as sys_read does with its
 * buffer; nothing else can change this address space meanwhile.
 */
#include "signal/frame.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/sigcontext.h>

_Static_assert(sizeof(struct _fpstate) == 112 + FPU_STATE_SIZE,
	       "the FXSAVE image follows the FSAVE part");
_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t is 128 bytes");
_Static_assert(sizeof(struct sigcontext) == 88, "Linux's sigcontext");

/* The frame's own way back, for a handler installed without
   SA_RESTORER. The bytes are Linux's, which gdb recognizes on the stack
   to show a handler's caller as <signal handler called>. */
static const char sigreturn_code[8] = {
	0x58,                           /* popl %eax (sig) */
	0xb8, 119, 0, 0, 0,             /* movl $119, %eax (sigreturn) */
	0xcd, 0x80,                     /* int $0x80 */
};
static const char rt_sigreturn_code[8] = {
	0xb8, 173, 0, 0, 0,             /* movl $173, %eax (rt_sigreturn) */
	0xcd, 0x80,                     /* int $0x80 */
	0,
};

/* Where a frame of `size` bytes goes: below the interrupted esp, or at
   the top of the alternate stack for an SA_ONSTACK handler (unless one
   runs there already: then below it, on the same stack). Aligned as right
   after a `call`: esp + 4 on a 16-byte boundary, as the i386 ABI wants. */
static uint32_t frame_address(const struct sigaction_k *ka,
			      const struct pt_regs *regs, size_t size)
{
	uint32_t sp = regs->esp;

	if ((ka->flags & SA_ONSTACK) && sas_ss_flags(current, sp) == 0)
		sp = current->sas_ss_sp + current->sas_ss_size;
	sp -= size;
	return ((sp + 4) & ~15u) - 4;
}

/* FSAVE's two-bit tag for a register in use, from its value: 0 valid,
   1 zero, 2 special (NaN, infinity, denormal). */
static uint32_t value_tag(const uint8_t *r)
{
	uint32_t lo = *(const uint32_t *)r, hi = *(const uint32_t *)(r + 4);
	uint16_t exp = *(const uint16_t *)(r + 8) & 0x7fff;

	if (exp == 0x7fff)
		return 2;
	if (exp == 0)
		return (lo | hi) ? 2 : 1;
	return (hi & 0x80000000u) ? 0 : 2;
}

/* FSAVE's tag word, made from FXSAVE's one bit per register (in use or
   empty, 3) and the values. Tags go by physical register i, which is
   st((i - top) & 7). */
static uint32_t fsave_tags(const struct fpu_state *fx)
{
	int top = (fx->fsw >> 11) & 7;
	uint32_t tags = 0xffff;                 /* all empty */

	for (int i = 0; i < 8; i++) {
		if (fx->ftw & (1u << i)) {
			tags &= ~(3u << (2 * i));
			tags |= value_tag(fx->st[(i - top) & 7]) << (2 * i);
		}
	}
	return tags;
}

/* The FPU into the frame: FXSAVE's image, which sigreturn loads back,
   and before it the x87 part in the older FSAVE layout, which programs
   and debuggers may read (Linux fills in both). Then the handler gets a
   clean FPU, as a new program does: whatever the interrupted code left
   in it (a full x87 stack, unmasked exceptions) is not its concern. */
static void save_fpstate(struct _fpstate *fp)
{
	const struct fpu_state *fx = &current->fpu;

	fpu_save(&current->fpu);
	memcpy(fp->_fxsr_env, fx, FPU_STATE_SIZE);
	fp->cw = fx->fcw | 0xffff0000u;
	fp->sw = fx->fsw | 0xffff0000u;
	fp->tag = fsave_tags(fx) | 0xffff0000u;
	fp->ipoff = fx->fip;
	fp->cssel = fx->fcs | ((uint32_t)fx->fop << 16);
	fp->dataoff = fx->fdp;
	fp->datasel = fx->fds | 0xffff0000u;
	for (int i = 0; i < 8; i++)
		fp->_st[i] = *(const struct _fpreg *)fx->st[i];
	fp->status = fx->fsw;
	fp->magic = X86_FXSR_MAGIC;
	fpu_clear();
}

/* The interrupted registers. cr2 is the faulting address when a page
   fault raised the signal. */
static void save_sigcontext(struct sigcontext *sc, const struct pt_regs *regs,
			    uint32_t oldmask, struct _fpstate *fp, uint32_t cr2)
{
	*sc = (struct sigcontext){
		.gs = regs->gs, .fs = regs->fs, .es = regs->es, .ds = regs->ds,
		.edi = regs->edi, .esi = regs->esi, .ebp = regs->ebp,
		.esp = regs->esp, .ebx = regs->ebx, .edx = regs->edx,
		.ecx = regs->ecx, .eax = regs->eax,
		.trapno = regs->trapno, .err = regs->err, .eip = regs->eip,
		.cs = regs->cs, .eflags = regs->eflags,
		.esp_at_signal = regs->esp, .ss = regs->ss,
		.fpstate = fp, .oldmask = oldmask, .cr2 = cr2,
	};
}

/* Which of siginfo_t's members a signal fills in (see <sprout/siginfo.h>):
   positive codes other than SI_KERNEL come from the kernel's own reasons,
   a child's (SIGCHLD) or a fault's (force_sig_fault). */
static void fill_siginfo(siginfo_t *si, int sig, const struct siginfo_k *info)
{
	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	si->si_code = info->code;
	if (info->code <= 0 || info->code == SI_KERNEL) {
		si->si_pid = info->pid;         /* si_uid: 0, all are root */
	} else if (sig == SIGCHLD) {
		si->si_pid = info->pid;
		si->si_status = info->value;
	} else {
		si->si_addr = (void *)info->value;
	}
}

static uint32_t page_fault_address(int sig, const struct siginfo_k *info)
{
	return sig == SIGSEGV && info->code > 0 && info->code != SI_KERNEL ?
	       info->value : 0;
}

/* Leave the kernel into the handler, with esp at the frame: the handler
   finds its return address at 0(%esp), its arguments above. eax, edx and
   ecx carry them too, for handlers compiled with regparm(3), as Linux
   does. The direction flag is clear on entry to any function (the ABI);
   single-stepping stops at the interrupted code, not in the handler. */
static void enter_handler(struct pt_regs *regs, const struct sigaction_k *ka,
			  uint32_t frame, int sig, uint32_t info, uint32_t uc)
{
	regs->esp = frame;
	regs->eip = (uint32_t)ka->handler;
	regs->eax = sig;
	regs->edx = info;
	regs->ecx = uc;
	regs->eflags &= ~(FL_DF | FL_TF | FL_RF);
	regs->cs = USER_CS;
	regs->ds = regs->es = regs->ss = USER_DS;
}

/* Where the handler returns: libc's restorer, or the frame's retcode. */
static uint32_t return_address(const struct sigaction_k *ka, const char *retcode)
{
	return (ka->flags & SA_RESTORER) ? (uint32_t)ka->restorer
					 : (uint32_t)retcode;
}

/* handler(sig) */
static int setup_sigframe(int sig, const struct sigaction_k *ka,
			  const struct siginfo_k *info, uint32_t oldmask,
			  struct pt_regs *regs)
{
	struct sigframe *f = (struct sigframe *)frame_address(ka, regs,
							      sizeof(*f));

	if (verify_area(f, sizeof(*f), VERIFY_WRITE))
		return -EFAULT;
	f->pretcode = return_address(ka, f->retcode);
	f->sig = sig;
	save_sigcontext(&f->sc, regs, oldmask, &f->fpstate,
			page_fault_address(sig, info));
	f->extramask[0] = 0;
	memcpy(f->retcode, sigreturn_code, sizeof(f->retcode));
	save_fpstate(&f->fpstate);
	enter_handler(regs, ka, (uint32_t)f, sig, 0, 0);
	return 0;
}

/* handler(sig, &info, &uc), for SA_SIGINFO */
static int setup_rt_frame(int sig, const struct sigaction_k *ka,
			  const struct siginfo_k *info, uint32_t oldmask,
			  struct pt_regs *regs)
{
	struct rt_sigframe *f = (struct rt_sigframe *)frame_address(ka, regs,
								    sizeof(*f));

	if (verify_area(f, sizeof(*f), VERIFY_WRITE))
		return -EFAULT;
	f->pretcode = return_address(ka, f->retcode);
	f->sig = sig;
	f->pinfo = (uint32_t)&f->info;
	f->puc = (uint32_t)&f->uc;
	fill_siginfo(&f->info, sig, info);
	f->uc.uc_flags = 0;
	f->uc.uc_link = NULL;
	f->uc.uc_stack = (stack_t){ (void *)current->sas_ss_sp,
				    sas_ss_flags(current, regs->esp),
				    current->sas_ss_size };
	save_sigcontext(&f->uc.uc_mcontext, regs, oldmask, &f->fpstate,
			page_fault_address(sig, info));
	f->uc.uc_sigmask = (sigset_t){ { oldmask, 0 } };
	memcpy(f->retcode, rt_sigreturn_code, sizeof(f->retcode));
	save_fpstate(&f->fpstate);
	enter_handler(regs, ka, (uint32_t)f, sig, f->pinfo, f->puc);
	return 0;
}

int setup_frame(int sig, const struct sigaction_k *ka,
		const struct siginfo_k *info, uint32_t oldmask,
		struct pt_regs *regs)
{
	if (ka->flags & SA_SIGINFO)
		return setup_rt_frame(sig, ka, info, oldmask, regs);
	return setup_sigframe(sig, ka, info, oldmask, regs);
}

/*
 * Put back what a frame saved. The handler may have changed it there (a
 * debugger does, and so does a user-level thread switch), so only what
 * a program may set itself is taken: the general registers, the eflags
 * bits popf could change in ring 3, the FPU image (minus MXCSR bits the
 * CPU lacks). The segments are the user ones whatever the frame says:
 * there is no other a program may use, and no frame can reach ring 0.
 * mask is the blocked mask to put back. The FPU image is where
 * sc->fpstate says: normally the frame's own (own_fp), checked with the
 * frame. -EFAULT if it is elsewhere and not readable; then nothing is
 * changed.
 */
static int restore_sigcontext(struct pt_regs *regs, const struct sigcontext *sc,
			      uint32_t mask, const struct _fpstate *own_fp)
{
	const struct _fpstate *fp = sc->fpstate;

	if (fp && fp != own_fp && verify_area(fp, sizeof(*fp), VERIFY_READ))
		return -EFAULT;
	set_current_blocked(mask);
	regs->ebx = sc->ebx;
	regs->ecx = sc->ecx;
	regs->edx = sc->edx;
	regs->esi = sc->esi;
	regs->edi = sc->edi;
	regs->ebp = sc->ebp;
	regs->eax = sc->eax;
	regs->eip = sc->eip;
	regs->esp = sc->esp;
	regs->eflags = (regs->eflags & ~FL_USER) | (sc->eflags & FL_USER);
	regs->cs = USER_CS;
	regs->ds = regs->es = regs->ss = USER_DS;
	/* fs and gs as they were: a C library's TLS selector (0x33) must
	   survive a handler. A bad one becomes null on the way out
	   (entry/return.c), as Linux does. */
	regs->fs = sc->fs;
	regs->gs = sc->gs;
	regs->err = -1;         /* no system call to finish (deliver.c) */
	if (fp) {
		memcpy(&current->fpu, fp->_fxsr_env, FPU_STATE_SIZE);
		fpu_sanitize(&current->fpu);
		fpu_restore(&current->fpu);
	} else {
		fpu_clear();
	}
	return 0;
}

/* A frame that is not there, or not readable: the program has wrecked
   its stack, and gets SIGSEGV (Linux does the same). */
static long bad_sigreturn(void)
{
	force_sig(current, SIGSEGV);
	return 0;
}

/* From a handler(sig) frame's restorer: the handler's `ret` popped
   pretcode and the restorer popped sig, so the frame starts 8 bytes
   below esp. Returns the restored eax, which syscall_dispatch writes
   back to regs->eax. */
long sys_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct sigframe *f = (struct sigframe *)(regs->esp - 8);

	if (verify_area(f, sizeof(*f), VERIFY_READ))
		return bad_sigreturn();
	if (restore_sigcontext(regs, &f->sc, f->sc.oldmask, &f->fpstate))
		return bad_sigreturn();
	return regs->eax;
}

/* From an rt frame's restorer: only pretcode was popped. The mask to put
   back is uc_sigmask. */
long sys_rt_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct rt_sigframe *f = (struct rt_sigframe *)(regs->esp - 4);

	if (verify_area(f, sizeof(*f), VERIFY_READ))
		return bad_sigreturn();
	if (restore_sigcontext(regs, &f->uc.uc_mcontext, f->uc.uc_sigmask.sig[0],
			       &f->fpstate))
		return bad_sigreturn();
	return regs->eax;
}
