/*
 * The C library against C and POSIX: malloc's edges, stdio's buffering,
 * end of file and flushing at exit, printf's widths and floats, scanf,
 * strtol's ranges, strtod, <inttypes.h>, and errno left alone on
 * success. Runs as
 * process 1 (tests/guest_libc.py) and, like the t_* programs, on an x86
 * Linux machine too.
 */
#include "check.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <inttypes.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <limits.h>
#include <sys/wait.h>

#define TMP "/tmp/l_libc.txt"

static void malloc_aligned(void)
{
	static const size_t sizes[] = { 0, 1, 3, 15, 16, 17, 31, 33, 1000, 4097 };
	char *p[10];
	int ok = 1;

	for (int i = 0; i < 10; i++) {
		p[i] = malloc(sizes[i]);
		ok &= p[i] && (uintptr_t)p[i] % 16 == 0;
		memset(p[i], i, sizes[i]);
	}
	for (int i = 0; i < 10; i++)
		for (size_t k = 0; k < sizes[i]; k++)
			ok &= p[i][k] == i;
	for (int i = 0; i < 10; i++)
		free(p[i]);
	expect("malloc: odd sizes, 16-byte aligned, blocks do not overlap", ok,
	       "a block was misaligned or overwritten");
}

static void realloc_keeps(void)
{
	char *p = malloc(5), *q;
	int ok = 1;

	memcpy(p, "abcde", 5);
	q = realloc(p, 100000);
	ok = q && memcmp(q, "abcde", 5) == 0;
	free(q);
	expect("realloc: growing keeps the contents", ok, "contents lost");
}

/* A failed request must leave the heap as it was: no break moved down
   over live blocks because the address arithmetic wrapped round. (The
   kernel hands out heap pages on first touch, so a 2 GiB block fits.) */
static void malloc_huge(void)
{
	char *keep = malloc(100), *big, *bigger, *huge;
	int err;

	memset(keep, 0x5a, 100);
	big = malloc(0x7fffff00);
	if (big)
		big[0] = big[0x7fffff00 - 1] = 1;
	errno = 0;
	bigger = malloc(0x7fffff00);    /* the new break would wrap round */
	expect("malloc: a request past the top of memory fails with ENOMEM",
	       !(big && bigger) && errno == ENOMEM, "got %p and %p, errno %d",
	       big, bigger, errno);
	errno = 0;
	bigger = malloc(0x7ffffff0);    /* more than sbrk's signed increment */
	expect("malloc: a request sbrk cannot take fails with ENOMEM",
	       bigger == NULL && errno == ENOMEM, "got %p, errno %d",
	       bigger, errno);
	expect("malloc: a failed request leaves earlier blocks intact",
	       keep[0] == 0x5a && keep[99] == 0x5a && (!big || big[0] == 1),
	       "an earlier block changed");
	errno = 0;
	huge = malloc(SIZE_MAX);
	err = errno;
	expect("malloc(SIZE_MAX) fails with ENOMEM",
	       huge == NULL && err == ENOMEM, "errno %d", err);
	free(big);
	free(keep);
	keep = malloc(64);
	memset(keep, 1, 64);
	expect("malloc: the heap works after a failed request",
	       keep && keep[63] == 1, "no");
	free(keep);
}

static void calloc_checks(void)
{
	char *p = calloc(100, 3);
	int zero = p != NULL;
	void *q;

	for (int i = 0; p && i < 300; i++)
		zero &= p[i] == 0;
	free(p);
	errno = 0;
	q = calloc(0x10000, 0x10001);
	expect("calloc: zeroed memory; n * size overflowing fails with ENOMEM",
	       zero && q == NULL && errno == ENOMEM, "zero %d, %p, errno %d",
	       zero, q, errno);
}

static void printf_widths(void)
{
	char b[128];

	snprintf(b, sizeof(b), "[%5d][%-5d][%05d][%+d][%x][%lu][%ld][%3s][%-3s|]",
		 -42, -42, -42, 7, -1, ULONG_MAX, LONG_MIN, "a", "b");
	expect("printf: negative numbers, widths, zero padding",
	       strcmp(b, "[  -42][-42  ][-0042][+7][ffffffff][4294967295]"
		      "[-2147483648][  a][b  |]") == 0, "got %s", b);
	expect("snprintf: returns the full length, truncates with a NUL",
	       snprintf(b, 4, "%d", 123456) == 6 && strcmp(b, "123") == 0,
	       "got %s", b);
}

