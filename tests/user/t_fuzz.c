/*
 * A system-call fuzzer: children make random calls with random, hostile
 * arguments, and whatever they do the kernel must not fall over. Each
 * child ends (normally, or by a signal, maybe one it sent itself), and
 * afterwards fork, exec and the file system still work and no memory is
 * lost. make test runs it short; `make fuzz CALLS=1000000` runs it long
 * (docs/fuzz.md).
 *
 *   t_fuzz [-n CALLS] [-p CHILDREN] [-s SEED]
 *
 * CALLS calls in all (20000), by children of up to CHUNK calls each,
 * CHILDREN of them at a time (1, so that make test's short run is
 * nearly the same each time; make fuzz runs 4), all sharing /tmp/fuzz.
 * Child i's seed is SEED + i * 0x9E3779B9 (SEED 0x5eed): it is printed when the child
 * starts, and `t_fuzz -n 5000 -p 1 -s THAT` makes the same calls again.
 *
 * The calls are the kernel's own table (<sprout/syscalls.h>), so a new
 * call is fuzzed from the day it is added, plus now and then a number
 * from outside it. Arguments: fds, flags, sizes at the edges, paths
 * inside /tmp/fuzz, and pointers into the kernel, into nothing, into our
 * read-only code, across the end of user space, and wrapping past 4 GiB.
 *
 * Left out: calls that would end the whole test rather than probe the
 * kernel (exit, fork, clone and vfork, whose children and threads would
 * fuzz on in our memory, execve, kill, reboot), calls that sleep for as
 * long as an argument says (nanosleep, wait4, waitpid) or until a signal
 * comes (pause, sigsuspend, rt_sigsuspend), and sigreturn: the frame it
 * loads from a random stack sends the child off to run any code at all,
 * which may be any of those (t_sigforge forges frames with care).
 * Tamed, so that no child can wait for ever or harm anything but itself
 * (tame() says how): signals go
 * only to the caller, waits get short timeouts, pipes and sockets do not
 * block, mknod makes no FIFOs or devices, prlimit64 changes only the
 * caller. Children start with every signal ignored, so that only a
 * fuzzed sigaction (or a fault) lets one kill them; one that dies early
 * leaves the rest of its calls to the next child. Each child reports its
 * progress through a pipe; one that reports nothing for STALL_MS is
 * named with where it sleeps (/proc/PID/wchan) and killed.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include "check.h"

#define FUZZ_DIR "/tmp/fuzz"     /* where the children work */
#define CHUNK 5000              /* calls per child */
#define MAX_CHILDREN 16
#define PROGRESS 100            /* a child reports after each 100 calls */
#define REPORT_FD 63            /* where: out of the way of fuzzed fds */
#define STALL_MS 10000          /* no report for this long: stuck */
#define GOLDEN 0x9E3779B9ULL    /* one child's seed to the next */
/* Free memory may end this much lower without a leak: the kernel keeps
   up to 128 unused inodes (fs/ext2_inode.c), and the children reach
   inodes the warm-up did not. A leak grows with the calls; this does
   not. */
#define CACHE_GROWTH (64 * 1024)

static unsigned long long state;

static unsigned long rnd(void)
{
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long)(state >> 33);
}

/* The system calls, from the kernel's table. */
static const struct call {
	long nr;
	const char *name;
} table[] = {
#define SYSCALL(nr, name, libc, ret, n, ...) { nr, #name },
#include <sprout/syscalls.h>
#undef SYSCALL
};
#define NCALLS (sizeof(table) / sizeof(table[0]))

static const char *const left_out[] = {
	"exit", "fork", "waitpid", "execve", "pause", "kill", "sigsuspend",
	"reboot", "wait4", "nanosleep", "rt_sigsuspend", "exit_group",
	"sigreturn", "rt_sigreturn", "clone", "vfork",
};

/* A call's name, or "" if the number is not in the table. The tables
   are const, so a fuzzed call cannot write over them. */
static const char *name_of(long nr)
{
	for (size_t i = 0; i < NCALLS; i++)
		if (table[i].nr == nr)
			return table[i].name;
	return "";
}

static long table_nr(const char *name)
{
	for (size_t i = 0; i < NCALLS; i++)
		if (!strcmp(table[i].name, name))
			return table[i].nr;
	return -1;
}

