/*
 * err.h: "prog: what: why" on stderr, the shape of every utility's
 * complaint. warn adds strerror(errno); the x forms do not.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *progname(void)
{
	const char *name = program_invocation_name ? program_invocation_name : "?";
	const char *slash = strrchr(name, '/');

	return slash ? slash + 1 : name;
}

void vwarnx(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", progname());
	if (fmt)
		vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void vwarn(const char *fmt, va_list ap)
{
	int saved = errno;      /* fprintf may change it */

	fprintf(stderr, "%s: ", progname());
	if (fmt) {
		vfprintf(stderr, fmt, ap);
		fputs(": ", stderr);
	}
	fprintf(stderr, "%s\n", strerror(saved));
}

void warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	exit(status);
}

void err(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(status);
}
