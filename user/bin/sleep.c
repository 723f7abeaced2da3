/*
 * sleep: wait a while, with nanosleep(2).
 *
 *   sleep NUMBER[SUFFIX]...     seconds (s), minutes (m), hours (h) or
 *                               days (d); fractions allowed: sleep 0.5
 *
 * Several NUMBERs add up. A signal that ends the process ends the sleep;
 * one that is caught and returns makes nanosleep() give back the time
 * left, and the sleep goes on for that.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double seconds_of(const char *arg)
{
	char *end;
	double n = strtod(arg, &end);

	if (end == arg || n < 0)
		goto bad;
	if (*end && end[1])
		goto bad;
	switch (*end) {
	case '\0': case 's': return n;
	case 'm': return n * 60;
	case 'h': return n * 3600;
	case 'd': return n * 86400;
	}
bad:
	warnx("invalid time interval '%s'", arg);
	fprintf(stderr, "usage: sleep NUMBER[smhd]...\n");
	exit(1);
}

int main(int argc, char **argv)
{
	double total = 0;
	struct timespec left;

	if (argc < 2) {
		warnx("missing operand");
		fprintf(stderr, "usage: sleep NUMBER[smhd]...\n");
		return 1;
	}
	for (int i = 1; i < argc; i++)
		total += seconds_of(argv[i]);
	left.tv_sec = (long)total;
	left.tv_nsec = (long)((total - left.tv_sec) * 1e9);
	while (nanosleep(&left, &left) < 0)
		if (errno != EINTR)
			err(1, "nanosleep");
	return 0;
}