static int is_left_out(const char *name)
{
	for (size_t i = 0; i < sizeof(left_out) / sizeof(left_out[0]); i++)
		if (strcmp(name, left_out[i]) == 0)
			return 1;
	return 0;
}

static char scratch[8192];

/* Names inside /tmp/fuzz: the children share them, so one child's file
   is another's directory or symlink. Never "..", never absolute: a
   child must not rename or unlink what the rest of the system uses. */
static char long_name[300], huge_path[4200];
static const char *const paths[] = {
	"a", "b", "d", "d/a", "d/e", "d/e/a", "l", "a/", "d/.", ".", "",
	long_name + 44 /* 255 bytes: the longest name */,
	long_name /* 299: ENAMETOOLONG */, huge_path /* past PATH_MAX */,
};

static void make_paths(void)
{
	memset(long_name, 'n', sizeof(long_name) - 1);
	for (size_t i = 0; i + 2 < sizeof(huge_path); i += 2)
		memcpy(huge_path + i, "d/", 2);
}

/* Sizes where range checks go wrong. */
static const unsigned long sizes[] = {
	4095, 4096, 4097, 65536, 1UL << 20, 1UL << 30, 0x7fffffff,
	0x80000000, 0xffffffff,
};

/* An argument: each kind of value a buggy or hostile program passes. */
static long random_arg(void)
{
	switch (rnd() % 14) {
	case 0: return 0;
	case 1: return rnd() % 16;                      /* small: fds, flags */
	case 2: return (long)(0xC0000000UL + rnd() % 0x40000000UL); /* kernel */
	case 3: return (long)(0x1000 + rnd() % 0x10000);   /* unmapped, low */
	case 4: return (long)(scratch + rnd() % sizeof(scratch)); /* ours */
	case 5: return -(long)(rnd() % 4096);            /* negative, -errno */
	case 6: return (long)0xBFFFF000UL;               /* top of the stack */
	case 7: return (long)(0xC0000000UL - 1 - rnd() % 64); /* into the
							       kernel */
	case 8: return (long)(0xFFFFFFFFUL - rnd() % 64);  /* wraps past 4G */
	case 9: return (long)((char *)random_arg + rnd() % 256); /* code:
							      read-only */
	case 10: return (long)paths[rnd() % (sizeof(paths) / sizeof(paths[0]))];
	case 11: return (long)sizes[rnd() % (sizeof(sizes) / sizeof(sizes[0]))];
	case 12: return (long)(scratch + sizeof(scratch) - 1 - rnd() % 16);
	default: return (long)rnd();
	}
}

/* A signal for the child to send itself: any but those that would end
   it or stop it for good. */
static long random_signal(void)
{
	long sig = rnd() % 33;          /* 0 and 32 too: EINVAL, a check */

	return sig == SIGKILL || sig == SIGTERM || sig == SIGSTOP ? SIGUSR1
								  : sig;
}

/* A timeout pointer that cannot mean "wait for ever": a short one, or
   one the kernel cannot read. timeval and timespec are two longs, the
   time64 calls' __kernel_timespec two long longs: 0 seconds either way,
   then the microseconds or nanoseconds. */
static long short_timeout(int time64)
{
	static long t[4];
	long fraction = rnd() % 2000;

	t[0] = t[3] = 0;
	t[1] = time64 ? 0 : fraction;
	t[2] = fraction;
	return rnd() % 4 ? (long)t : (long)(0xC0000000UL + rnd() % 4096);
}

/*
 * Calls whose arguments must hang together to get past the first check:
 * half the time they get shapes that do. The mm calls aim at the arena,
 * pages of our own, a range starting in its first ARENA_PAGES and never
 * more than 16 pages long (any of them may be unmapped, remapped or made
 * read-only by an earlier call: the stack, code and scratch stay out of
 * reach); futex at a word in it or in scratch, with any op and a short
 * timeout; the *at calls at AT_FDCWD or a small fd and a path.
 */
#define ARENA_PAGES 64
#define AT_FDCWD_ (-100)
static char *arena;

static long arena_page(void)
{
	return (long)(arena + (rnd() % ARENA_PAGES) * 4096);
}

