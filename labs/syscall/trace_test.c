/*
 * What trace() prints, for labs/syscall/grade.py to read. The program
 * says which pid is whose ("parent P", "child C"); the kernel's lines
 * ("P: syscall getpid -> P") come between. In order:
 *   - the parent traces getpid and close, and calls both (close(-1)
 *     fails: EBADF, 9), and write (through printf), which it does not
 *     trace;
 *   - its child, which inherits the mask, calls getpid;
 *   - the parent turns tracing off with trace(0) and calls getpid again,
 *     which must not be printed.
 * Its own cases are that trace() returns 0.
 */
#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lab.h"

int main(void)
{
	int n, status;
	pid_t child;

	alarm(10);      /* a kernel that hangs in the calls fails, not hangs */
	n = trace(TRACE_GETPID | TRACE_CLOSE);
	expect("trace returns 0", n == 0, "trace: %d, errno %d (%s)", n, errno,
	       strerror(errno));
	printf("parent %d\n", getpid());
	close(-1);
	child = fork();
	if (child == 0) {
		printf("child %d\n", getpid());
		_exit(0);
	}
	waitpid(child, &status, 0);
	n = trace(0);
	expect("trace(0) returns 0", n == 0, "trace(0): %d, errno %d (%s)", n,
	       errno, strerror(errno));
	printf("untraced %d\n", getpid());
	return 0;
}
