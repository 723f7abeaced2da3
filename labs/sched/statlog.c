/*
 * The process-state log: a known workload, then /proc/sched_log.
 *
 * Three children, started together:
 *   sleeper   sleeps 200 ms (20 ticks) and exits: mostly W
 *   cpu1      spins for 20 ticks of CPU time
 *   cpu2      spins for 10 ticks; cpu1 and cpu2 share the CPU, so at
 *             least one of them waits, ready (J), while the other runs
 * The parent waits for all three, prints their pids, and copies the log
 * out. labs/sched/stat_log.py turns it into each one's waiting time and
 * turnaround (the grader checks those against the workload).
 */
#include "sched_lab.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/times.h>
#include <sys/wait.h>

static long cpu_ticks(void)
{
	struct tms t;

	times(&t);
	return t.tms_utime + t.tms_stime;
}

static pid_t start(const int go[2], void (*work)(void))
{
	pid_t pid = fork();
	char c;

	if (pid == 0) {
		close(go[1]);
		read(go[0], &c, 1);     /* wait for the start: end of file */
		work();
		_exit(0);
	}
	return pid;
}

static void sleeper(void)
{
	usleep(200000);
}

static void spin(long ticks)
{
	long end = cpu_ticks() + ticks;

	while (cpu_ticks() < end)
		;
}

static void cpu1(void)
{
	spin(20);
}

static void cpu2(void)
{
	spin(10);
}

/* Copy the log to standard output, after a line that says it begins. */
static int dump_log(void)
{
	char buf[512];
	ssize_t n;
	int fd = open("/proc/sched_log", O_RDONLY);

	if (fd < 0) {
		expect("sched_log", 0, "/proc/sched_log: %s", strerror(errno));
		return 1;
	}
	printf("--- /proc/sched_log\n");
	fflush(stdout);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	close(fd);
	printf("--- end\n");
	return 0;
}

int main(void)
{
	int go[2];
	pid_t s, c1, c2;

	alarm(60);
	if (pipe(go) < 0) {
		perror("statlog: pipe");
		return 1;
	}
	s = start(go, sleeper);
	c1 = start(go, cpu1);
	c2 = start(go, cpu2);
	close(go[0]);
	close(go[1]);                   /* go */
	while (wait(NULL) > 0)
		;
	printf("sleeper %d cpu1 %d cpu2 %d\n", s, c1, c2);
	return dump_log();
}