static long pages(void)
{
	return (long)((1 + rnd() % 16) * 4096 - (rnd() % 8 ? 0 : (long)(rnd() % 4096)));
}

static long map_flags(void)
{
	static const long type[] = { 0x01, 0x02, 0x03 }; /* SHARED, PRIVATE,
							   SHARED_VALIDATE */
	long f = type[rnd() % 3] | (rnd() % 2 ? 0x20 : 0); /* ANONYMOUS */

	if (rnd() % 2)
		f |= 0x10;                      /* FIXED: inside the arena */
	if (rnd() % 8 == 0)
		f |= 0x100000 | 0x8000 | 0x100; /* FIXED_NOREPLACE, POPULATE,
						   GROWSDOWN */
	return f;
}

static int shape(const char *name, long *args)
{
	if (!strcmp(name, "mmap2")) {
		args[0] = arena_page();
		args[1] = pages();
		args[2] = rnd() % 8;
		args[3] = map_flags();
		args[4] = rnd() % 8;            /* /dev/null or a fuzz file */
		args[5] = rnd() % 4;
	} else if (!strcmp(name, "munmap") || !strcmp(name, "mprotect") ||
		   !strcmp(name, "madvise") || !strcmp(name, "msync") ||
		   !strcmp(name, "mlock") || !strcmp(name, "munlock") ||
		   !strcmp(name, "mincore")) {
		args[0] = arena_page();
		args[1] = pages();
		args[2] = !strcmp(name, "mincore") ? (long)scratch
						  : (long)(rnd() % 8);
	} else if (!strcmp(name, "mremap")) {
		args[0] = arena_page();
		args[1] = pages();
		args[2] = pages();
		args[3] = rnd() % 4;            /* MAYMOVE, FIXED */
		args[4] = arena_page();
	} else if (!strcmp(name, "futex") || !strcmp(name, "futex_time64")) {
		args[0] = rnd() % 2 ? arena_page() + (long)(rnd() % 64 * 4)
				    : (long)(scratch + rnd() % 64 * 4);
		args[1] = rnd() % 14 | (rnd() % 2 ? 128 : 0);
		args[2] = rnd() % 4;
		args[3] = short_timeout(!strcmp(name, "futex_time64"));
		args[4] = arena_page() + rnd() % 4 * 4;
	} else if (!strcmp(name, "openat") || !strcmp(name, "mkdirat") ||
		   !strcmp(name, "fstatat64") || !strcmp(name, "unlinkat") ||
		   !strcmp(name, "faccessat") || !strcmp(name, "fchmodat") ||
		   !strcmp(name, "fchownat") || !strcmp(name, "readlinkat") ||
		   !strcmp(name, "statx") || !strcmp(name, "utimensat") ||
		   !strcmp(name, "faccessat2") || !strcmp(name, "mknodat")) {
		args[0] = rnd() % 2 ? AT_FDCWD_ : (long)(rnd() % 8);
		args[1] = (long)paths[rnd() % (sizeof(paths) / sizeof(paths[0]))];
		if (!strcmp(name, "statx"))
			args[4] = (long)scratch;
	} else if (!strcmp(name, "sendfile") || !strcmp(name, "sendfile64")) {
		args[0] = rnd() % 8;
		args[1] = rnd() % 8;
		args[2] = rnd() % 2 ? 0 : (long)scratch;
	} else {
		return 0;
	}
	return 1;
}

#define F_SETFL_ 4
#define FIONBIO_ 0x5421
#define SYS_SOCKET 1                    /* socketcall's call numbers */
#define SYS_SOCKETPAIR 8

/*
 * Make a call safe to make: args[] are the six arguments, about to be
 * passed (given a shape first, half the time, if the call has one).
 * Whatever the call, it must not wait for ever, signal another process,
 * or make a node that reaches a device.
 */
