/*
 * Job control: each pipeline is a job, one process group, and the
 * terminal lets only its foreground group read it and receive ^C / ^Z.
 *
 *   the shell (group 7)             runs "sleep 100 | cat"
 *     fork, fork                    children 9 and 10
 *     setpgid(9, 9) setpgid(10, 9)  (each child does it too: whichever
 *                                   runs first, the group exists)
 *     tcsetpgrp(tty, 9)             group 9 in front: ^C goes to it
 *     waitpid(.., WUNTRACED)        ... until both exit, or one stops
 *     tcsetpgrp(tty, 7)             the shell in front again
 *
 * ^Z stops the job: waitpid reports it stopped, the shell takes the
 * terminal back and says "[1]+  Stopped". fg gives the terminal to the
 * job and sends SIGCONT; bg only sends SIGCONT. The shell itself
 * ignores SIGTSTP, SIGTTIN and SIGTTOU (it must not stop), and catches
 * SIGINT, so ^C at the prompt only discards the line. Its children get
 * the default actions back (child_setup).
 *
 * A shell that is not interactive does no job control: its commands
 * stay in its own group and the terminal is left alone.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "sh.h"

int job_control;
pid_t shell_pgid;
pid_t last_bg_pid;
struct job *jobs;

static int tty_fd = -1;
static struct termios shell_modes;
static int sequence;            /* the most recent job is "current" (+) */

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static const int job_signals[] = { SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };

void jobs_init(void)
{
	struct sigaction sa = { 0 };

	tty_fd = fcntl(0, F_DUPFD, 10);
	if (tty_fd < 0)
		return;
	fcntl(tty_fd, F_SETFD, FD_CLOEXEC);
	/* started in the background? wait until we are brought to the front */
	while (tcgetpgrp(tty_fd) != (shell_pgid = getpgrp()))
		kill(-shell_pgid, SIGTTIN);
	sa.sa_handler = on_sigint;      /* no SA_RESTART: read() ends */
	sigaction(SIGINT, &sa, NULL);
	for (size_t i = 0; i < sizeof(job_signals) / sizeof(int); i++)
		signal(job_signals[i], SIG_IGN);
	if (getpid() != shell_pgid && setpgid(0, 0) == 0)
		shell_pgid = getpid();
	tcsetpgrp(tty_fd, shell_pgid);
	tcgetattr(tty_fd, &shell_modes);
	job_control = 1;
}

/* ---- the job table ---- */

struct job *job_new(const char *cmd, int nprocs)
{
	struct job *j = xmalloc(sizeof(*j)), **tail = &jobs;
	int id = 0;

	memset(j, 0, sizeof(*j));
	for (; *tail; tail = &(*tail)->next)
		if ((*tail)->id > id)
			id = (*tail)->id;
	j->id = id + 1;
	j->cmd = xstrdup(cmd);
	j->procs = calloc(nprocs, sizeof(struct proc));
	j->nprocs = nprocs;
	*tail = j;
	return j;
}

void job_free(struct job *j)
{
	for (struct job **p = &jobs; *p; p = &(*p)->next)
		if (*p == j) {
			*p = j->next;
			break;
		}
	free(j->cmd);
	free(j->procs);
	free(j);
}

/* In the parent, after fork: the child joins the job's group. */
void job_add_proc(struct job *j, int i, pid_t pid)
{
	j->procs[i].pid = pid;
	if (!j->pgid)
		j->pgid = pid;
	if (job_control)
		setpgid(pid, j->pgid);
}

/* In the child, after fork: the same group (and the terminal, for a
   foreground job), default signal actions, no job control of its own. */
void child_setup(struct job *j, int foreground)
{
	if (job_control && j) {
		pid_t pgid = j->pgid ? j->pgid : getpid();
		setpgid(0, pgid);
		if (foreground)
			tcsetpgrp(tty_fd, pgid);
	}
	if (job_control) {
		signal(SIGINT, SIG_DFL);
		for (size_t i = 0; i < sizeof(job_signals) / sizeof(int); i++)
			signal(job_signals[i], SIG_DFL);
	} else if (j && !foreground) {
		/* POSIX: without job control, cmd & ignores ^C and reads
		   nothing from the terminal */
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		int null = open("/dev/null", O_RDONLY);
		if (null >= 0 && null != 0) {
			dup2(null, 0);
			close(null);
		}
	}
	job_control = 0;
	interactive = 0;
	while (jobs)
		job_free(jobs);
}

