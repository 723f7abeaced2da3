/*
 * Included first into each file of the time test: the host's time.h is
 * read before libc's date functions are renamed our_*, so the host's
 * own declarations (and its struct tm) stay as they are.
 */
#include <time.h>
#define gmtime our_gmtime
#define gmtime_r our_gmtime_r
#define localtime our_localtime
#define localtime_r our_localtime_r
#define mktime our_mktime
#define difftime our_difftime
#define strftime our_strftime
#define asctime our_asctime
#define ctime our_ctime
struct tm *our_gmtime(const time_t *t);
struct tm *our_gmtime_r(const time_t *t, struct tm *tm);
struct tm *our_localtime(const time_t *t);
struct tm *our_localtime_r(const time_t *t, struct tm *tm);
time_t our_mktime(struct tm *tm);
double our_difftime(time_t end, time_t start);
size_t our_strftime(char *buf, size_t size, const char *fmt, const struct tm *tm);
char *our_asctime(const struct tm *tm);
char *our_ctime(const time_t *t);