static void tame(const char *name, long *args)
{
	static long one = 1;

	if (rnd() % 2)
		shape(name, args);
	if (!strcmp(name, "tkill")) {
		args[0] = getpid();             /* tkill(self, sig) */
		args[1] = random_signal();
	} else if (!strcmp(name, "tgkill")) {
		args[0] = args[1] = getpid();   /* tgkill(self, self, sig) */
		args[2] = random_signal();
	} else if (!strcmp(name, "prlimit64")) {
		args[0] = 0;                    /* ourselves only */
	} else if (!strcmp(name, "pipe2")) {
		args[1] |= O_NONBLOCK;
	} else if (!strcmp(name, "mknod") || !strcmp(name, "mknodat")) {
		long *mode = &args[!strcmp(name, "mknod") ? 1 : 2];

		if (S_ISFIFO(*mode) || S_ISCHR(*mode) || S_ISBLK(*mode))
			*mode &= ~S_IFMT;       /* a plain file */
	} else if (!strcmp(name, "fcntl") || !strcmp(name, "fcntl64")) {
		if (args[1] == F_SETFL_)
			args[2] |= O_NONBLOCK;
	} else if (!strcmp(name, "ioctl")) {
		if (rnd() % 2)          /* the terminal/socket requests */
			args[1] = 0x5400 + rnd() % 0x60;
		if (args[1] == FIONBIO_)
			args[2] = (long)&one;
	} else if (!strcmp(name, "socket") || !strcmp(name, "socketpair")) {
		args[1] |= SOCK_NONBLOCK;
	} else if (!strcmp(name, "poll")) {
		args[2] = rnd() % 3;            /* milliseconds */
	} else if (!strcmp(name, "ppoll") || !strcmp(name, "ppoll_time64")) {
		args[2] = short_timeout(!strcmp(name, "ppoll_time64"));
	} else if (!strcmp(name, "_newselect") || !strcmp(name, "pselect6") ||
		   !strcmp(name, "pselect6_time64")) {
		args[4] = short_timeout(!strcmp(name, "pselect6_time64"));
	} else if (!strcmp(name, "clock_nanosleep") ||
		   !strcmp(name, "clock_nanosleep_time64")) {
		/* Any clock and flags: with TIMER_ABSTIME a short time is
		   long past, so the call returns at once. */
		args[2] = short_timeout(!strcmp(name, "clock_nanosleep_time64"));
	}
}

/* socketcall(call, args): the same calls through one number, with the
   arguments in memory; socket and socketpair are tamed here too. */
static void tame_socketcall(long *args)
{
	static long sargs[6];

	for (int i = 0; i < 6; i++)
		sargs[i] = random_arg();
	if (rnd() % 4 == 0)
		return;                 /* args[1] as it came: any pointer */
	args[0] = 1 + rnd() % 20;
	if (args[0] == SYS_SOCKET || args[0] == SYS_SOCKETPAIR)
		sargs[1] |= SOCK_NONBLOCK;
	args[1] = (long)sargs;
}

/* A pointer the kernel must refuse: NULL, unmapped, kernel, wrapping. */
static long bad_pointer(void)
{
	static const unsigned long bad[] = { 0, 0x1000, 0xC0000000UL,
					     0xFFFFFFF0UL };

	return (long)(bad[rnd() % 4] + rnd() % 16);
}

static void quiet(int sig)
{
	(void)sig;
}

/*
 * sigaction and rt_sigaction: random flags and masks, but a handler and
 * a restorer that are real or fault at once, never a random address: a
 * jump there would run any code at all, including the left-out calls.
 */
void __restore(void), __restore_rt(void);      /* libc/sigreturn.S */

static void random_action(const char *name, long *args)
{
	static long act[5];
	long handler[] = { (long)SIG_DFL, (long)SIG_IGN, (long)quiet,
			   bad_pointer() };
	int rt = !strcmp(name, "rt_sigaction");
	long flags = (long)rnd() | (rnd() % 2 ? SA_SIGINFO : 0);
	long restorer = rnd() % 4 == 0 ? bad_pointer() :
			flags & SA_SIGINFO ? (long)__restore_rt : (long)__restore;

	act[0] = handler[rnd() % 4];
	act[rt ? 1 : 2] = flags;
	act[rt ? 2 : 3] = restorer;
	act[rt ? 3 : 1] = (long)rnd();                  /* the mask */
	act[4] = (long)rnd();
	args[0] = 1 + rnd() % 31;
	args[1] = rnd() % 8 ? (long)act : bad_pointer();
	args[3] = 8;                    /* rt_sigaction's sigsetsize */
}

