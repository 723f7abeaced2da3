/*
 * Signal names, the short way kill(1) and the shell spell them: "INT"
 * for SIGINT. The numbers are Linux i386's, so `kill -l` here prints
 * what it prints on Linux.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[NSIG] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT",
	[SIGILL] = "ILL", [SIGTRAP] = "TRAP", [SIGABRT] = "ABRT",
	[SIGBUS] = "BUS", [SIGFPE] = "FPE", [SIGKILL] = "KILL",
	[SIGUSR1] = "USR1", [SIGSEGV] = "SEGV", [SIGUSR2] = "USR2",
	[SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM",
	[SIGSTKFLT] = "STKFLT", [SIGCHLD] = "CHLD", [SIGCONT] = "CONT",
	[SIGSTOP] = "STOP", [SIGTSTP] = "TSTP", [SIGTTIN] = "TTIN",
	[SIGTTOU] = "TTOU", [SIGURG] = "URG", [SIGXCPU] = "XCPU",
	[SIGXFSZ] = "XFSZ", [SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF",
	[SIGWINCH] = "WINCH", [SIGIO] = "IO", [SIGPWR] = "PWR",
	[SIGSYS] = "SYS",
};

int sig2str(int sig, char *str)
{
	if (sig <= 0 || sig >= NSIG || !names[sig])
		return -1;
	strcpy(str, names[sig]);
	return 0;
}

/* "TERM", "SIGTERM" (which kill -s accepts too) or a number. */
int str2sig(const char *str, int *sig)
{
	char *end;
	long n;

	if (strncmp(str, "SIG", 3) == 0)
		str += 3;
	for (int i = 1; i < NSIG; i++)
		if (names[i] && strcmp(str, names[i]) == 0)
			return (*sig = i, 0);
	n = strtol(str, &end, 10);
	if (*str < '0' || *str > '9' || *end || n <= 0 || n >= NSIG)
		return -1;
	*sig = (int)n;
	return 0;
}
