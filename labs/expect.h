/*
 * The lab programs' result lines, one per case, which the graders read
 * (gradelib's check_lines):
 *
 *     ok <case>
 *     FAIL <case> -- <why>
 *
 * Every lab's header includes this file.
 */
#ifndef _LABS_EXPECT_H
#define _LABS_EXPECT_H

#include <stdarg.h>
#include <stdio.h>

/* "ok name" if cond, else "FAIL name -- " and why (a printf format). The
   line leaves at once, so a case that hangs after it cannot take it along. */
static inline void __attribute__((format(printf, 3, 4)))
expect(const char *name, int cond, const char *why, ...)
{
	va_list ap;

	if (cond) {
		printf("ok %s\n", name);
	} else {
		printf("FAIL %s -- ", name);
		va_start(ap, why);
		vprintf(why, ap);
		va_end(ap);
		printf("\n");
	}
	fflush(stdout);
}

#endif