int job_state(struct job *j)
{
	int stopped = 0;

	for (int i = 0; i < j->nprocs; i++) {
		if (j->procs[i].pid && j->procs[i].state == S_RUNNING)
			return S_RUNNING;
		stopped |= j->procs[i].state == S_STOPPED;
	}
	return stopped ? S_STOPPED : S_DONE;
}

/* The newest stopped job's number in the +/- order, or 0 when no job is
   stopped: exit warns once about each such set of jobs. */
int newest_stopped_job(void)
{
	int newest = 0;

	for (struct job *j = jobs; j; j = j->next)
		if (job_state(j) == S_STOPPED && j->seq > newest)
			newest = j->seq;
	return newest;
}

/* A wait status as $? says it: the exit status, or 128 + the signal. */
static int exit_code(int st)
{
	if (WIFSTOPPED(st))
		return 128 + WSTOPSIG(st);
	return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}

/* $? for a finished job: its last command's; with set -o pipefail, the
   last one that failed. */
int job_status(struct job *j)
{
	int i = j->nprocs - 1;

	while (opt_pipefail && i > 0 && exit_code(j->procs[i].status) == 0)
		i--;
	return exit_code(j->procs[i].status);
}

/* Record what waitpid said about pid in its job. */
static void record(pid_t pid, int status)
{
	for (struct job *j = jobs; j; j = j->next)
		for (int i = 0; i < j->nprocs; i++)
			if (j->procs[i].pid == pid) {
				j->procs[i].status = status;
				j->procs[i].state = WIFSTOPPED(status) ?
						    S_STOPPED : S_DONE;
				if (WIFSTOPPED(status))
					j->notified = 0, j->background = 0,
					j->seq = ++sequence;
				return;
			}
}

/* Wait until j is no longer running (exited, killed or stopped). */
int job_wait(struct job *j)
{
	while (job_state(j) == S_RUNNING) {
		int status;
		pid_t pid = waitpid(-1, &status, WUNTRACED);

		if (pid < 0 && errno == EINTR && !interrupted)
			continue;
		if (pid < 0 && errno == EINTR)
			break;          /* ^C at "wait" */
		if (pid < 0) {          /* nothing left to wait for */
			for (int i = 0; i < j->nprocs; i++)
				j->procs[i].state = S_DONE;
			break;
		}
		record(pid, status);
	}
	return job_state(j);
}

/* ---- reporting ---- */

static const char *state_text(struct job *j, char *buf)
{
	int st = j->procs[j->nprocs - 1].status;

	switch (job_state(j)) {
	case S_RUNNING:
		return "Running";
	case S_STOPPED:
		return "Stopped";
	}
	if (WIFSIGNALED(st))
		return strsignal(WTERMSIG(st));
	if (WEXITSTATUS(st) == 0)
		return "Done";
	sprintf(buf, "Exit %d", WEXITSTATUS(st));
	return buf;
}

/* '+' marks the current job (what fg means alone), '-' the one before. */
static int mark(struct job *j)
{
	struct job *cur = NULL, *prev = NULL;

	for (struct job *k = jobs; k; k = k->next) {
		if (!cur || k->seq >= cur->seq)
			prev = cur, cur = k;
		else if (!prev || k->seq >= prev->seq)
			prev = k;
	}
	return j == cur ? '+' : j == prev ? '-' : ' ';
}

/* "[1]+  Stopped                 sleep 100", as bash says it; fmt 1
   adds the pid (jobs -l). */
void job_print(struct job *j, int fmt)
{
	char buf[32];
	const char *and = job_state(j) == S_RUNNING && j->background ? " &" : "";

	if (fmt)
		printf("[%d]%c %d %-24s%s%s\n", j->id, mark(j), j->pgid,
		       state_text(j, buf), j->cmd, and);
	else
		printf("[%d]%c  %-24s%s%s\n", j->id, mark(j), state_text(j, buf),
		       j->cmd, and);
	fflush(stdout);
}

/* Collect, without waiting, what ended or stopped meanwhile: how many. */
int jobs_reap(void)
{
	int status, n = 0;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED)) > 0)
		record(pid, status), n++;
	return n;
}

/*
 * fork(), trying again while the kernel's process table is full
 * (EAGAIN): the shell's own children that ended may be what fills it
 * (zombies, until the shell collects them), or a script starts jobs
 * faster than they end. Collect the ended ones; if there were none,
 * give the running ones a moment (10 ms, doubling; about 2.5 s in all)
 * before the fork fails for good.
 */
