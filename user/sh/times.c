/*
 * times: the CPU time the shell has used, and its children.
 *
 *   0m0.030s 0m0.120s        the shell: user mode, kernel mode
 *   0m1.250s 0m0.410s        its children (those waited for), likewise
 *
 * times(2) counts in clock ticks, sysconf(_SC_CLK_TCK) of them a
 * second. A child's time is added to its parent's tms_cutime and
 * tms_cstime only when the parent waits for it, which is why a job
 * still running does not count yet.
 */
#include <stdio.h>
#include <sys/times.h>
#include <unistd.h>
#include "sh.h"

static void print_ticks(long ticks, long hz, char after)
{
	long ms = ticks * 1000 / hz;

	printf("%ldm%ld.%03lds%c", ms / 60000, ms / 1000 % 60, ms % 1000, after);
}

int b_times(int argc, char **argv)
{
	struct tms t;
	long hz = sysconf(_SC_CLK_TCK);

	(void)argc, (void)argv;
	times(&t);
	print_ticks(t.tms_utime, hz, ' ');
	print_ticks(t.tms_stime, hz, '\n');
	print_ticks(t.tms_cutime, hz, ' ');
	print_ticks(t.tms_cstime, hz, '\n');
	return 0;
}
