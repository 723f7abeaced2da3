/* clock(): the CPU time this process has used, in CLOCKS_PER_SEC units
   (POSIX fixes 1000000), from the process's CPU-time clock. It moves in
   steps of a timer tick, 10 ms. */
#include <time.h>

clock_t clock(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0)
		return (clock_t)-1;
	return (clock_t)(ts.tv_sec * CLOCKS_PER_SEC +
			 ts.tv_nsec / (1000000000 / CLOCKS_PER_SEC));
}
