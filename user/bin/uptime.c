/*
 * uptime: the time, how long the system has been up (/proc/uptime:
 * seconds since boot), and the load averages (/proc/loadavg: how many
 * processes were running or waiting to run, averaged over the last 1, 5
 * and 15 minutes), as procps prints them:
 *
 *    23:20:00 up  2:29,  0 user,  load average: 0.00, 0.00, 0.00
 *
 * Sprout keeps no record of logins (utmp), so there are 0 users.
 */
#include <err.h>
#include <stdio.h>
#include <time.h>

static void read_numbers(const char *path, const char *format, double *a,
			 double *b, double *c, int count)
{
	FILE *f = fopen(path, "r");

	if (!f)
		err(1, "%s", path);
	if (fscanf(f, format, a, b, c) != count)
		errx(1, "%s: unexpected contents", path);
	fclose(f);
}

int main(int argc, char **argv)
{
	double up, load1, load5, load15, unused;
	time_t now = time(NULL);
	struct tm *tm = localtime(&now);
	long minutes, days, hours;

	if (argc > 1) {
		fprintf(stderr, "usage: %s\n", argv[0]);
		return 1;
	}
	read_numbers("/proc/uptime", "%lf %lf", &up, &unused, &unused, 2);
	read_numbers("/proc/loadavg", "%lf %lf %lf", &load1, &load5, &load15, 3);
	minutes = (long)up / 60;
	days = minutes / (24 * 60);
	hours = minutes / 60 % 24;
	printf(" %02d:%02d:%02d up ", tm->tm_hour, tm->tm_min, tm->tm_sec);
	if (days)
		printf("%ld %s, ", days, days > 1 ? "days" : "day");
	if (hours)
		printf("%2ld:%02ld, ", hours, minutes % 60);
	else
		printf("%ld min, ", minutes % 60);
	printf("%2d %s,  load average: %.2f, %.2f, %.2f\n", 0, "user", load1, load5,
	       load15);
	return 0;
}
