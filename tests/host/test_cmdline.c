/* The kernel command line (kernel/init/cmdline.c): which words are the
   kernel's, and where process 1's arguments start. */
#include <string.h>
#include "check.h"
#include "arch/boot_info.h"
#include "init/init.h"

struct boot_info boot_info;

static void set_cmdline(const char *line)
{
	strcpy(boot_info.cmdline, line);
}

/* cmdline_get(key) gave exactly want (NULL: not among the kernel's words). */
static int got(const char *key, const char *want)
{
	const char *v = cmdline_get(key);

	return want ? v && !strcmp(v, want) : !v;
}

int main(void)
{
	CASE("cmdline: key=value, bare flags, and the rest of the line") {
		set_cmdline("ktest=panic  strace quiet=no");
		CHECK(got("ktest", "panic  strace quiet=no"));
		CHECK(got("strace", " quiet=no"));
		CHECK(got("quiet", "no"));
		CHECK(cmdline_has("ktest", "panic"));
		CHECK(!cmdline_has("ktest", "pan"));
		CHECK(got("stra", NULL));
		CHECK(got("init", NULL));
		set_cmdline("");
		CHECK(got("strace", NULL));
	}
	CASE("cmdline: a flag before init=PATH is the kernel's") {
		set_cmdline("strace init=/bin/hello a");
		CHECK(got("strace", " init=/bin/hello a"));
		CHECK(got("init", "/bin/hello a"));
	}
	CASE("cmdline: words after init=PATH are the program's, not flags") {
		set_cmdline("init=/bin/hello a strace ktest=panic");
		CHECK(got("init", "/bin/hello a strace ktest=panic"));
		CHECK(got("strace", NULL));
		CHECK(!cmdline_has("ktest", "panic"));
	}
	CASE("cmdline: words after -- are process 1's, even init=") {
		set_cmdline("ktest=echo -- strace init=/bin/hello");
		CHECK(cmdline_has("ktest", "echo"));
		CHECK(got("--", " strace init=/bin/hello"));
		CHECK(got("strace", NULL));
		CHECK(got("init", NULL));
		set_cmdline("init=/bin/hello -- strace");
		CHECK(got("strace", NULL));
		CHECK(got("--", NULL));
	}
	return 0;
}
