/*
 * Thread-local storage segments: set_thread_area / get_thread_area (GDT
 * entries 6-8, selector 0x33 for entry 6), kept across fork and signal
 * handlers, gone after exec; what a bad selector or argument gives; and
 * mprotect and fstatat64, the other calls glibc's start-up makes.
 *
 * The C library (ours or glibc) has already taken entry 6 for the main
 * thread's TLS before main, and errno lives there: so the test's own
 * segment, in entry 7, has the same base, the thread pointer (%gs:0
 * holds it), and errno stays reachable whichever selector gs holds.
 */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sprout/ldt.h>

#define SYS_set_thread_area 243
#define SYS_get_thread_area 244
#define SYS_fstatat64 300
#define TLS_MIN 6
#define MINE (TLS_MIN + 1)     /* libc has TLS_MIN */
#define SEL(entry) ((entry) * 8 + 3)

static unsigned int tp;         /* the thread pointer libc set up */
static char page[4096] __attribute__((aligned(4096)));

static struct user_desc data_desc(unsigned int entry, void *base)
{
	struct user_desc d;

	memset(&d, 0, sizeof(d));
	d.entry_number = entry;
	d.base_addr = (unsigned int)base;
	d.limit = 0xfffff;
	d.seg_32bit = 1;
	d.limit_in_pages = 1;
	return d;
}

static long set_area(struct user_desc *d)
{
	return syscall(SYS_set_thread_area, d);
}

static void load_gs(unsigned int sel)
{
	__asm__ volatile("movl %0, %%gs" : : "r"(sel));
}

static unsigned int gs_word(unsigned int offset)
{
	unsigned int v;

	__asm__ volatile("movl %%gs:(%1), %0" : "=r"(v) : "r"(offset));
	return v;
}

static unsigned int gs_sel(void)
{
	unsigned int sel;

	__asm__ volatile("movl %%gs, %0" : "=r"(sel));
	return sel & 0xffff;
}

static void child_reads_gs(void)
{
	_exit(gs_sel() == SEL(MINE) && gs_word(0) == tp ? 0 : 1);
}

static void child_execs(void)
{
	char *argv[] = { "t_tls", "--after-exec", NULL };

	execv("/bin/tests/t_tls", argv);
	_exit(2);
}

/* exec'd: every TLS entry was emptied, and libc's start-up has taken
   the first again. */
static int after_exec(void)
{
	struct user_desc d = { .entry_number = TLS_MIN };
	int i;

	if (syscall(SYS_get_thread_area, &d) != 0 ||
	    d.base_addr != gs_word(0))
		return 1;
	for (i = 1; i < 3; i++) {
		d = (struct user_desc){ .entry_number = TLS_MIN + i };
		if (syscall(SYS_get_thread_area, &d) != 0 || d.base_addr ||
		    !d.seg_not_present || !d.read_exec_only)
			return 1;
	}
	return 0;
}

static volatile unsigned int seen_in_handler;

static void on_usr1(int sig)
{
	(void)sig;
	seen_in_handler = gs_word(0);
}

/* Empty the entry gs selects: the system call's way out must not fault
   in the kernel; the program's next use of gs faults in user mode. */
static void child_empties_own_entry(void)
{
	struct user_desc empty = { .entry_number = MINE,
				   .read_exec_only = 1,
				   .seg_not_present = 1 };

	if (set_area(&empty) != 0)
		_exit(3);
	if (gs_sel() != 0)
		_exit(4);
	gs_word(0);                     /* null gs: SIGSEGV */
	_exit(5);
}

