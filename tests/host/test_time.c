/*
 * libc's date functions (libc/time.c, libc/strftime.c, built here as
 * our_*) against glibc's with TZ=UTC - Sprout's local time - over random
 * times in a 32-bit time_t's range, its edges, leap days and centuries;
 * mktime over random out-of-range fields; strftime's every conversion.
 */
#undef gmtime
#undef gmtime_r
#undef localtime
#undef localtime_r
#undef mktime
#undef difftime
#undef strftime
#undef asctime
#undef ctime
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "check.h"

static int same_tm(const struct tm *a, const struct tm *b)
{
	return a->tm_sec == b->tm_sec && a->tm_min == b->tm_min &&
	       a->tm_hour == b->tm_hour && a->tm_mday == b->tm_mday &&
	       a->tm_mon == b->tm_mon && a->tm_year == b->tm_year &&
	       a->tm_wday == b->tm_wday && a->tm_yday == b->tm_yday &&
	       a->tm_isdst == b->tm_isdst;
}

/* A 32-bit time: often an edge or a day boundary near a leap day. */
static time_t random_time(void)
{
	static const time_t edges[] = {
		0, -1, 1, INT32_MAX, INT32_MIN, 86399, 86400, -86400,
		951782400,      /* 2000-02-29 */
		951868800,      /* 2000-03-01 */
		-2145916800,    /* 1902-01-01 */
		68169600,       /* 1972-02-29 */
		2140000000,
	};

	switch (rand() % 4) {
	case 0:
		return edges[rand() % 13] + rand() % 3 - 1;
	case 1:
		return (time_t)(int32_t)(uint32_t)((unsigned)rand() * 2u + rand() % 2);
	default:
		return (time_t)(rand() % 50000 - 25000) * 86400 + rand() % 3 - 1;
	}
}

static void check_strftime(const struct tm *tm, const char *fmt, size_t size)
{
	char ours[256], theirs[256];
	size_t n1 = our_strftime(ours, size, fmt, tm);
	size_t n2 = strftime(theirs, size, fmt, tm);

	if (n1 != n2 || (n1 && strcmp(ours, theirs) != 0))
		printf("# \"%s\": ours %zu \"%s\", glibc %zu \"%s\"\n", fmt,
		       n1, n1 ? ours : "", n2, n2 ? theirs : "");
	CHECK(n1 == n2 && (n1 == 0 || strcmp(ours, theirs) == 0));
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	srand(11);
	CASE("gmtime, localtime: random times as glibc's") {
		for (int i = 0; i < 300000 && !check_failed; i++) {
			time_t t = random_time();
			struct tm a, b;

			our_gmtime_r(&t, &a);
			gmtime_r(&t, &b);
			if (!same_tm(&a, &b))
				printf("# t=%lld\n", (long long)t);
			CHECK(same_tm(&a, &b));
			CHECK(same_tm(our_localtime(&t), localtime(&t)));
		}
	}
	CASE("mktime: out-of-range fields normalized as glibc's") {
		for (int i = 0; i < 300000 && !check_failed; i++) {
			time_t t = random_time();
			struct tm a, b;
			time_t r1, r2;

			gmtime_r(&t, &a);
			a.tm_sec += rand() % 200001 - 100000;
			a.tm_min += rand() % 4001 - 2000;
			a.tm_hour += rand() % 201 - 100;
			a.tm_mday += rand() % 1001 - 500;
			a.tm_mon += rand() % 61 - 30;
			a.tm_isdst = 0;
			b = a;
			r1 = our_mktime(&a);
			r2 = mktime(&b);
			if (r2 != (int32_t)r2)
				continue;       /* past a 32-bit time_t */
			if (r1 != r2 || !same_tm(&a, &b))
				printf("# mktime: ours %lld glibc %lld\n",
				       (long long)r1, (long long)r2);
			CHECK(r1 == r2 && same_tm(&a, &b));
		}
	}
	CASE("strftime: each conversion, and the C locale's %c %x %X") {
		static const char *fmts[] = {
			"%Y", "%m", "%d", "%H", "%M", "%S", "%a", "%A", "%b",
			"%B", "%e", "%j", "%p", "%y", "%Z", "%F", "%T", "%D",
			"%R", "%c", "%x", "%X", "%%", "%s", "%n%t",
			"at %H:%M on %A, %e %B %Y (day %j) %p %Z",
			"%C", "%G", "%g", "%V", "%U", "%W", "%u", "%w", "%k",
			"%I", "%l", "%P", "%z", "%h", "%r",
		};

		for (int i = 0; i < 20000 && !check_failed; i++) {
			time_t t = random_time();
			struct tm tm;

			localtime_r(&t, &tm);  /* glibc's gmtime says "GMT" */
			for (size_t f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
				check_strftime(&tm, fmts[f], 256);
		}
	}
	CASE("strftime: 0 when the text and its '\\0' do not fit") {
		struct tm tm;
		time_t t = 0;

		gmtime_r(&t, &tm);
		for (size_t size = 0; size < 12; size++)
			check_strftime(&tm, "%Y-%m-%d", size);
	}
	CASE("asctime, ctime, difftime as glibc's") {
		for (int i = 0; i < 20000 && !check_failed; i++) {
			time_t t = random_time(), u = random_time();
			char ours[64];

			strcpy(ours, our_ctime(&t));
			CHECK(strcmp(ours, ctime(&t)) == 0);
			CHECK(strcmp(our_asctime(gmtime(&t)), asctime(gmtime(&t))) == 0);
			CHECK(our_difftime(t, u) == difftime(t, u));
		}
	}
	return 0;
}
