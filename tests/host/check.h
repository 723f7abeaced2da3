/*
 * A tiny test harness for host-side unit tests. Each CHECK prints nothing
 * when it holds; each test case ends with one line the runner reads:
 *   ok <name>            or            FAIL <name> -- <what went wrong>
 */
#ifndef _TESTS_CHECK_H
#define _TESTS_CHECK_H

#include <stdio.h>

static int check_failed;

#define CHECK(cond) do { \
	if (!(cond) && !check_failed++) \
		printf("FAIL %s -- %s:%d: %s\n", check_case, __FILE__, __LINE__, #cond); \
} while (0)

static const char *check_case;

#define CASE(name) for (check_case = (name), check_failed = 0; check_case; \
	check_failed ? 0 : printf("ok %s\n", check_case), check_case = NULL)

#endif
