/*
 * The kernel command line: words separated by spaces. GRUB passes the
 * words after the kernel's path on its "multiboot" line; QEMU's -kernel
 * passes the kernel's path first, then -append's words.
 *
 * Not every word is the kernel's. As in Linux, the words after "--" are
 * process 1's arguments, and so are the words after "init=PATH": with
 * "init=/bin/prog a strace", prog gets "strace" and tracing stays off.
 */
#include "init/init.h"
#include "arch/arch.h"
#include "lib/lib.h"

/* If the word at p is "key=value" or the bare word "key" (a flag such as
   "strace"), return where its value starts (a flag's is empty); else
   NULL. */
static const char *match(const char *p, const char *key)
{
	size_t n = strlen(key);

	if (strncmp(p, key, n))
		return NULL;
	if (p[n] == '=')
		return p + n + 1;
	if (p[n] == ' ' || p[n] == '\0')
		return p + n;
	return NULL;
}

/* Return the value of "key=value" among the kernel's words, or NULL. The
   value runs to the end of its word, and the rest of the line follows:
   cmdline_get("init") and cmdline_get("--") also give the start of
   process 1's arguments. */
const char *cmdline_get(const char *key)
{
	const char *p = boot_info.cmdline;

	while (*p) {
		const char *value;

		while (*p == ' ')
			p++;
		value = match(p, key);
		if (value)
			return value;
		if (match(p, "--") || match(p, "init"))
			return NULL;    /* the rest is for process 1 */
		while (*p && *p != ' ')
			p++;
	}
	return NULL;
}

bool cmdline_has(const char *key, const char *value)
{
	const char *v = cmdline_get(key);
	size_t n = strlen(value);

	return v && !strncmp(v, value, n) && (v[n] == ' ' || v[n] == '\0');
}

/* The decimal number of "key=N"; 0 if the key is absent or its value is
   not a number. */
uint32_t cmdline_uint(const char *key)
{
	const char *v = cmdline_get(key);
	uint32_t n = 0;

	if (!v)
		return 0;
	for (; *v >= '0' && *v <= '9'; v++)
		n = n * 10 + (uint32_t)(*v - '0');
	return *v == ' ' || *v == '\0' ? n : 0;
}
