/*
 * <time.h>'s dates on Sprout's 32-bit time_t (every field is checked
 * against glibc's on the host, tests/host/test_time.c): the 2038 edge,
 * mktime's overflow past it, and today's date from the clock. Runs as
 * process 1 (tests/guest_libc.py) and on an x86 Linux machine too.
 */
#include "check.h"
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <time.h>

int main(int argc, char **argv)
{
	time_t last = 0x7fffffff, now = time(NULL);
	struct tm tm = { .tm_year = 138, .tm_mon = 0, .tm_mday = 19,
			 .tm_hour = 3, .tm_min = 14, .tm_sec = 8 };
	char buf[64];

	check_init(argc, argv);
	strftime(buf, sizeof(buf), "%F %T %a %Z", gmtime(&last));
	expect("gmtime: the last second of a 32-bit time_t",
	       strcmp(buf, "2038-01-19 03:14:07 Tue UTC") == 0, "got %s", buf);
	errno = 0;
	expect("mktime: one second later is EOVERFLOW",
	       mktime(&tm) == (time_t)-1 && errno == EOVERFLOW, "errno %d", errno);
	tm.tm_sec = 7;
	expect("mktime: and the second before is the last", mktime(&tm) == last,
	       "%ld", (long)mktime(&tm));
	strftime(buf, sizeof(buf), "%Y", localtime(&now));
	expect("localtime of the clock: a year after 2020",
	       strcmp(buf, "2020") > 0 && strlen(ctime(&now)) == 25,
	       "year %s, ctime %s", buf, ctime(&now));
	return check_done();
}
