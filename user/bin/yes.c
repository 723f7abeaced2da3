/*
 * yes: print a line again and again, until the reader goes away (the
 * write fails, or SIGPIPE ends us: yes | head -3).
 *
 *   yes [STRING...]      the STRINGs joined by spaces, or "y"
 */
#include <err.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[4096];
	size_t len = 0, line;

	if (argc < 2)
		argv[argc++] = "y";     /* argv[argc] is NULL: room for one */
	for (int i = 1; i < argc; i++) {
		size_t n = strlen(argv[i]);

		if (len + n + 1 > sizeof(buf) / 2)
			errx(1, "line too long");
		memcpy(buf + len, argv[i], n);
		len += n;
		buf[len++] = i + 1 < argc ? ' ' : '\n';
	}
	/* Fill the buffer with whole lines: one write() carries many. */
	for (line = len; len + line <= sizeof(buf); len += line)
		memcpy(buf + len, buf, line);
	for (;;)
		if (write(STDOUT_FILENO, buf, len) < 0)
			err(1, "standard output");
}
