/*
 * /proc/stat, where top reads the CPU's time: "cpu" and "cpu0" lines of
 * ten counts in 1/100 s, which grow as time is spent (user time while
 * this program computes, idle time while it sleeps - on Sprout, where
 * it runs alone), and btime, the second the machine booted.
 */
#include "check.h"
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mount.h>

struct cpu_times { unsigned long long user, nice, sys, idle; };

static char text[4096];

static int read_stat(void)
{
	int fd = open("/proc/stat", O_RDONLY), n;

	if (fd < 0)
		return -1;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	text[n > 0 ? n : 0] = '\0';
	return n;
}

/* The line that starts with name ("cpu ", "cpu0 "): 1 if its first four
   counts were read. */
static int cpu_line(const char *name, struct cpu_times *t)
{
	char *p = strstr(text, name);

	return p && sscanf(p + strlen(name), "%llu %llu %llu %llu", &t->user,
			   &t->nice, &t->sys, &t->idle) == 4;
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec - start->tv_sec + (now.tv_nsec - start->tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
	struct cpu_times before, after, cpu0;
	struct timespec start;
	volatile unsigned long spin = 0;
	unsigned long btime = 0;
	char *p;

	check_init(argc, argv);
	if (is_init())
		mount("proc", "/proc", "proc", 0, NULL);
	expect("/proc/stat can be read", read_stat() > 0, "no text");
	expect("the first line: cpu and ten counts", !strncmp(text, "cpu  ", 5) &&
	       cpu_line("cpu ", &before), "got \"%.60s\"", text);
	expect("a cpu0 line", cpu_line("\ncpu0 ", &cpu0), "none");
	p = strstr(text, "\nbtime ");
	expect("btime: booted before now, after 2000",
	       p && sscanf(p + 7, "%lu", &btime) == 1 && btime <= (unsigned long)time(NULL) &&
	       btime > 946684800UL, "btime %lu", btime);

	clock_gettime(CLOCK_MONOTONIC, &start);
	while (seconds_since(&start) < 0.5)
		spin++;
	sleep(1);
	read_stat();
	cpu_line("cpu ", &after);
	expect("user and system time grow while this program computes",
	       after.user + after.sys >= before.user + before.sys + 25,
	       "from %llu to %llu", before.user + before.sys, after.user + after.sys);
	if (on_sprout())        /* as process 1 it is alone: the CPU idles */
		expect("idle time grows while it sleeps", after.idle >= before.idle + 50,
		       "from %llu to %llu", before.idle, after.idle);
	else
		skip("idle time grows while it sleeps", "other work may keep Linux's CPUs busy");
	return check_done();
}