static void test_tls(void)
{
	struct user_desc d, back, e;
	long r;

	tp = gs_word(0);
	expect("libc's start-up holds entry 6", gs_sel() == SEL(TLS_MIN) &&
	       tp, "gs %#x, %%gs:0 %#x", gs_sel(), tp);
	d = data_desc(-1, (void *)tp);
	r = set_area(&d);
	expect("set_thread_area -1 picks the next free entry, 7", r == 0 &&
	       d.entry_number == MINE, "returned %ld, entry %u", r,
	       d.entry_number);
	load_gs(SEL(MINE));
	expect("%gs:0 reads the block", gs_word(0) == tp,
	       "read %#x", gs_word(0));
	memset(&back, 0, sizeof(back));
	back.entry_number = MINE;
	r = syscall(SYS_get_thread_area, &back);
	expect("get_thread_area reads back what was set",
	       r == 0 && back.base_addr == tp &&
	       back.limit == 0xfffff && back.seg_32bit && back.limit_in_pages &&
	       !back.read_exec_only && !back.seg_not_present &&
	       back.contents == 0, "r %ld base %#x limit %#x", r,
	       back.base_addr, back.limit);
	getppid();                      /* a system call */
	expect("gs survives a system call", gs_sel() == SEL(MINE),
	       "gs %#x", gs_sel());
	install_handler(SIGUSR1, on_usr1, 0);
	kill(getpid(), SIGUSR1);
	expect("a signal handler sees the TLS, sigreturn keeps gs",
	       seen_in_handler == tp && gs_sel() == SEL(MINE) &&
	       gs_word(0) == tp, "handler %#x, gs %#x",
	       seen_in_handler, gs_sel());
	expect("fork: the child sees the same %gs:0",
	       run_child(child_reads_gs) == 0, "child %s",
	       describe(run_child(child_reads_gs)));
	r = run_child(child_execs);
	expect("exec empties every TLS entry", WIFEXITED(r) &&
	       WEXITSTATUS(r) == 0, "child %s", describe(r));
	r = run_child(child_empties_own_entry);
	expect("emptying the entry gs uses: null gs, then SIGSEGV",
	       WIFSIGNALED(r) && WTERMSIG(r) == SIGSEGV, "child %s",
	       describe(r));

	e = data_desc(-1, (void *)tp);
	r = set_area(&e) == 0 && e.entry_number == TLS_MIN + 2;
	e.entry_number = -1;
	expect("one more free entry, then ESRCH",
	       r && set_area(&e) == -1 && errno == ESRCH,
	       "entry %u errno %d", e.entry_number, errno);
	e = data_desc(TLS_MIN - 1, (void *)tp);
	expect("entry 5 (the TSS): EINVAL", set_area(&e) == -1 &&
	       errno == EINVAL, "errno %d", errno);
	e = data_desc(TLS_MIN + 3, (void *)tp);
	expect("entry 9: EINVAL", set_area(&e) == -1 && errno == EINVAL,
	       "errno %d", errno);
	e = data_desc(MINE, (void *)tp);
	e.seg_32bit = 0;
	expect("a 16-bit segment: EINVAL", set_area(&e) == -1 &&
	       errno == EINVAL, "errno %d", errno);
	e = data_desc(MINE, (void *)tp);
	e.contents = 2;                 /* code */
	expect("a code segment: EINVAL", set_area(&e) == -1 &&
	       errno == EINVAL, "errno %d", errno);
	back.entry_number = 12;
	expect("get_thread_area of entry 12: EINVAL",
	       syscall(SYS_get_thread_area, &back) == -1 && errno == EINVAL,
	       "errno %d", errno);
	expect("set_thread_area of a bad pointer: EFAULT",
	       set_area((void *)0xc0000000) == -1 && errno == EFAULT,
	       "errno %d", errno);
	expect("get_thread_area of a bad pointer: EFAULT",
	       syscall(SYS_get_thread_area, (void *)16) == -1 &&
	       errno == EFAULT, "errno %d", errno);
	expect("gs still right after the errors",
	       gs_sel() == SEL(MINE) && gs_word(0) == tp,
	       "gs %#x", gs_sel());
}

/* sigreturn with a made-up gs: it becomes null, never a kernel fault. */
static void on_usr2(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
	((ucontext_t *)uc)->uc_mcontext.gs = 0x4b;      /* entry 9 */
}

static void child_forges_gs(void)
{
	struct sigaction sa = { .sa_sigaction = on_usr2,
				.sa_flags = SA_SIGINFO };

	sigaction(SIGUSR2, &sa, NULL);
	kill(getpid(), SIGUSR2);
	_exit(gs_sel() == 0 ? 0 : 1);
}

static void child_writes(void)
{
	page[0] = 1;
	_exit(0);
}

static void test_mprotect(void)
{
	int r;

	page[0] = 7;
	expect("mprotect PROT_READ", mprotect(page, 4096, PROT_READ) == 0,
	       "errno %d", errno);
	r = run_child(child_writes);
	expect("a write to the read-only page: SIGSEGV", WIFSIGNALED(r) &&
	       WTERMSIG(r) == SIGSEGV, "child %s", describe(r));
	expect("and it still reads", page[0] == 7, "read %d", page[0]);
	expect("mprotect back to PROT_READ|PROT_WRITE",
	       mprotect(page, 4096, PROT_READ | PROT_WRITE) == 0,
	       "errno %d", errno);
	page[0] = 8;
	expect("then the write goes through", page[0] == 8, "read %d",
	       page[0]);
	expect("mprotect of an unaligned address: EINVAL",
	       mprotect(page + 1, 10, PROT_READ) == -1 && errno == EINVAL,
	       "errno %d", errno);
	expect("mprotect of unmapped memory: ENOMEM",
	       mprotect((void *)0x40000000, 4096, PROT_READ) == -1 &&
	       errno == ENOMEM, "errno %d", errno);
	expect("mprotect with unknown bits: EINVAL",
	       mprotect(page, 4096, 0x80) == -1 && errno == EINVAL,
	       "errno %d", errno);
}

static void test_fstatat(void)
{
	struct stat st, want;
	int dir = open("/bin", O_RDONLY);

	stat("/bin/tests", &want);
	expect("fstatat64 relative to a directory fd",
	       syscall(SYS_fstatat64, dir, "tests", &st, 0) == 0 &&
	       st.st_ino == want.st_ino, "errno %d", errno);
	fstat(dir, &want);
	expect("fstatat64 AT_EMPTY_PATH is fstat",
	       syscall(SYS_fstatat64, dir, "", &st, AT_EMPTY_PATH) == 0 &&
	       st.st_ino == want.st_ino, "errno %d", errno);
	expect("fstatat64 \"\" without AT_EMPTY_PATH: ENOENT",
	       syscall(SYS_fstatat64, dir, "", &st, 0) == -1 &&
	       errno == ENOENT, "errno %d", errno);
	expect("fstatat64 with an unknown flag: EINVAL",
	       syscall(SYS_fstatat64, dir, "tests", &st, 1) == -1 &&
	       errno == EINVAL, "errno %d", errno);
	close(dir);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	if (argc == 2 && strcmp(argv[1], "--after-exec") == 0)
		return after_exec();
	test_tls();
	expect("sigreturn with a bad gs: null gs, no kernel fault",
	       run_child(child_forges_gs) == 0, "child %s",
	       describe(run_child(child_forges_gs)));
	test_mprotect();
	test_fstatat();
	return check_done();
}
