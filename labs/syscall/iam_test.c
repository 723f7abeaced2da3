/*
 * The cases of iam() and whoami() (docs/labs/01-syscall.md), one line
 * each: "ok <case>" or "FAIL <case> -- <why>".
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "lab.h"

#define NAME23 "abcdefghijklmnopqrstuvw"    /* IAM_MAX bytes */
#define NAME24 NAME23 "x"                   /* one too many */
#define KERNEL_ADDRESS ((char *)0xc0100000) /* mapped, but not for users */

/* "-1 errno 38 (Function not implemented)", or just the number. */
static const char *result(int n)
{
	static char text[96];

	if (n >= 0)
		snprintf(text, sizeof(text), "%d", n);
	else
		snprintf(text, sizeof(text), "-1 errno %d (%s)", errno,
			 strerror(errno));
	return text;
}

static int fails_with(int n, int err)
{
	return n == -1 && errno == err;
}

int main(void)
{
	char buf[64];
	int n;

	alarm(10);      /* a kernel that hangs in the calls fails, not hangs */

	n = iam("lizhijun");
	expect("iam returns the length", n == 8, "iam(\"lizhijun\"): %s",
	       result(n));
	memset(buf, 'z', sizeof(buf));
	n = whoami(buf, sizeof(buf));
	expect("whoami gives the name back", n == 8 && !strcmp(buf, "lizhijun"),
	       "whoami: %s, buf \"%.24s\"", result(n), buf);

	n = iam(NAME23);
	expect("iam takes 23 bytes", n == 23, "iam(23 bytes): %s", result(n));
	n = whoami(buf, IAM_MAX + 1);
	expect("whoami fills a buffer of exactly 24",
	       n == 23 && !strcmp(buf, NAME23), "whoami(buf, 24): %s, buf "
	       "\"%.24s\"", result(n), buf);
	n = iam(NAME24);
	expect("iam refuses 24 bytes with EINVAL", fails_with(n, EINVAL),
	       "iam(24 bytes): %s", result(n));
	n = whoami(buf, sizeof(buf));
	expect("a refused name leaves the old one",
	       n == 23 && !strcmp(buf, NAME23), "whoami: %s, buf \"%.24s\"",
	       result(n), buf);

	n = iam(NULL);
	expect("iam of NULL is EFAULT", fails_with(n, EFAULT), "iam(NULL): %s",
	       result(n));
	n = iam(KERNEL_ADDRESS);
	expect("iam of a kernel address is EFAULT", fails_with(n, EFAULT),
	       "iam(%p): %s", (void *)KERNEL_ADDRESS, result(n));

	n = whoami(buf, IAM_MAX);
	expect("whoami with too small a buffer is EINVAL",
	       fails_with(n, EINVAL), "whoami(buf, 23) of a 23-byte name: %s",
	       result(n));
	n = whoami(NULL, sizeof(buf));
	expect("whoami into NULL is EFAULT", fails_with(n, EFAULT),
	       "whoami(NULL, 64): %s", result(n));
	n = whoami(KERNEL_ADDRESS, sizeof(buf));
	expect("whoami into a kernel address is EFAULT", fails_with(n, EFAULT),
	       "whoami(%p, 64): %s", (void *)KERNEL_ADDRESS, result(n));
	return 0;
}
