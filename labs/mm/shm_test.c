/*
 * The mm lab, in one process: shmget, shmat, shmdt and shmctl on their
 * own (shm_fork.c has the cases between processes). One line per case;
 * see docs/labs/04-mm.md.
 */
#include "shm_lab.h"
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#define KEY      0x5eed         /* keys of the test's own segments */
#define KEY_RMID 0x5eee
#define KEY_NONE 0x5eef         /* never created */
#define GIVEN    ((char *)0x50000000)

static int id = -1;             /* the private segment of the first cases */
static char *p = SHM_FAILED, *q = SHM_FAILED;

static int is_zero(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i])
			return 0;
	return 1;
}

static void create_private(void)
{
	struct shmid_ds ds = { 0 };

	id = shmget(IPC_PRIVATE, 5000, 0600);
	expect("shmget IPC_PRIVATE", id >= 0, "shmget: %s", strerror(errno));
	int r = shmctl(id, IPC_STAT, &ds);
	expect("IPC_STAT size and mode", r == 0 && ds.shm_segsz == 5000 &&
	       ds.shm_nattch == 0 && (ds.shm_perm.mode & 0777) == 0600,
	       "shmctl %d (%s), segsz %u nattch %lu mode %o", r,
	       strerror(errno), ds.shm_segsz, ds.shm_nattch,
	       ds.shm_perm.mode);
}

/* 5000 bytes are two pages: all of both can be used, and start zero. */
static void attach(void)
{
	p = shmat(id, NULL, 0);
	expect("shmat at a kernel-chosen address", p != SHM_FAILED &&
	       (unsigned long)p % 4096 == 0 && is_zero(p, 8192),
	       "shmat gave %p (%s)", p, strerror(errno));
	q = shmat(id, NULL, 0);
	if (p != SHM_FAILED && q != SHM_FAILED && q != p) {
		p[100] = 'x';
		p[8191] = 'y';
	}
	expect("two attaches share the pages", q != SHM_FAILED && q != p &&
	       q[100] == 'x' && q[8191] == 'y' && nattch(id) == 2,
	       "second shmat gave %p (%s), nattch %ld", q, strerror(errno),
	       nattch(id));
}

/* /proc/self/maps lists the attach at addr: its two pages, shared
   (rw-s), with a name in the last column, whatever it is. */
static int in_maps(const char *addr)
{
	char line[256], perms[8], name[200] = "";
	unsigned long start, end;
	int found = 0;
	FILE *f = fopen("/proc/self/maps", "r");

	while (f && !found && fgets(line, sizeof(line), f))
		found = sscanf(line, "%lx-%lx %7s %*s %*s %*s %199[^\n]",
			       &start, &end, perms, name) == 4 &&
			start == (unsigned long)addr && end == start + 8192 &&
			!strcmp(perms, "rw-s");
	if (f)
		fclose(f);
	return found;
}

static void attach_given(void)
{
	char *r = shmat(id, GIVEN, 0), *rnd;

	expect("shmat at a given address", r == GIVEN && r[100] == 'x',
	       "shmat(%p) gave %p (%s)", GIVEN, r, strerror(errno));
	expect("/proc/self/maps shows the attach", r == GIVEN && in_maps(r),
	       "no line \"%p-%p rw-s ... NAME\" in /proc/self/maps", GIVEN,
	       GIVEN + 8192);
	expect("shmat on an attached range is EINVAL",
	       failed_with((long)shmat(id, GIVEN + 4096, 0), EINVAL),
	       "shmat(%p) did not fail with EINVAL", GIVEN + 4096);
	expect("shmat of an unaligned address is EINVAL",
	       failed_with((long)shmat(id, GIVEN + 0x10000123, 0), EINVAL),
	       "it did not fail with EINVAL");
	rnd = shmat(id, GIVEN + 0x10000123, SHM_RND);
	expect("SHM_RND rounds the address down", rnd == GIVEN + 0x10000000,
	       "shmat gave %p (%s)", rnd, strerror(errno));
	expect("shmdt detaches", r == GIVEN && shmdt(r) == 0 &&
	       rnd != SHM_FAILED && shmdt(rnd) == 0 && nattch(id) == 2,
	       "shmdt failed (%s) or nattch is %ld", strerror(errno),
	       nattch(id));
	expect("shmdt of an address not attached is EINVAL",
	       failed_with(shmdt(GIVEN), EINVAL) &&
	       (p == SHM_FAILED || failed_with(shmdt(p + 4096), EINVAL)),
	       "it did not fail with EINVAL");
}

/* A write to a read-only attach kills the writer with SIGSEGV. */
static void read_only(void)
{
	char *ro = shmat(id, NULL, SHM_RDONLY);
	int status = -1;

	if (ro != SHM_FAILED && ro[100] == 'x') {
		pid_t pid = fork();
		if (pid == 0) {
			ro[100] = 'z';
			_exit(0);
		}
		waitpid(pid, &status, 0);
	}
	expect("SHM_RDONLY attaches read-only", ro != SHM_FAILED &&
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV &&
	       ro[100] == 'x', "shmat gave %p (%s), the writer's status %#x",
	       ro, strerror(errno), status);
	if (ro != SHM_FAILED)
		shmdt(ro);
}

