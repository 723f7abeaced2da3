/*
 * The kernel's vsnprintf compared with the host C library's. The Makefile
 * builds kernel/lib/vsprintf.c with its functions renamed kernel_*.
 */
#undef snprintf
#undef vsnprintf
#include <stdint.h>
#include <string.h>
#include <stdarg.h>
#include "check.h"

int kernel_snprintf(char *buf, size_t size, const char *fmt, ...);

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
	CASE("vsprintf: %p prints 0x and the address") {
		char k[64];
		kernel_snprintf(k, sizeof(k), "%p", (void *)0x1234);
		CHECK(strncmp(k, "0x", 2) == 0);
		CHECK(strstr(k, "1234") != NULL);
	}
	CASE("vsprintf: truncation returns the full length") {
		char k[8];
		int n = kernel_snprintf(k, sizeof(k), "%s", "0123456789");
		CHECK(n == 10);
		CHECK(strcmp(k, "0123456") == 0);
		CHECK(kernel_snprintf(NULL, 0, "%d", 12345) == 5);
	}
	CASE("vsprintf: %% and unknown conversions") {
		char k[32];
		kernel_snprintf(k, sizeof(k), "100%% %q");
		CHECK(strcmp(k, "100% q") == 0);
	}
	return 0;
}
