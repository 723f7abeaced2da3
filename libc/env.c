/*
 * The environment: environ is a NULL-terminated array of "NAME=value"
 * strings, handed to main by the kernel on the stack (crt0.S). getenv
 * reads it; setenv, putenv and unsetenv change it. The first time a
 * variable is added the array moves to the heap, where it can grow.
 * Strings setenv made are never freed once in place: a caller of
 * getenv may still hold one (glibc leaks them too).
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

static char **heap_env;         /* environ, once it lives on the heap */

/* Where is the entry for the name of n bytes? NULL if there is none. */
static char **find(const char *name, size_t n)
{
	for (char **e = environ; e && *e; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return e;
	return NULL;
}

/* The length of a valid variable name, or -1 (EINVAL) for "" or "a=b". */
static long name_len(const char *name)
{
	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return -1;
	}
	return strlen(name);
}

char *getenv(const char *name)
{
	size_t n = strlen(name);
	char **e = find(name, n);

	return e ? *e + n + 1 : NULL;
}

/* Add (or replace) the entry string, whose name is n bytes long. */
static int put(char *string, size_t n)
{
	char **e = find(string, n), **grown;
	char **ours = environ == heap_env ? heap_env : NULL;
	size_t count = 0;

	if (e) {
		*e = string;
		return 0;
	}
	while (environ && environ[count])
		count++;
	grown = realloc(ours, (count + 2) * sizeof(char *));
	if (!grown)
		return -1;
	if (!ours && count)     /* moving off the stack (or the caller's array) */
		memcpy(grown, environ, count * sizeof(char *));
	grown[count] = string;
	grown[count + 1] = NULL;
	environ = heap_env = grown;
	return 0;
}

/* The string itself becomes part of the environment (no copy). */
int putenv(char *string)
{
	char *eq = strchr(string, '=');

	if (!eq || eq == string) {
		errno = EINVAL;
		return -1;
	}
	return put(string, eq - string);
}

int setenv(const char *name, const char *value, int overwrite)
{
	long n = name_len(name);
	char *string;

	if (n < 0)
		return -1;
	if (!overwrite && find(name, n))
		return 0;
	string = malloc(n + strlen(value) + 2);
	if (!string)
		return -1;
	strcpy(string, name);
	string[n] = '=';
	strcpy(string + n + 1, value);
	if (put(string, n) == 0)
		return 0;
	free(string);
	return -1;
}

int unsetenv(const char *name)
{
	long n = name_len(name);
	char **e;

	if (n < 0)
		return -1;
	while ((e = find(name, n)))     /* every copy of it, closing up */
		do
			e[0] = e[1];
		while (*e++);
	return 0;
}
