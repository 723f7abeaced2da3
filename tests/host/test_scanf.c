/*
 * libc's sscanf and strtod (libc/scanf.c, libc/strtod.c, built here
 * with their names prefixed our_) compared with the host C library's.
 */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#undef sscanf
#undef strtod
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "check.h"

int our_sscanf(const char *s, const char *fmt, ...);
double our_strtod(const char *s, char **end);

/* Scan with both into zeroed results; compare the return value and the
   bytes stored. */
#define SAME(input, fmt, T, n) do { \
	T a[4], b[4]; \
	memset(a, 0, sizeof(a)); \
	memset(b, 0, sizeof(b)); \
	int ra = our_sscanf(input, fmt, &a[0], &a[1], &a[2], &a[3]); \
	int rb = sscanf(input, fmt, &b[0], &b[1], &b[2], &b[3]); \
	if (ra != rb || memcmp(a, b, sizeof(a))) \
		printf("# \"%s\" \"%s\": ours %d, glibc %d\n", input, fmt, ra, rb); \
	CHECK(ra == rb); \
	CHECK(memcmp(a, b, sizeof(a)) == 0); \
} while (0)

typedef char str[32];

int main(void)
{
	CASE("scanf: %d %i %u %o %x with signs, bases and widths") {
		SAME("12 -34 +56 7", "%d %d %d %d", int, 4);
		SAME("0x1f 017 12 -0", "%i %i %i %i", int, 4);
		SAME("777 ff FF 0xAb", "%o %x %X %x", unsigned, 4);
		SAME("123456789", "%3d%2d%d", int, 3);
		SAME("4294967295 -1", "%u %u", unsigned, 2);
		SAME("  \t\n 42", "%d", int, 1);
	}
	CASE("scanf: length modifiers hh h l ll j z t") {
		SAME("1 2 3 4", "%hhd %hhd %hhu %hhx", char, 4);
		SAME("-300 40000 7 8", "%hd %hu %hd %hx", short, 4);
		SAME("-9000000000 123456789012", "%lld %llu", long long, 2);
		SAME("1 2 3", "%ld %jd %zd", long long, 3);
		SAME("5 6", "%td %tu", ptrdiff_t, 2);
	}
	CASE("scanf: floats via strtod: %f %e %g %a and %lf %Lf") {
		SAME("1.5 -2.25e3 .5 7", "%f %e %g %f", float, 4);
		SAME("3.14159 1e-300 0x1.8p1 inf", "%lf %lf %la %lf", double, 4);
		SAME("1e400 -nan 2E+2 1.", "%lf %lf %lf %lf", double, 4);
		SAME("12.5e1x", "%3lf%lf", double, 2);
		SAME("2.5", "%Lf", long double, 1);
	}
	CASE("scanf: %s %c and scan sets") {
		SAME("  hello world", "%s%s", str, 2);
		SAME("abcdef", "%3s%s", str, 2);
		SAME("xyz", "%c%2c", str, 2);
		SAME("abc123def", "%[a-z]%[0-9]%[^\n]", str, 3);
		SAME("]]x", "%[]]%s", str, 2);
		SAME("a-b-c", "%[-a]%s", str, 2);
		SAME("line one\nline two", "%[^\n]", str, 1);
	}
	CASE("scanf: literals, %%, %n, '*' and the return value") {
		SAME("12:34:56", "%d:%d:%d", int, 3);
		SAME("12 34", "%*d %d", int, 1);
		SAME("100% 5", "%d%% %d", int, 2);
		SAME("12 ab", "%d %n%d", int, 2);
		SAME("12 ab", "%d %d", int, 2);
		SAME("x", "%d", int, 1);
		SAME("", "%d", int, 1);
		SAME("   ", "%d", int, 1);
		SAME("5", "%d %d", int, 2);
		SAME("abc", "%d", int, 1);
		SAME("-", "%d", int, 1);
		SAME("0x", "%x", int, 1);
		SAME("1 ", "%d %n", int, 2);
		SAME("a", "a%n", int, 1);
		SAME("a", "b%d", int, 1);
		SAME("", "x%d", int, 1);
		SAME("7", "%d x %d", int, 2);
		SAME("ab", "%3c", str, 1);
		SAME("", "%c", str, 1);
		SAME("", "%[a]", str, 1);
	}
	CASE("strtod: a table, and where it stops") {
		static const char *const t[] = {
			"0", "-0.0", "1", "0.1", "1e23", "8.5e-5", "1.7976931348623157e308",
			"4.9e-324", "2.2250738585072014e-308", "123456789012345678901234",
			"0.000000000000000000000000000001234", "1e-400", "1e400", "  +3.5x",
			"0x1.fffffffffffffp1023", "0X.8P-2", "infinity", "-INF", "nan", "x",
			"1.e5", ".e5", "3.14159265358979323846264338327950288",
			"9007199254740993", "9007199254740995", "2.2250738585072011e-308",
			"1.00000000000000011102230246251565404236316680908203125",
			"1.000000000000000111022302462515654042363166809082031250000001",
			"2.4703282292062327208828439643411068618252990130716238221279284"
			"125033775363510437593264991818081799618989828234772285886546332"
			"835517796989819938739800539093906315035659515570226392290858392"
			"449105184435931802849936536152500319370457678249219365623669863"
			"658480757001585769269903706311928279558551332927834338409351978"
			"015531246597263579574622766465272827220056374006485499977096599"
			"470454020828166226237857393450736339007967761930577506740176324"
			"673600968951340535537458516661134223766678604162159680461914467"
			"291840300530057530849048765391711386591646239524912623653881879"
			"636239373280423891018672348497668235089863388587925628302755995"
			"657524455507255189313690836254779186948667994968324049705821028"
			"513185451396213837722826145437693412532098591327667236328125e-324",
			"2.4703282292062327208828439643411068618252990130716238221279284"
			"125033775363510437593264991818081799618989828234772285886546332"
			"835517796989819938739800539093906315035659515570226392290858392"
			"449105184435931802849936536152500319370457678249219365623669863"
			"658480757001585769269903706311928279558551332927834338409351978"
			"015531246597263579574622766465272827220056374006485499977096599"
			"470454020828166226237857393450736339007967761930577506740176324"
			"673600968951340535537458516661134223766678604162159680461914467"
			"291840300530057530849048765391711386591646239524912623653881879"
			"636239373280423891018672348497668235089863388587925628302755995"
			"657524455507255189313690836254779186948667994968324049705821028"
			"513185451396213837722826145437693412532098591327667236328125001e-324",
		};
		for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
			char *ea, *eb;
			double a = our_strtod(t[i], &ea), b = strtod(t[i], &eb);

			if (memcmp(&a, &b, 8) && !(a != a && b != b))
				printf("# strtod(\"%s\"): ours %a, glibc %a\n", t[i], a, b);
			CHECK(memcmp(&a, &b, 8) == 0 || (a != a && b != b));
			CHECK(ea == eb);
		}
	}
	CASE("strtod: 5000 random doubles read back from %.17g and %.15e") {
		srand(7);
		for (int i = 0; i < 5000; i++) {
			uint64_t bits = 0;
			double d, a, b;
			char s[64];

			for (int k = 0; k < 4; k++)
				bits = bits << 16 | (rand() & 0xffff);
			memcpy(&d, &bits, 8);
			if (d != d)
				continue;
			snprintf(s, sizeof(s), i % 2 ? "%.17g" : "%.15e", d);
			a = our_strtod(s, NULL);
			b = strtod(s, NULL);
			if (memcmp(&a, &b, 8))
				printf("# strtod(\"%s\"): ours %a, glibc %a\n", s, a, b);
			CHECK(memcmp(&a, &b, 8) == 0);
		}
	}
	CASE("strtod: 2000 exact midpoints between doubles, and just beside") {
		srand(11);
		for (int i = 0; i < 2000; i++) {
			uint64_t bits = 0;
			double d, a, b;
			char s[900];

			for (int k = 0; k < 4; k++)
				bits = bits << 16 | (rand() & 0xffff);
			bits &= ~(1ull << 63);
			memcpy(&d, &bits, 8);
			if (d != d || d > 1e300)
				continue;
			bits++;
			double up;
			memcpy(&up, &bits, 8);
			/* (d + up) / 2 is exact in long double: 54 bits. */
			snprintf(s, sizeof(s), "%.780Le", ((long double)d + up) / 2);
			a = our_strtod(s, NULL);
			b = strtod(s, NULL);
			CHECK(memcmp(&a, &b, 8) == 0);
			char *e = strchr(s, 'e');       /* nudge it above: ...1e */
			memmove(e + 1, e, strlen(e) + 1);
			*e = '1';
			a = our_strtod(s, NULL);
			b = strtod(s, NULL);
			if (memcmp(&a, &b, 8))
				printf("# strtod(\"%.30s...\"): ours %a, glibc %a\n", s, a, b);
			CHECK(memcmp(&a, &b, 8) == 0);
		}
	}
	return 0;
}