static void printf_floats(void)
{
	char b[160];

	snprintf(b, sizeof(b), "%.3f %.0f %.0f %e %g %g %a %.2Lf [%-8.1f] %d",
		 2.5, 2.5, 3.5, 1234.5, 0.0001, 1e20, 1.0, 2.675L, -0.05, 42);
	expect("printf: %f %e %g %a in Sprout, ties to even, later args intact",
	       strcmp(b, "2.500 2 4 1.234500e+03 0.0001 1e+20 0x1p+0 2.67 "
		      "[-0.1    ] 42") == 0, "got %s", b);
	snprintf(b, sizeof(b), "%.3d|%.0d|%hhd|%jd|%zu", 7, 0, 257, (intmax_t)-1,
		 (size_t)5);
	expect("printf: integer precision and the hh j z lengths",
	       strcmp(b, "007||1|-1|5") == 0, "got %s", b);
}

/* <inttypes.h>: the macros fit the <stdint.h> types (the build, with
   -Wall, would warn otherwise) and the conversions are right. */
static void inttypes_macros(void)
{
	char b[96];
	int64_t big = INT64_MIN, back = 0;
	uint32_t u = UINT32_MAX;
	int16_t small = -5;
	intptr_t p = -1;
	char *end;

	snprintf(b, sizeof(b), "%" PRId64 " %" PRIu32 " %" PRIx32 " %" PRId16
		 " %" PRIdPTR " %" PRIXMAX, big, u, u, small, p,
		 (uintmax_t)UINT64_MAX);
	expect("inttypes.h: PRId64 PRIu32 PRIx32 PRId16 PRIdPTR PRIXMAX",
	       strcmp(b, "-9223372036854775808 4294967295 ffffffff -5 -1 "
		      "FFFFFFFFFFFFFFFF") == 0, "got %s", b);
	sscanf("-123456789012", "%" SCNd64, &back);
	expect("inttypes.h: SCNd64 reads an int64_t", back == -123456789012LL,
	       "got %lld", (long long)back);
	expect("strtoimax, strtoumax: the whole 64 bits",
	       strtoimax("-9223372036854775808", &end, 10) == INTMAX_MIN &&
	       !*end && strtoumax("0xffffffffffffffff", &end, 16) == UINTMAX_MAX,
	       "no");
	expect("imaxabs, imaxdiv", imaxabs(-7) == 7 &&
	       imaxdiv(-7, 2).quot == -3 && imaxdiv(-7, 2).rem == -1, "no");
}

static void scanf_family(void)
{
	char word[16] = "", rest[32] = "";
	int a = 0, b = 0, n = 0, r;
	double d = 0;
	FILE *f;

	r = sscanf("  42 0x1f 2.5e2 word tail of line", "%d %i %lf %15s %[^\n]%n",
		   &a, &b, &d, word, rest, &n);
	expect("sscanf: integers, a double, a string, a scan set, %n",
	       r == 5 && a == 42 && b == 31 && d == 250.0 &&
	       strcmp(word, "word") == 0 && strcmp(rest, "tail of line") == 0 &&
	       n == 33, "returned %d: %d %d %g %s|%s|%d", r, a, b, d, word, rest, n);
	expect("sscanf: EOF before the first conversion, 0 on a mismatch",
	       sscanf("", "%d", &a) == EOF && sscanf("x", "%d", &a) == 0,
	       "wrong return values");
	f = fopen(TMP, "w");
	fputs("7,-8 next\n", f);
	fclose(f);
	f = fopen(TMP, "r");
	r = fscanf(f, "%d,%d", &a, &b);
	expect("fscanf: reads a FILE and leaves the rest unread",
	       r == 2 && a == 7 && b == -8 && fgets(rest, sizeof(rest), f) &&
	       strcmp(rest, " next\n") == 0, "returned %d: %d %d, then %s",
	       r, a, b, rest);
	fclose(f);
	d = strtod("0.1", NULL);
	expect("strtod: 0.1 is the double nearest", d == 0.1, "got %a", d);
}

static void strtol_ranges(void)
{
	char *end;
	long v;
	unsigned long u;
	int err;

	errno = 0;
	v = strtol("2147483647", &end, 10);
	expect("strtol: LONG_MAX parses, errno untouched",
	       v == LONG_MAX && errno == 0 && *end == 0, "%ld errno %d", v, errno);
	v = strtol("2147483648", &end, 10);
	expect("strtol: overflow gives LONG_MAX and ERANGE, end after the digits",
	       v == LONG_MAX && errno == ERANGE && *end == 0, "%ld errno %d",
	       v, errno);
	errno = 0;
	v = strtol("-2147483649x", &end, 10);
	expect("strtol: underflow gives LONG_MIN and ERANGE",
	       v == LONG_MIN && errno == ERANGE && *end == 'x', "%ld", v);
	errno = 0;
	v = strtol("  -0x1F", &end, 0);
	expect("strtol: base 0 finds hex, with blanks and a sign",
	       v == -31 && *end == 0 && errno == 0, "%ld", v);
	v = strtol("0x", &end, 16);
	expect("strtol: \"0x\" with no hex digit is the number 0, end at x",
	       v == 0 && *end == 'x', "%ld end \"%s\"", v, end);
	v = strtol("0777", &end, 0);
	expect("strtol: base 0 reads a leading 0 as octal", v == 511, "%ld", v);
	v = strtol("zZ", &end, 36);
	expect("strtol: base 36", v == 35 * 36 + 35, "%ld", v);
	v = strtol(" -", &end, 10);
	expect("strtol: no digits: 0, end at the start", v == 0 && *end == ' ',
	       "%ld", v);
	u = strtoul("-1", NULL, 10);
	err = errno;
	expect("strtoul: \"-1\" is ULONG_MAX", u == ULONG_MAX && err == 0,
	       "errno %d", err);
}

