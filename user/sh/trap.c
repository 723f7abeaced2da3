/*
 * trap 'commands' SIGNAL...: run commands when the signal arrives, or
 * (for EXIT, or 0) when the shell ends.
 *
 * A signal handler may interrupt the shell anywhere (in the middle of
 * malloc, say), so the handler only notes that the signal came; the
 * commands run later, between two commands (run_traps, called by
 * exec_node), where the shell is in a sane state.
 *
 *   trap '' SIG     ignore it          trap - SIG    the default again
 *   trap            list the traps
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

char *exit_trap;
static char *traps[NSIG];
static volatile sig_atomic_t caught[NSIG];
static volatile sig_atomic_t any_caught;

static void on_signal(int sig)
{
	caught[sig] = 1;
	any_caught = 1;
}

void run_traps(void)
{
	if (!any_caught)
		return;
	any_caught = 0;
	for (int sig = 1; sig < NSIG; sig++)
		if (caught[sig]) {
			caught[sig] = 0;
			int saved = last_status;
			if (traps[sig])
				run_string(traps[sig]);
			last_status = saved;
		}
}

static int trap_number(const char *name)
{
	int sig;

	if (!strcmp(name, "EXIT") || !strcmp(name, "0"))
		return 0;
	if (str2sig(!strncmp(name, "SIG", 3) ? name + 3 : name, &sig) < 0)
		return -1;
	return sig;
}

static void print_traps(void)
{
	char name[SIG2STR_MAX];

	if (exit_trap)
		printf("trap -- '%s' EXIT\n", exit_trap);
	for (int sig = 1; sig < NSIG; sig++)
		if (traps[sig] && sig2str(sig, name) == 0)
			printf("trap -- '%s' %s\n", traps[sig], name);
}

static void set_trap(int sig, const char *action)
{
	char **slot = sig ? &traps[sig] : &exit_trap;
	struct sigaction sa = { 0 };

	free(*slot);
	*slot = strcmp(action, "-") ? xstrdup(action) : NULL;
	if (!sig)
		return;
	sa.sa_handler = !*slot ? SIG_DFL : !**slot ? SIG_IGN : on_signal;
	sigaction(sig, &sa, NULL);
}

int b_trap(int argc, char **argv)
{
	int status = 0;

	if (argc == 1) {
		print_traps();
		return 0;
	}
	int first = 2;
	const char *action = argv[1];
	if (trap_number(argv[1]) >= 0 && argc == 2)
		action = "-", first = 1;        /* trap SIG: reset it */
	for (int i = first; i < argc; i++) {
		int sig = trap_number(argv[i]);
		if (sig < 0 || sig == SIGKILL || sig == SIGSTOP) {
			sh_error("trap: %s: invalid signal specification", argv[i]);
			status = 1;
			continue;
		}
		set_trap(sig, action);
	}
	return status;
}
