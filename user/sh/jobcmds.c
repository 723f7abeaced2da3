/*
 * The job-control builtins: jobs, fg, bg, wait, kill (jobs.c has the
 * machinery they drive).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "sh.h"

/* jobs [-l]: every job and its state; finished ones are then forgotten. */
int b_jobs(int argc, char **argv)
{
	int with_pids = argc > 1 && !strcmp(argv[1], "-l");

	jobs_reap();
	for (struct job *j = jobs, *next; j; j = next) {
		next = j->next;
		job_print(j, with_pids);
		j->notified = 1;
		if (job_state(j) == S_DONE)
			job_free(j);
	}
	return 0;
}

/* fg [%n]: the job in front, continued; bg [%n]: continued behind. */
int b_fg(int argc, char **argv)
{
	int foreground = !strcmp(argv[0], "fg");
	struct job *j = job_find(argc > 1 ? argv[1] : NULL);

	if (!j)
		return 1;
	if (!job_control) {
		sh_error("%s: no job control", argv[0]);
		return 1;
	}
	if (foreground) {
		printf("%s\n", j->cmd);
		fflush(stdout);
		job_continue(j, 1);
		return job_wait_fg(j);
	}
	job_continue(j, 0);
	printf("[%d]+ %s &\n", j->id, j->cmd);
	return 0;
}

/* wait [%n | pid ...]: until those (or all) jobs end; the last one's
   status. */
int b_wait(int argc, char **argv)
{
	int status = 0;

	if (argc == 1) {
		while (jobs && !interrupted) {
			if (job_wait(jobs) != S_DONE)
				break;
			job_free(jobs);
		}
		return interrupted ? 130 : 0;
	}
	for (int i = 1; i < argc; i++) {
		struct job *j = job_find(argv[i]);
		if (!j) {
			status = 127;
			continue;
		}
		if (job_wait(j) == S_RUNNING)
			return 130;     /* ^C */
		status = job_status(j);
		if (job_state(j) == S_DONE)
			job_free(j);
	}
	return status;
}

/* kill -l: every signal's name; kill -l N: the name of signal N (or
   of the signal that made exit status N, 128 + N); kill -l NAME: its
   number. */
static int list_signals(const char *which)
{
	char name[SIG2STR_MAX];
	int sig;

	if (which && which[0] >= '0' && which[0] <= '9') {
		sig = atoi(which);
		if (sig2str(sig > 128 ? sig - 128 : sig, name) < 0) {
			sh_error("kill: %s: invalid signal specification", which);
			return 1;
		}
		printf("%s\n", name);
		return 0;
	}
	if (which) {
		if (str2sig(which, &sig) < 0) {
			sh_error("kill: %s: invalid signal specification", which);
			return 1;
		}
		printf("%d\n", sig);
		return 0;
	}
	for (sig = 1; sig < NSIG; sig++)
		if (sig2str(sig, name) == 0)
			printf("%s%c", name, sig % 8 == 0 || sig == NSIG - 1 ? '\n' : ' ');
	return 0;
}

/* -TERM, -s TERM, -15, -n 15: the signal named; argv advanced. */
static int signal_option(char ***argv)
{
	char *s = **argv;
	int sig = SIGTERM;

	if (s && s[0] == '-' && s[1] && strcmp(s, "--")) {
		if ((!strcmp(s, "-s") || !strcmp(s, "-n")) && (*argv)[1])
			s = *++*argv;
		else
			s++;
		if (!strcmp(s, "0"))
			sig = 0;        /* kill -0 pid: does it exist? */
		else if (str2sig(s, &sig) < 0) {
			sh_error("kill: %s: invalid signal specification", s);
			return -1;
		}
		++*argv;
	}
	if (**argv && !strcmp(**argv, "--"))
		++*argv;
	return sig;
}

/* kill [-SIG] pid | %job ... ; kill -l */
int b_kill(int argc, char **argv)
{
	int status = 0, sig;

	if (argc > 1 && !strcmp(argv[1], "-l"))
		return list_signals(argv[2]);
	argv++;
	if ((sig = signal_option(&argv)) < 0)
		return 2;
	if (!*argv) {
		sh_error("kill: usage: kill [-s sigspec | -sigspec] pid | %%job ...");
		return 2;
	}
	for (; *argv; argv++) {
		pid_t target;
		struct job *j = NULL;
		if (**argv == '%') {
			if (!(j = job_find(*argv))) {
				status = 1;
				continue;
			}
			target = -j->pgid;
		} else {
			char *end;
			target = strtol(*argv, &end, 10);
			if (!**argv || *end) {
				sh_error("kill: %s: arguments must be process or job IDs", *argv);
				status = 1;
				continue;
			}
		}
		if (kill(target, sig) < 0) {
			sh_error("kill: (%s) - %s", *argv, strerror(errno));
			status = 1;
		} else if (j && job_state(j) == S_STOPPED) {
			job_continue(j, 0);     /* a stopped job must see it */
		}
	}
	return status;
}
