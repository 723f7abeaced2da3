/*
 * Dates as text: strftime, and asctime and ctime, its fixed-format
 * ancestors. Only the C ("POSIX") locale: English names, and %c, %x, %X
 * in its formats. The time zone is always UTC (see time.c).
 */
#include <time.h>
#include <stdio.h>
#include <string.h>

static const char *const days[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};
static const char *const months[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* The output so far: len counts every byte, even those past size. */
struct out {
	char *buf;
	size_t size, len;
};

static void put(struct out *o, const char *s)
{
	for (; *s; s++, o->len++)
		if (o->len < o->size)
			o->buf[o->len] = *s;
}

/* A name from table, whole or its first three letters; "?" if the
   field is out of range. */
static void put_name(struct out *o, const char *const *table, int i, int n,
		     int whole)
{
	char abbr[4];

	if (i < 0 || i >= n) {
		put(o, "?");
		return;
	}
	snprintf(abbr, sizeof(abbr), "%s", table[i]);
	put(o, whole ? table[i] : abbr);
}

static void put_number(struct out *o, const char *fmt, long long n)
{
	char num[24];

	snprintf(num, sizeof(num), fmt, n);
	put(o, num);
}

static void format(struct out *o, const char *fmt, const struct tm *tm);

/* The weekday (0: Sunday) of 31 December of year y. */
static int dec31_wday(long long y)
{
	return (y + y / 4 - y / 100 + y / 400) % 7;
}

/* A year has 53 ISO weeks if it ends on a Thursday, or began on one
   (the year before ended on a Wednesday); the others have 52. */
static int iso_weeks(long long y)
{
	return 52 + (dec31_wday(y) == 4 || dec31_wday(y - 1) == 3);
}

/* ISO 8601 week (%V): weeks start on Monday, and week 1 is the one with
   the year's first Thursday; the days before it are in the last week of
   the year before. *year is the year the week belongs to (%G). */
static int iso_week(const struct tm *tm, long long *year)
{
	int monday_wday = (tm->tm_wday + 6) % 7;
	int week = (tm->tm_yday - monday_wday + 10) / 7;

	*year = tm->tm_year + 1900LL;
	if (week < 1)
		return iso_weeks(--*year);
	if (week > iso_weeks(*year)) {
		++*year;
		return 1;
	}
	return week;
}

/* One conversion, %c; those made of others call format again. */
static void convert(struct out *o, char c, const struct tm *tm)
{
	struct tm copy = *tm;
	int hour12 = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12;
	long long iso_year;
	int iso = iso_week(tm, &iso_year);

	switch (c) {
	case 'a': put_name(o, days, tm->tm_wday, 7, 0); break;
	case 'A': put_name(o, days, tm->tm_wday, 7, 1); break;
	case 'b': case 'h': put_name(o, months, tm->tm_mon, 12, 0); break;
	case 'B': put_name(o, months, tm->tm_mon, 12, 1); break;
	case 'Y': put_number(o, "%lld", tm->tm_year + 1900LL); break;
	case 'y': put_number(o, "%02lld", (tm->tm_year + 1900LL) % 100); break;
	case 'm': put_number(o, "%02lld", tm->tm_mon + 1LL); break;
	case 'd': put_number(o, "%02lld", tm->tm_mday); break;
	case 'e': put_number(o, "%2lld", tm->tm_mday); break;
	case 'j': put_number(o, "%03lld", tm->tm_yday + 1LL); break;
	case 'C': put_number(o, "%02lld", (tm->tm_year + 1900LL) / 100); break;
	case 'G': put_number(o, "%lld", iso_year); break;
	case 'g': put_number(o, "%02lld", iso_year % 100); break;
	case 'V': put_number(o, "%02lld", iso); break;
	case 'U': put_number(o, "%02lld", (tm->tm_yday + 7 - tm->tm_wday) / 7); break;
	case 'W': put_number(o, "%02lld",
			     (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7); break;
	case 'u': put_number(o, "%lld", tm->tm_wday ? tm->tm_wday : 7); break;
	case 'w': put_number(o, "%lld", tm->tm_wday); break;
	case 'H': put_number(o, "%02lld", tm->tm_hour); break;
	case 'k': put_number(o, "%2lld", tm->tm_hour); break;
	case 'I': put_number(o, "%02lld", hour12); break;
	case 'l': put_number(o, "%2lld", hour12); break;
	case 'M': put_number(o, "%02lld", tm->tm_min); break;
	case 'S': put_number(o, "%02lld", tm->tm_sec); break;
	case 'p': put(o, tm->tm_hour < 12 ? "AM" : "PM"); break;
	case 'P': put(o, tm->tm_hour < 12 ? "am" : "pm"); break;
	case 'Z': put(o, "UTC"); break;
	case 'z': put(o, "+0000"); break;
	case 's': put_number(o, "%lld", (long long)mktime(&copy)); break;
	case 'n': put(o, "\n"); break;
	case 't': put(o, "\t"); break;
	case '%': put(o, "%"); break;
	case 'F': format(o, "%Y-%m-%d", tm); break;
	case 'T': format(o, "%H:%M:%S", tm); break;
	case 'R': format(o, "%H:%M", tm); break;
	case 'r': format(o, "%I:%M:%S %p", tm); break;
	case 'D': case 'x': format(o, "%m/%d/%y", tm); break;
	case 'X': format(o, "%H:%M:%S", tm); break;
	case 'c': format(o, "%a %b %e %H:%M:%S %Y", tm); break;
	default:                        /* not one we know: kept as written */
		put(o, "%");
		put(o, (char[]){ c, '\0' });
	}
}

static void format(struct out *o, const char *fmt, const struct tm *tm)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%' || !fmt[1])
			put(o, (char[]){ *fmt, '\0' });
		else
			convert(o, *++fmt, tm);
	}
}

/* The length written, or 0 (and buf undefined) if it did not fit with
   its '\0'. */
size_t strftime(char *buf, size_t size, const char *fmt, const struct tm *tm)
{
	struct out o = { buf, size, 0 };

	format(&o, fmt, tm);
	if (o.len >= size)
		return 0;
	buf[o.len] = '\0';
	return o.len;
}

/* "Thu Jan  1 00:00:00 1970\n", in a buffer each call overwrites. */
char *asctime(const struct tm *tm)
{
	static char buf[64];

	strftime(buf, sizeof(buf), "%c\n", tm);
	return buf;
}

char *ctime(const time_t *t)
{
	return asctime(localtime(t));
}
