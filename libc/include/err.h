#ifndef _ERR_H
#define _ERR_H

/*
 * The utilities' error messages, as BSD and glibc spell them:
 *
 *   warn("%s", path)    ->  "ls: /nope: No such file or directory"
 *   warnx("bad -n")     ->  "head: bad -n"
 *   err(1, "%s", path)  ->  the first, then exit(1)
 *
 * The program's name is argv[0]'s last component (libc/err.c).
 */
#include <stdarg.h>

void warn(const char *fmt, ...);
void warnx(const char *fmt, ...);
void vwarn(const char *fmt, va_list ap);
void vwarnx(const char *fmt, va_list ap);
void err(int status, const char *fmt, ...) __attribute__((noreturn));
void errx(int status, const char *fmt, ...) __attribute__((noreturn));

#endif
