/*
 * The kernel's vsnprintf compared with the host C library's. The Makefile
 * builds kernel/lib/vsprintf.c with its functions renamed kernel_*.
 */
/* Some cases combine flags on purpose that gcc calls redundant. */
#pragma GCC diagnostic ignored "-Wformat"
#undef snprintf
#undef vsnprintf
#include <stdint.h>
#include <string.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>
#include "check.h"

int kernel_snprintf(char *buf, size_t size, const char *fmt, ...);
void vappendf(char *buf, size_t size, size_t *len, const char *fmt, va_list ap);

static void appendf(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vappendf(buf, size, len, fmt, ap);
	va_end(ap);
}

/* Format with both and compare text and return value. */
#define SAME(fmt, ...) do { \
	char k[128], h[128]; \
	int kn = kernel_snprintf(k, sizeof(k), fmt, __VA_ARGS__); \
	int hn = snprintf(h, sizeof(h), fmt, __VA_ARGS__); \
	CHECK(kn == hn); \
	CHECK(strcmp(k, h) == 0); \
} while (0)

int main(void)
{
	CASE("vsprintf: %d %i %u with signs and extremes") {
		SAME("%d %i %u", 0, -1, 42u);
		SAME("%d %d", INT32_MIN, INT32_MAX);
		SAME("%u", 4294967295u);
		SAME("[%+d] [% d]", 5, 5);
	}
	CASE("vsprintf: the '#' flag: 0x, 0X and 0 prefixes") {
		SAME("%#x %#X %#o %#x %#o", 0x1f3u, 0xabu, 8u, 0u, 0u);
		SAME("[%#10x] [%-#10x] [%#010x]", 0xbeefu, 0xbeefu, 0xbeefu);
	}
	CASE("vsprintf: %x %X %o") {
		SAME("%x %X %o", 0xdeadbeefu, 0xcafeu, 8u);
		SAME("%08x|%-8x|%8X", 0x1234u, 0xabu, 0xffu);
	}
	CASE("vsprintf: widths, zero padding, left alignment") {
		SAME("[%5d] [%-5d] [%05d]", 42, 42, 42);
		SAME("[%05d] [%5d]", -42, -42);
		SAME("[%*d] [%-*d]", 6, 7, 6, 7);
	}
	CASE("vsprintf: %s %c and precision") {
		SAME("[%s] [%10s] [%-10s] [%.3s]", "abc", "abc", "abc", "abcdef");
		SAME("[%c%c%c] [%3c]", 'x', 'y', 'z', 'q');
	}
	CASE("vsprintf: long long and size_t") {
		SAME("%llu %lld %llx", 18446744073709551615ull, -9223372036854775807ll, 0x123456789abcull);
		SAME("%zu %lu %ld", (size_t)12345, 99ul, -99l);
	}
	CASE("vsprintf: %p as the C library prints it") {
		SAME("[%p] [%20p] [%-20p] [%p]", (void *)0x1234, (void *)0xbeef,
		     (void *)0xbeef, NULL);
	}
	CASE("vsprintf: integer precision, and 0 with precision 0") {
		SAME("[%.3d] [%.3d] [%.0d] [%.0x] [%5.0d] [%-5.0u]", 7, -7, 0, 0u, 0, 0u);
		SAME("[%8.3d] [%-8.3d] [%08.3d] [%+.4d] [% .2d]", 5, -5, 5, 42, 3);
		SAME("[%.10u] [%.2x] [%#.5x] [%#.5o] [%#.0o] [%#o] [%#.3o]",
		     123u, 0xabcu, 0x1fu, 8u, 0u, 0u, 01234u);
		SAME("[%.*d] [%*.*d] [%.*d] [%-*.*x]", 4, 9, 8, 3, 77, -1, 5, -9, 4, 0xfu);
	}
	CASE("vsprintf: every flag together") {
		SAME("[%-+8d] [%+08d] [% 08d] [%-#8x] [%#08o] [%+ d] [%-08d]",
		     12, -12, 12, 0x12u, 012u, 3, 4);
		SAME("[%+u] [% u] [%+x]", 5u, 5u, 5u);
	}
	CASE("vsprintf: length modifiers hh h l ll j z t") {
		SAME("%hhd %hhu %hhx %hd %hu %hx", 300, 300, -1, 70000, 70000, -1);
		SAME("%hhd %hd", -129, -32769);
		SAME("%ld %lu %lld %llu %lx", -5L, 5UL, -5LL, 5ULL, -1L);
		SAME("%jd %ju %zd %zu %td %tx", (intmax_t)-3, (uintmax_t)~0ull,
		     (ssize_t)-4, (size_t)4, (ptrdiff_t)-6, (ptrdiff_t)6);
		SAME("%d %s", INT32_MIN, "after");
	}
	CASE("vsprintf: %c and %s with widths, precision and flags") {
		SAME("[%-3c] [%03c] [%5.2s] [%-5.2s] [%.0s] [%.*s] [%05s]",
		     'a', 'b', "xyz", "xyz", "xyz", 2, "xyz", "q");
	}
	CASE("vsprintf: %n is skipped with its argument") {
		char k[32];
		int n = -1;
		kernel_snprintf(k, sizeof(k), "ab%ncd%d", &n, 5);
		CHECK(strcmp(k, "abcd5") == 0);
		CHECK(n == -1);
	}
	CASE("vsprintf: truncation returns the full length") {
		char k[8];
		int n = kernel_snprintf(k, sizeof(k), "%s", "0123456789");
		CHECK(n == 10);
		CHECK(strcmp(k, "0123456") == 0);
		CHECK(kernel_snprintf(NULL, 0, "%d", 12345) == 5);
	}
	CASE("vappendf: pieces follow each other, the last cut to fit") {
		char k[8];
		size_t len = 0;

		appendf(k, sizeof(k), &len, "%d-", 12);
		CHECK(len == 3 && strcmp(k, "12-") == 0);
		appendf(k, sizeof(k), &len, "%s", "abcdef");
		CHECK(len == 7 && strcmp(k, "12-abcd") == 0);
		appendf(k, sizeof(k), &len, "%s", "more");
		CHECK(len == 7 && strcmp(k, "12-abcd") == 0);
	}
	CASE("vsprintf: %% and unknown conversions") {
		char k[32];
		kernel_snprintf(k, sizeof(k), "100%% %q");
		CHECK(strcmp(k, "100% q") == 0);
	}
	return 0;
}