pid_t sh_fork(void)
{
	for (int tries = 0; ; tries++) {
		pid_t pid = fork();
		if (pid >= 0 || errno != EAGAIN || tries == 7)
			return pid;
		if (!jobs_reap()) {
			struct timespec nap = { 0, 10000000L << tries };
			nap.tv_sec = nap.tv_nsec / 1000000000L;
			nap.tv_nsec %= 1000000000L;
			nanosleep(&nap, NULL);
		}
	}
}

/* Before a prompt: say which jobs ended or stopped meanwhile. */
void jobs_notify(void)
{
	jobs_reap();
	for (struct job *j = jobs, *next; j; j = next) {
		next = j->next;
		int state = job_state(j);
		if (state == S_RUNNING || (state == S_STOPPED && j->notified))
			continue;
		if (interactive)
			job_print(j, 0);
		j->notified = 1;
		if (state == S_DONE)
			job_free(j);
	}
}

/* ---- foreground and background ---- */

static void tty_to(pid_t pgid)
{
	if (job_control)
		tcsetpgrp(tty_fd, pgid);
}

/* A job in front: give it the terminal, wait, take the terminal back. */
int job_wait_fg(struct job *j)
{
	tty_to(j->pgid);
	int state = job_wait(j);
	tty_to(shell_pgid);
	if (job_control)
		tcsetattr(tty_fd, TCSADRAIN, &shell_modes);
	int status = job_status(j);
	if (state == S_STOPPED) {
		fputc('\n', stderr);
		j->notified = 1;
		job_print(j, 0);
		return status;
	}
	int st = j->procs[j->nprocs - 1].status;
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGINT)
		interrupted = job_control;      /* ^C ends its loop too */
	else if (WIFSIGNALED(st) && WTERMSIG(st) != SIGPIPE) {
		fprintf(stderr, "%s\n", strsignal(WTERMSIG(st)));
	}
	job_free(j);
	return status;
}

/*
 * Before a new background job: collect the ones that ended, and forget
 * all but the newest DONE_KEPT of them. An interactive shell forgets a
 * job once it said "Done" at a prompt; a script has no prompts, and one
 * that starts thousands of jobs and never waits would otherwise keep
 * their zombies (filling the kernel's process table) and their entries.
 * The newest are kept for "wait PID", which must give a finished job's
 * status (POSIX asks that at least CHILD_MAX of them be remembered).
 */
#define DONE_KEPT 64

static void forget_old_jobs(void)
{
	int done = 0;

	jobs_reap();
	for (struct job *j = jobs; j; j = j->next)
		done += job_state(j) == S_DONE;
	for (struct job *j = jobs, *next; j && done > DONE_KEPT; j = next) {
		next = j->next;         /* the list is oldest first */
		if (job_state(j) == S_DONE)
			job_free(j), done--;
	}
}

/* A new job: wait for it, or leave it running ("[1] 42" when
   interactive). */
int job_run(struct job *j, int background)
{
	if (!background)
		return job_wait_fg(j);
	forget_old_jobs();
	j->background = 1;
	j->seq = ++sequence;
	last_bg_pid = j->procs[j->nprocs - 1].pid;
	if (interactive)
		fprintf(stderr, "[%d] %d\n", j->id, last_bg_pid);
	return 0;
}

void job_continue(struct job *j, int foreground)
{
	for (int i = 0; i < j->nprocs; i++)
		if (j->procs[i].state == S_STOPPED)
			j->procs[i].state = S_RUNNING;
	j->background = !foreground;
	j->notified = 0;
	if (foreground)
		tty_to(j->pgid);
	kill(-j->pgid, SIGCONT);
}

/* %1 %+ %% %- %name, or a pid; NULL (with a message) if none. */
struct job *job_find(const char *spec)
{
	struct job *j;

	if (!spec || !strcmp(spec, "%%") || !strcmp(spec, "%+") || !strcmp(spec, "%")) {
		for (j = jobs; j && mark(j) != '+'; j = j->next)
			;
	} else if (!strcmp(spec, "%-")) {
		for (j = jobs; j && mark(j) != '-'; j = j->next)
			;
	} else if (spec[0] == '%' && spec[1] >= '0' && spec[1] <= '9') {
		for (j = jobs; j && j->id != atoi(spec + 1); j = j->next)
			;
	} else if (spec[0] == '%') {
		for (j = jobs; j && strncmp(j->cmd, spec + 1, strlen(spec + 1)); j = j->next)
			;
	} else {
		pid_t pid = atoi(spec);
		for (j = jobs; j; j = j->next)
			if (j->pgid == pid || j->procs[j->nprocs - 1].pid == pid)
				break;
	}
	if (!j)
		sh_error("%s: no such job", spec ? spec : "current");
	return j;
}
