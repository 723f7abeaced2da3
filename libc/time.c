/*
 * Calendar time: seconds since the Epoch (1970-01-01 00:00:00 UTC) to a
 * date and back, in the proleptic Gregorian calendar - a year is a leap
 * year if divisible by 4, except centuries not divisible by 400.
 *
 * Sprout has no time zones: local time is UTC, so localtime is gmtime,
 * mktime reads its fields as UTC, and there is never daylight saving.
 * (Leap seconds are not counted, as POSIX says: every day is 86400 s.)
 */
#include <time.h>
#include <errno.h>

/* Rounding down, not toward zero: days before 1970 are negative. */
static long long div_floor(long long a, long long b)
{
	return a / b - (a % b < 0);
}

static int is_leap(long long year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Days from 1970-01-01 to January 1st of year: 365 a year plus one for
   each leap day in between, counted by the rule above. */
static long long days_before_year(long long year)
{
	long long y = year - 1;
	long long leaps = div_floor(y, 4) - div_floor(y, 100) + div_floor(y, 400);

	return 365 * (year - 1970) + leaps - 477;   /* 477 leap days before 1970 */
}

/* Days in the year before month (0-11) starts. */
static int days_before_month(int month, int leap)
{
	static const short before[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
	};

	return before[month] + (leap && month > 1);
}

struct tm *gmtime_r(const time_t *t, struct tm *tm)
{
	long long days = div_floor(*t, 86400);      /* whole days since 1970 */
	long long secs = *t - days * 86400;         /* and seconds into the last */
	long long year = 1970 + div_floor(days * 400, 146097);   /* 146097 days per 400 years */
	int yday, month = 11;

	/* The guess from the average year length may be one off. */
	while (days_before_year(year) > days)
		year--;
	while (days_before_year(year + 1) <= days)
		year++;
	yday = days - days_before_year(year);
	while (days_before_month(month, is_leap(year)) > yday)
		month--;
	tm->tm_year = year - 1900;
	tm->tm_mon = month;
	tm->tm_mday = yday - days_before_month(month, is_leap(year)) + 1;
	tm->tm_yday = yday;
	tm->tm_wday = days + 4 - div_floor(days + 4, 7) * 7;   /* 1970-01-01 was a Thursday */
	tm->tm_hour = secs / 3600;
	tm->tm_min = secs / 60 % 60;
	tm->tm_sec = secs % 60;
	tm->tm_isdst = 0;
	return tm;
}

struct tm *gmtime(const time_t *t)
{
	static struct tm tm;

	return gmtime_r(t, &tm);
}

struct tm *localtime_r(const time_t *t, struct tm *tm)
{
	return gmtime_r(t, tm);         /* local time is UTC */
}

struct tm *localtime(const time_t *t)
{
	return gmtime(t);
}

/*
 * The fields may be out of their ranges - 32 January, minute -5, month
 * 14 - and count on into the next field, which is how programs do date
 * arithmetic: add 30 to tm_mday and call mktime. The fields are then
 * rewritten normalized, with tm_wday and tm_yday filled in.
 */
time_t mktime(struct tm *tm)
{
	long long year = 1900LL + tm->tm_year + div_floor(tm->tm_mon, 12);
	int month = tm->tm_mon - div_floor(tm->tm_mon, 12) * 12;
	long long days = days_before_year(year) +
		days_before_month(month, is_leap(year)) + tm->tm_mday - 1;
	long long secs = days * 86400 + tm->tm_hour * 3600LL +
		tm->tm_min * 60LL + tm->tm_sec;
	time_t t = secs;

	if (t != secs) {                /* past 2038 with a 32-bit time_t */
		errno = EOVERFLOW;
		return -1;
	}
	gmtime_r(&t, tm);
	return t;
}

double difftime(time_t end, time_t start)
{
	return (double)end - (double)start;
}
