/*
 * A glibc program's everyday calls on Sprout: printf, argv and the
 * environment, files through stdio (create, write, read back, seek,
 * stat, list the directory, unlink) and exit's flush of stdout.
 * Built with i686-linux-gnu-gcc -static (tests/glibc/glibc.mk).
 */
#include "../user/check.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#define FILE_NAME "/tmp/g_stdio.txt"

static void test_printf(void)
{
	char buf[128];

	snprintf(buf, sizeof(buf), "%d|%5s|%-4x|%.3f|%lld|%c", -42, "ab",
		 255, 3.14159, 1234567890123LL, 'z');
	expect("snprintf formats", strcmp(buf,
	       "-42|   ab|ff  |3.142|1234567890123|z") == 0, "got %s", buf);
}

static void test_args(int argc, char **argv)
{
	expect("argv", argc == 3 && strcmp(argv[1], "one") == 0 &&
	       strcmp(argv[2], "two") == 0, "argc %d", argc);
	expect("getenv PATH", getenv("PATH") != NULL, "no PATH");
	setenv("G_STDIO", "set", 1);
	expect("setenv then getenv", getenv("G_STDIO") &&
	       strcmp(getenv("G_STDIO"), "set") == 0, "lost");
}

static void test_files(void)
{
	FILE *f = fopen(FILE_NAME, "w");
	char line[64] = "";
	struct stat st;
	int i, found = 0;
	DIR *d;
	struct dirent *e;

	expect("fopen for writing", f != NULL, "errno %d", errno);
	if (!f)
		return;
	for (i = 0; i < 1000; i++)
		fprintf(f, "line %04d\n", i);
	expect("fclose", fclose(f) == 0, "errno %d", errno);
	expect("stat: size", stat(FILE_NAME, &st) == 0 && st.st_size == 10000,
	       "size %lld", (long long)st.st_size);
	f = fopen(FILE_NAME, "r");
	expect("fseek and fgets", f && fseek(f, 5000, SEEK_SET) == 0 &&
	       fgets(line, sizeof(line), f) && strcmp(line, "line 0500\n") == 0,
	       "read '%s'", line);
	if (f)
		fclose(f);
	d = opendir("/tmp");
	while (d && (e = readdir(d)))
		found |= strcmp(e->d_name, "g_stdio.txt") == 0;
	if (d)
		closedir(d);
	expect("readdir lists it", found, "not in /tmp");
	expect("unlink", unlink(FILE_NAME) == 0 && stat(FILE_NAME, &st) < 0 &&
	       errno == ENOENT, "errno %d", errno);
	expect("fopen of a missing file: ENOENT",
	       fopen("/no/such", "r") == NULL && errno == ENOENT,
	       "errno %d", errno);
}

int main(int argc, char **argv)
{
	test_printf();
	test_args(argc, argv);
	test_files();
	check_done();
	/* Left in stdout's buffer: exit() must flush it. */
	printf("exit flushes stdout");
	exit(7);
}