/* sigaltstack: an alternate stack that is ours, or a bad pointer; never
   one reaching past it, where a frame would write over our data. */
static void random_altstack(long *args)
{
	static char altstack[16384];
	static long ss[3];

	ss[0] = rnd() % 4 ? (long)altstack : bad_pointer();
	ss[1] = rnd() % 4;                              /* flags */
	ss[2] = (long)(rnd() % (sizeof(altstack) + 1));
	args[0] = rnd() % 8 ? (long)ss : bad_pointer();
}

static void random_call(void)
{
	long args[6], nr;
	const char *name;

	for (int i = 0; i < 6; i++)
		args[i] = random_arg();
	if (rnd() % 16 == 0) {
		nr = (long)(rnd() % 1040) - 16;         /* maybe no such call */
		name = name_of(nr);
	} else {
		const struct call *c = &table[rnd() % NCALLS];

		nr = c->nr;
		name = c->name;
	}
	if (is_left_out(name))
		return;
	if (!strcmp(name, "pipe")) {            /* made non-blocking */
		name = "pipe2";
		nr = table_nr(name);
	}
	if (!strcmp(name, "sigaction") || !strcmp(name, "rt_sigaction"))
		random_action(name, args);
	else if (!strcmp(name, "sigaltstack"))
		random_altstack(args);
	else if (!strcmp(name, "socketcall"))
		tame_socketcall(args);
	else
		tame(name, args);
	syscall(nr, args[0], args[1], args[2], args[3], args[4], args[5]);
}

/* Keep the console clean: standard fds go to /dev/null. And work in a
   folder of our own. */
static void fuzz_setup(void)
{
	int null = open("/dev/null", O_RDWR);

	for (int fd = 0; fd < 3; fd++)
		dup2(null, fd);
	mkdir(FUZZ_DIR, 0755);
	chdir(FUZZ_DIR);
}

/* A child: ignore every signal at first (a fuzzed sigaction may bring
   one back), then make the calls, reporting on REPORT_FD as it goes. */
