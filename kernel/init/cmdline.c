/*
 * The kernel command line: words separated by spaces. GRUB passes the
 * words after the kernel's path on its "multiboot" line; QEMU's -kernel
 * passes the kernel's path first, then -append's words.
 */
#include "init/init.h"
#include "arch/arch.h"
#include "lib/lib.h"

/* Return the value of "key=value", or NULL. The value runs to the end of
   its word; cmdline_get("init") also works as the start of "the rest".
   A bare word "key" (a flag such as "strace") has the empty value. */
const char *cmdline_get(const char *key)
{
	size_t n = strlen(key);
	const char *p = boot_info.cmdline;

	while (*p) {
		while (*p == ' ')
			p++;
		if (!strncmp(p, key, n) && p[n] == '=')
			return p + n + 1;
		if (!strncmp(p, key, n) && (p[n] == ' ' || p[n] == '\0'))
			return p + n;
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