static void strings(void)
{
	char d[8] = "abc";

	strncat(d, "defgh", 2);
	expect("strncat appends at most n bytes and a NUL",
	       strcmp(d, "abcde") == 0, "got %s", d);
	memset(d, 'z', sizeof(d));
	strncpy(d, "ab", 5);
	expect("strncpy pads with NULs up to n, no further",
	       d[2] == 0 && d[4] == 0 && d[5] == 'z', "no");
	expect("strcmp compares as unsigned char", strcmp("\xff", "a") > 0,
	       "no");
	expect("strstr: the empty needle matches at the start",
	       strstr("hello", "") != NULL && strstr("", "") != NULL &&
	       strcmp(strstr("hello", "lo"), "lo") == 0, "no");
	expect("strrchr finds the terminator", strrchr("abc", 0) != NULL,
	       "NULL");
}

static int write_file(const char *text)
{
	int fd = open(TMP, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return -1;
	write(fd, text, strlen(text));
	return close(fd);
}

static void stdio_reading(void)
{
	char buf[16], one[1] = { 'x' };
	FILE *f;
	int n = 0, err;

	write_file("ab\ncd");
	f = fopen(TMP, "r");
	expect("fopen reads an existing file", f != NULL, "errno %d", errno);
	if (!f)
		return;
	expect("fgets with size 1 stores just a NUL and returns the buffer",
	       fgets(one, 1, f) == one && one[0] == 0, "got NULL or no NUL");
	while (fgets(buf, sizeof(buf), f))
		n++;
	expect("fgets: two lines, the last one without a newline",
	       n == 2 && strcmp(buf, "cd") == 0, "%d lines", n);
	expect("at end of file: feof set, ferror not", feof(f) && !ferror(f),
	       "no");
	write_file("ab\ncdef");        /* the file grows behind our back */
	expect("fgetc after end of file returns EOF (the flag is sticky)",
	       fgetc(f) == EOF, "read on past the end");
	clearerr(f);
	expect("clearerr: reading goes on", fgetc(f) == 'e' && !feof(f),
	       "no");
	fclose(f);
	f = fopen(TMP, "r");
	expect("fread: whole items only, then feof",
	       fread(buf, 2, 10, f) == 3 && feof(f), "no");
	expect("fread/fwrite with size 0 return 0",
	       fread(buf, 0, 5, f) == 0 && fwrite("x", 0, 5, stdout) == 0 &&
	       fwrite("x", 5, 0, stdout) == 0, "not 0");
	fclose(f);
	errno = 0;
	f = fopen(TMP, "q");
	err = errno;
	expect("fopen with a bad mode fails with EINVAL",
	       f == NULL && err == EINVAL, "errno %d", err);
}

static void stdio_update(void)
{
	FILE *f;
	char buf[8] = "";
	int fd;

	write_file("abc");
	f = fopen(TMP, "r+");
	fgetc(f);
	fputc('X', f);                  /* over 'b', not after the read-ahead */
	fclose(f);
	fd = open(TMP, O_RDONLY);
	read(fd, buf, 7);
	close(fd);
	expect("\"r+\": a write after a read goes where the read stopped",
	       strcmp(buf, "aXc") == 0, "file holds \"%s\"", buf);
}

/* A child's exit() must flush a fully buffered FILE it never closed. */
static void exit_flushes(void)
{
	char buf[32] = "";
	int fd, status;
	pid_t pid = fork();

	if (pid == 0) {
		FILE *f = fopen(TMP, "w");

		fputs("flushed at exit", f);
		exit(0);
	}
	waitpid(pid, &status, 0);
	fd = open(TMP, O_RDONLY);
	read(fd, buf, sizeof(buf) - 1);
	close(fd);
	expect("exit() flushes every open FILE",
	       strcmp(buf, "flushed at exit") == 0, "file holds \"%s\"", buf);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	malloc_aligned();
	realloc_keeps();
	malloc_huge();
	calloc_checks();
	printf_widths();
	printf_floats();
	inttypes_macros();
	scanf_family();
	strtol_ranges();
	strings();
	stdio_reading();
	stdio_update();
	exit_flushes();
	unlink(TMP);
	return check_done();
}