static void fuzz(long id, long calls)
{
	setpgid(0, 0);          /* a group of its own: see ended() */
	for (int sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_IGN);
	fuzz_setup();
	arena = mmap(NULL, (ARENA_PAGES + 16) * 4096,   /* room for pages() */ PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (long i = 0; i < calls; i++) {
		for (size_t j = 0; j < sizeof(scratch); j += 512)
			scratch[j] = (char)rnd();
		random_call();
		if ((i + 1) % PROGRESS == 0)
			write(REPORT_FD, &id, sizeof(id));
	}
}

/* The fuzz writes over the top page of the stack (0xBFFFF000 is one
   of its pointers): make the calls well below it, and never return
   into a frame up there. */
static void fuzz_below(long id, long calls)
{
	volatile char pad[3 * 4096];

	pad[0] = 0;
	fuzz(id, calls);
	_exit(pad[0]);
}

static void exec_true(void)
{
	char *argv[] = { "/bin/true", NULL };

	execve(argv[0], argv, NULL);
	_exit(127);
}

static void nothing(void)
{
}

/* rm -r, not following symlinks (unlink removes a symlink itself, and
   needs no stat, which fails with EOVERFLOW on a file the fuzz made
   3 GiB long). Returns 0, or -1 with the first path that would not go
   and why in left_behind. */
static char left_behind[512];

static int remove_tree(const char *path)
{
	struct dirent *e;
	char sub[512];
	int err;
	DIR *d;

	if (unlink(path) == 0)
		return 0;
	err = errno;                    /* EISDIR (Linux) or EPERM: a folder */
	if ((d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
				snprintf(sub, sizeof(sub), "%s/%s", path,
					 e->d_name);
				remove_tree(sub);
			}
		closedir(d);
		if (rmdir(path) == 0)
			return 0;
		err = errno;
	}
	if (!left_behind[0])
		snprintf(left_behind, sizeof(left_behind), "%s: %s", path,
			 strerror(err));
	return -1;
}

/* Where a task sleeps, from /proc/PID/wchan (or why that is unknown). */
static const char *wchan(pid_t pid)
{
	static char buf[64];
	char path[32];
	int fd, n = -1;

	snprintf(path, sizeof(path), "/proc/%d/wchan", pid);
	if ((fd = open(path, O_RDONLY)) >= 0) {
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
	}
	if (n <= 0)
		snprintf(buf, sizeof(buf), "? (%s: %s)", path,
			 n < 0 ? strerror(errno) : "empty");
	else
		buf[n] = 0;
	return buf;
}

static struct run {
	long calls, children;           /* asked for */
	unsigned long long seed;
	long started, exited, signalled, stalled, looping, unkillable;
	long done;                      /* calls made, as reported */
	int progress_fd;                /* the read end */
} run = { 20000, 1, 0x5eed, 0, 0, 0, 0, 0, 0, 0, -1 };

static struct slot {
	pid_t pid;
	long id, budget, made;
	long long heard;                /* when it last reported */
} slots[MAX_CHILDREN];

/* A child's calls that are not made yet but may be. */
static long outstanding(void)
{
	long n = 0;

	for (int i = 0; i < run.children; i++)
		if (slots[i].pid)
			n += slots[i].budget - slots[i].made;
	return n;
}

/* Read the children's reports: each is the child's id, once per
   PROGRESS calls. A report from a child already reaped counts too. */
static void hear(void)
{
	long id;

	while (read(run.progress_fd, &id, sizeof(id)) == sizeof(id)) {
		run.done += PROGRESS;
		for (int i = 0; i < run.children; i++)
			if (slots[i].pid && slots[i].id == id) {
				slots[i].made += PROGRESS;
				slots[i].heard = now_ns();
			}
	}
}

static void start_child(struct slot *s, int report_fd)
{
	unsigned long long seed = run.seed + GOLDEN * run.started;
	long budget = run.calls - run.done - outstanding();

	if (budget > CHUNK)
		budget = CHUNK;
	s->id = run.started;
	s->pid = fork();
	if (s->pid == 0) {
		close(run.progress_fd);
		dup2(report_fd, REPORT_FD);
		close(report_fd);
		state = seed;
		fuzz_below(s->id, budget);
	}
	if (s->pid < 0) {
		s->pid = 0;
		return;
	}
	printf("fuzz: child %ld, pid %d, seed 0x%llx, %ld calls; %lld KiB "
	       "free\n", s->id, s->pid, seed, budget, free_bytes() / 1024);
	fflush(stdout);
	run.started++;
	s->budget = budget;
	s->made = 0;
	s->heard = now_ns();
}

/* An ended child: one that exited made all its calls. Anything it
   left running in its process group goes too. */
static void ended(struct slot *s, int status)
{
	kill(-s->pid, SIGKILL);
	if (WIFSIGNALED(status)) {
		run.signalled++;
	} else {
		run.exited++;
		run.done += s->budget - s->made;
	}
	s->pid = 0;
}

static void reap(void)
{
	int status;
	pid_t pid;

	hear();         /* what it said before it ended goes to it */
	while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED)) > 0) {
		if (WIFSTOPPED(status)) {       /* a fuzzed SIGTSTP ... */
			kill(pid, SIGCONT);
			continue;
		}
		for (int i = 0; i < run.children; i++)
			if (slots[i].pid == pid)
				ended(&slots[i], status);
	}
}

/*
 * A child that has not reported for STALL_MS: asleep in the kernel (a
 * wait nothing will end: a bug, or a call not tamed) or running (wchan
 * "0": looping in user mode, like a handler for a fault that returns to
 * the faulting instruction, which loops on Linux too). Either way kill
 * it: SIGKILL ends every task, whatever it waits for.
 */
static void kill_stuck(struct slot *s)
{
	const char *where = wchan(s->pid);
	int running = !strcmp(where, "0"), status;

	printf("fuzz: child %ld (pid %d) reported nothing for %d s, %s%s: "
	       "killed\n", s->id, s->pid, STALL_MS / 1000,
	       running ? "running in user mode" : "asleep in ",
	       running ? "" : where);
	fflush(stdout);
	if (running)
		run.looping++;
	else
		run.stalled++;
	kill(s->pid, SIGKILL);
	for (int i = 0; i < 3000; i++) {
		if (waitpid(s->pid, &status, WNOHANG) == s->pid) {
			ended(s, status);
			return;
		}
		sleep_ms(10);
	}
	printf("fuzz: pid %d survives SIGKILL\n", s->pid);
	run.unkillable++;
	s->pid = 0;
}