static void keys(void)
{
	int a = shmget(KEY, 100, IPC_CREAT | 0600);

	expect("a key names one segment", a >= 0 && a != id &&
	       shmget(KEY, 100, 0) == a && shmget(KEY, 50, IPC_CREAT) == a,
	       "shmget gave %d (%s)", a, strerror(errno));
	expect("IPC_CREAT|IPC_EXCL on a key in use is EEXIST",
	       failed_with(shmget(KEY, 100, IPC_CREAT | IPC_EXCL | 0600),
			   EEXIST), "it did not fail with EEXIST");
	expect("a size past the segment's is EINVAL",
	       failed_with(shmget(KEY, 8192, 0), EINVAL),
	       "it did not fail with EINVAL");
	expect("a key never made is ENOENT",
	       failed_with(shmget(KEY_NONE, 100, 0), ENOENT),
	       "it did not fail with ENOENT");
	shmctl(a, IPC_RMID, NULL);
}

static void bad_arguments(void)
{
	struct shmid_ds ds;

	expect("shmget of size 0 is EINVAL",
	       failed_with(shmget(IPC_PRIVATE, 0, 0600), EINVAL),
	       "it did not fail with EINVAL");
	expect("a bad id is EINVAL",
	       failed_with((long)shmat(12345, NULL, 0), EINVAL) &&
	       failed_with(shmctl(12345, IPC_STAT, &ds), EINVAL) &&
	       failed_with((long)shmat(-1, NULL, 0), EINVAL),
	       "shmat or shmctl did not fail with EINVAL");
	expect("an unknown shmctl command is EINVAL",
	       failed_with(shmctl(id, 99, &ds), EINVAL),
	       "it did not fail with EINVAL");
	expect("IPC_STAT to a bad pointer is EFAULT",
	       failed_with(shmctl(id, IPC_STAT, (void *)0xc0000000), EFAULT) &&
	       failed_with(shmctl(id, IPC_STAT, NULL), EFAULT),
	       "it did not fail with EFAULT");
}

/* A removed segment lives on, under no key, until its last detach. */
static void remove_later(void)
{
	int r = shmget(KEY_RMID, 4096, IPC_CREAT | 0600);
	char *m = r < 0 ? SHM_FAILED : shmat(r, NULL, 0);
	struct shmid_ds ds = { 0 };
	int ok = m != SHM_FAILED && shmctl(r, IPC_RMID, NULL) == 0;

	if (ok)
		strcpy(m, "still here");
	expect("IPC_RMID waits for the last detach", ok &&
	       !strcmp(m, "still here") && shmctl(r, IPC_STAT, &ds) == 0 &&
	       (ds.shm_perm.mode & SHM_DEST) && ds.shm_nattch == 1,
	       "after IPC_RMID: %s, mode %o nattch %lu", strerror(errno),
	       ds.shm_perm.mode, ds.shm_nattch);
	expect("a removed segment's key is free",
	       failed_with(shmget(KEY_RMID, 0, 0), ENOENT),
	       "shmget of its key did not fail with ENOENT");
	expect("the last detach destroys it", ok && shmdt(m) == 0 &&
	       failed_with(shmctl(r, IPC_STAT, &ds), EINVAL),
	       "IPC_STAT after the detach did not fail with EINVAL");
	r = shmget(IPC_PRIVATE, 4096, 0600);
	expect("IPC_RMID of an unattached segment destroys it", r >= 0 &&
	       shmctl(r, IPC_RMID, NULL) == 0 &&
	       failed_with(shmctl(r, IPC_STAT, &ds), EINVAL),
	       "shmget %d, then: %s", r, strerror(errno));
}

/* MemFree from /proc/meminfo, in KiB, or -1. */
static long mem_free(void)
{
	char line[80];
	long kb = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "MemFree:", 8))
			kb = atol(line + 8);
	if (f)
		fclose(f);
	return kb;
}

/* 40 rounds of 64 KiB would leak 2.5 MiB if the pages stayed. */
static void no_leak(void)
{
	long before = mem_free(), after;
	int rounds = 0;

	for (int i = 0; i < 40; i++) {
		int r = shmget(IPC_PRIVATE, 65536, 0600);
		char *m = r < 0 ? SHM_FAILED : shmat(r, NULL, 0);
		if (m == SHM_FAILED)
			break;
		memset(m, i, 65536);
		shmctl(r, IPC_RMID, NULL);
		rounds += shmdt(m) == 0;
	}
	after = mem_free();
	expect("destroyed segments give their memory back", rounds == 40 &&
	       before > 0 && before - after < 64,
	       "%d rounds; MemFree %ld kB before, %ld kB after", rounds,
	       before, after);
}

int main(void)
{
	alarm(60);              /* never hang the grader */
	create_private();
	attach();
	attach_given();
	read_only();
	keys();
	bad_arguments();
	remove_later();
	no_leak();
	if (id >= 0)
		shmctl(id, IPC_RMID, NULL);
	printf("shm_test: done\n");
	return 0;
}
