/*
 * abort(): end the process the way a crash does, so its parent's wait
 * sees "killed by SIGABRT".
 */
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>

/* End by SIGABRT, so the parent's wait sees it. A handler may catch it
   once and return (or it may be ignored): then the default action is put
   back and the signal sent again, which cannot be caught. */
void abort(void)
{
	raise(SIGABRT);
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	_exit(127);             /* blocked, which only sigprocmask could do */
}