/* Keep run.children children fuzzing until the calls are all made. A
   child that dies early leaves its calls to the next one. */
static void fuzz_all(void)
{
	int fds[2], busy, failed_forks = 0;

	if (pipe2(fds, O_NONBLOCK) < 0)
		err(1, "pipe2");
	run.progress_fd = fds[0];
	do {
		busy = 0;
		reap();
		for (int i = 0; i < run.children; i++) {
			struct slot *s = &slots[i];

			if (!s->pid && run.done + outstanding() < run.calls) {
				start_child(s, fds[1]);
				failed_forks = s->pid ? 0 : failed_forks + 1;
			}
			if (s->pid && now_ns() - s->heard > STALL_MS * 1000000LL)
				kill_stuck(s);
			busy |= s->pid != 0;
		}
		sleep_ms(20);
	} while ((busy || run.done < run.calls) && failed_forks < 100);
	close(fds[0]);
	close(fds[1]);
}

/* The kernel keeps the inodes of files used lately, and our heap and
   stack grow the first time they are needed: do once, in small, all
   that the run and the checks after it do, before free memory is
   counted, so that only a leak can change the count. */
static void warm_up(void)
{
	struct run asked = run;

	run.calls = PROGRESS;
	run.children = 1;
	run.seed = ~run.seed;
	fuzz_all();
	if (access(FUZZ_DIR, F_OK) == 0)
		remove_tree(FUZZ_DIR);
	run_child(fuzz_setup);
	run_child(exec_true);
	run = asked;
}

static void options(int argc, char **argv)
{
	int c;

	while ((c = getopt(argc, argv, "n:p:s:")) != -1) {
		if (c == 'n')
			run.calls = strtol(optarg, NULL, 0);
		else if (c == 'p')
			run.children = strtol(optarg, NULL, 0);
		else if (c == 's')
			run.seed = strtoull(optarg, NULL, 0);
		else
			errx(2, "usage: t_fuzz [-n calls] [-p children] "
			     "[-s seed]");
	}
	if (run.calls < 1 || run.children < 1 || run.children > MAX_CHILDREN)
		errx(2, "calls must be > 0, children 1 to %d", MAX_CHILDREN);
}

int main(int argc, char **argv)
{
	long long before, start;
	int status;

	check_init(argc, argv);
	options(argc, argv);
	if (!on_sprout()) {
		skip("random system calls leave the kernel standing",
		     "random calls could harm the host");
		return check_done();
	}
	make_paths();
	mount("proc", "/proc", "proc", 0, NULL);        /* for wchan() */
	printf("fuzz: %ld calls, %ld children at a time, seed 0x%llx\n",
	       run.calls, run.children, run.seed);
	warm_up();
	before = free_bytes();
	start = now_ns();
	fuzz_all();
	printf("fuzz: %ld calls by %ld children, %ld at a time, seed 0x%llx, "
	       "in %lld s: %ld exited, %ld killed by signals (%ld stuck "
	       "looping, %ld asleep)\n", run.done, run.started, run.children,
	       run.seed, (now_ns() - start) / 1000000000LL, run.exited,
	       run.signalled, run.looping, run.stalled);
	expect("random system calls leave the kernel standing",
	       run.done >= run.calls, "%ld of %ld calls made", run.done,
	       run.calls);
	expect("no fuzzing child stalled asleep in the kernel",
	       run.stalled == 0, "%ld children slept for %d s (see above)",
	       run.stalled, STALL_MS / 1000);
	expect("SIGKILL ends every child", run.unkillable == 0,
	       "%ld children outlived it", run.unkillable);
	expect("fork still works", run_child(nothing) == 0, "it does not");
	status = run_child(exec_true);
	expect("exec still works", status == 0, "/bin/true %s",
	       describe(status));
	expect("the children's files can all be removed",
	       remove_tree(FUZZ_DIR) == 0, "%s", left_behind);
	expect("no memory leaked (caches aside)",
	       free_bytes() >= before - CACHE_GROWTH,
	       "free memory went from %lld to %lld bytes", before,
	       free_bytes());
	return check_done();
}
