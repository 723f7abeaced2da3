/*
 * Time in a glibc program: time(), clock_gettime (glibc tries the
 * 64-bit-time call first and falls back), gettimeofday, nanosleep, and
 * gmtime/strftime.
 */
#include "../user/check.h"
#include <string.h>
#include <sys/time.h>
#include <time.h>

int main(void)
{
	struct timespec rt, m1, m2, nap = { 0, 20 * 1000 * 1000 };
	struct timeval tv;
	time_t t = time(NULL), fixed = 1000000000;
	char buf[64];

	clock_gettime(CLOCK_REALTIME, &rt);
	gettimeofday(&tv, NULL);
	expect("time() is after 2020", t > 1577836800, "%lld", (long long)t);
	expect("clock_gettime agrees with time()", rt.tv_sec - t <= 1 &&
	       rt.tv_sec >= t, "%lld vs %lld", (long long)rt.tv_sec,
	       (long long)t);
	expect("gettimeofday agrees", tv.tv_sec - t <= 1 && tv.tv_sec >= t,
	       "%lld", (long long)tv.tv_sec);
	clock_gettime(CLOCK_MONOTONIC, &m1);
	nanosleep(&nap, NULL);
	clock_gettime(CLOCK_MONOTONIC, &m2);
	expect("nanosleep 20 ms moves CLOCK_MONOTONIC by 20 ms or more",
	       (m2.tv_sec - m1.tv_sec) * 1000000000LL + m2.tv_nsec -
	       m1.tv_nsec >= 20000000, "%ld ns", (long)(m2.tv_nsec -
	       m1.tv_nsec));
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", gmtime(&fixed));
	expect("gmtime and strftime", strcmp(buf, "2001-09-09 01:46:40") == 0,
	       "%s", buf);
	return check_done();
}
