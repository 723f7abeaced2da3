/*
 * The mm lab, between processes: a segment is shared with a forked
 * child (not copied on write), counted once more for it, detached when
 * it exits or execs, and found by its key from another program. One line
 * per case; see docs/labs/04-mm.md.
 *
 * The program also runs as the exec'd side of two cases:
 *     shm_fork --nattch ID      exit with ID's shm_nattch
 *     shm_fork --write KEY      attach KEY's segment and write a greeting
 */
#include "shm_lab.h"
#include <stdlib.h>
#include <sys/wait.h>

#define KEY      0x1ab
#define GREETING "hello through the key"

static int private_var = 1;     /* ordinary memory: copied on write */

/* The exec'd side: its exit status is what the parent checks. */
static int helper(const char *mode, const char *arg)
{
	int n = strtol(arg, NULL, 0);

	if (!strcmp(mode, "--nattch"))
		return nattch(n);
	int seg = shmget(n, 0, 0);
	char *m = seg < 0 ? SHM_FAILED : shmat(seg, NULL, 0);
	if (m == SHM_FAILED)
		return 1;
	strcpy(m, GREETING);
	return shmdt(m) == 0 ? 0 : 2;
}

/* Fork a child that runs fn(arg) and exits with what it returns; the
   child's wait status, or -1. */
static int in_child(int (*fn)(char *, int), char *m, int seg)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(m, seg));
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static int child_writes(char *m, int seg)
{
	(void)seg;
	m[0] = 42;
	private_var = 2;
	return 0;
}

static int child_counts(char *m, int seg)
{
	(void)m;
	return nattch(seg);
}

static int child_execs(char *m, int seg)
{
	char arg[16];

	(void)m;
	snprintf(arg, sizeof(arg), "%d", seg);
	execl("/labs/shm_fork", "shm_fork", "--nattch", arg, (char *)NULL);
	return 99;
}

static void across_fork(void)
{
	int seg = shmget(IPC_PRIVATE, 4096, 0600);
	char *m = seg < 0 ? SHM_FAILED : shmat(seg, NULL, 0);
	int st = -1;

	if (m != SHM_FAILED)
		st = in_child(child_writes, m, seg);
	expect("a forked child shares the segment", st == 0 && m[0] == 42,
	       "shmat gave %p (%s), the child's status %#x", m,
	       strerror(errno), st);
	expect("ordinary memory stays private", private_var == 1,
	       "the child's write to a global reached the parent");
	if (m != SHM_FAILED)
		st = in_child(child_counts, m, seg);
	expect("fork counts the child's attach",
	       m != SHM_FAILED && WIFEXITED(st) && WEXITSTATUS(st) == 2,
	       "the child saw shm_nattch %d", WEXITSTATUS(st));
	expect("exit detaches", m != SHM_FAILED && nattch(seg) == 1,
	       "after the child's exit shm_nattch is %ld", nattch(seg));
	if (m != SHM_FAILED)
		st = in_child(child_execs, m, seg);
	expect("exec detaches",
	       m != SHM_FAILED && WIFEXITED(st) && WEXITSTATUS(st) == 1,
	       "after exec the program saw shm_nattch %d (want 1)",
	       WEXITSTATUS(st));
	if (seg >= 0)
		shmctl(seg, IPC_RMID, NULL);
}

/* Another program finds the segment by its key alone. */
static void by_key(void)
{
	int seg = shmget(KEY, 4096, IPC_CREAT | 0600);
	char *m = seg < 0 ? SHM_FAILED : shmat(seg, NULL, 0);
	int status = -1;
	pid_t pid;

	if (m != SHM_FAILED && (pid = fork()) >= 0) {
		if (pid == 0) {
			execl("/labs/shm_fork", "shm_fork", "--write", "0x1ab",
			      (char *)NULL);
			_exit(99);
		}
		waitpid(pid, &status, 0);
	}
	expect("another program finds it by key", status == 0 &&
	       !strcmp(m, GREETING), "shmget gave %d (%s), the writer's "
	       "status %#x", seg, strerror(errno), status);
	if (seg >= 0)
		shmctl(seg, IPC_RMID, NULL);
}

/* Removed while a child still has it: gone when that child exits. */
static void last_exit_destroys(void)
{
	int seg = shmget(IPC_PRIVATE, 4096, 0600), go[2], status;
	char *m = seg < 0 ? SHM_FAILED : shmat(seg, NULL, 0);
	struct shmid_ds ds;
	int ok = 0;
	pid_t pid;

	if (m != SHM_FAILED && pipe(go) == 0 && (pid = fork()) >= 0) {
		if (pid == 0) {
			char c;
			close(go[1]);
			read(go[0], &c, 1);     /* until the parent is done */
			_exit(0);
		}
		close(go[0]);
		ok = shmctl(seg, IPC_RMID, NULL) == 0 && shmdt(m) == 0 &&
		     nattch(seg) == 1;
		close(go[1]);
		waitpid(pid, &status, 0);
	}
	expect("the last process's exit destroys a removed segment", ok &&
	       failed_with(shmctl(seg, IPC_STAT, &ds), EINVAL),
	       "shmget %d (%s); IPC_STAT after the exit did not fail with "
	       "EINVAL", seg, strerror(errno));
}

int main(int argc, char **argv)
{
	if (argc == 3)
		return helper(argv[1], argv[2]);
	alarm(60);              /* never hang the grader */
	across_fork();
	by_key();
	last_exit_destroys();
	printf("shm_fork: done\n");
	return 0;
}
