/*
 * date: print the date and time: time(2) gives the seconds since
 * 1970-01-01 00:00 UTC (the epoch), gmtime() breaks them into a
 * calendar date, strftime() formats it.
 *
 *   date [-u] [-d @SECONDS] [+FORMAT]
 *
 * The default format is GNU's, "Tue Dec  1 23:20:00 UTC 2026"; +FORMAT
 * is strftime's (date +%Y-%m-%d). -d @SECONDS: that moment instead of
 * now. -u: in UTC (TZ=UTC0), which on Sprout, without time zones, is
 * the only time there is.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: date [-u] [-d @seconds] [+format]\n");
	exit(1);
}

int main(int argc, char **argv)
{
	const char *format = "%a %b %e %H:%M:%S %Z %Y";
	char buf[1024], *end;
	time_t t = time(NULL);
	struct tm *tm;
	int c;

	while ((c = getopt(argc, argv, "ud:")) != -1) {
		if (c == 'u') {
			setenv("TZ", "UTC0", 1);        /* POSIX's way to say UTC */
		} else if (c == 'd') {
			long long s = optarg[0] == '@' ? strtoll(optarg + 1, &end, 10) : 0;

			if (optarg[0] != '@' || end == optarg + 1 || *end)
				errx(1, "invalid date '%s'", optarg);
			t = (time_t)s;
		} else {
			usage();
		}
	}
	if (optind < argc && argv[optind][0] == '+')
		format = argv[optind++] + 1;
	if (optind < argc) {
		warnx("invalid date '%s' (setting the clock is not supported)", argv[optind]);
		usage();
	}
	tm = localtime(&t);
	if (!tm)
		errx(1, "time %lld is out of range", (long long)t);
	/* strftime's 0 is also a correct empty result (date +): print it */
	strftime(buf, sizeof(buf), format, tm);
	puts(buf);
	return 0;
}
