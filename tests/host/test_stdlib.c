/*
 * libc's strtol family, qsort and bsearch (libc/stdlib.c, libc/qsort.c,
 * built here with their names prefixed our_) against the host C
 * library's: value, errno and end pointer for every base, and sorting
 * checked against glibc's qsort on random, sorted and repetitive input.
 * Also <inttypes.h>'s functions and arith.c's abs and div families.
 */
#undef strtol
#undef strtoul
#undef strtoll
#undef strtoull
#undef qsort
#undef bsearch
#undef strtoimax
#undef strtoumax
#undef imaxabs
#undef imaxdiv
#undef abs
#undef labs
#undef llabs
#undef div
#undef ldiv
#undef lldiv
#undef rand
#undef srand
#include <string.h>
#include <errno.h>
#include "check.h"

/* Call ours and glibc's fn on s in base: same value, errno, end. */
#define SAME(fn, s, base) do { \
	char *e1, *e2; \
	errno = 0; \
	__typeof__(fn(s, &e1, base)) v1 = our_##fn(s, &e1, base); \
	int err1 = errno; \
	errno = 0; \
	__typeof__(v1) v2 = fn(s, &e2, base); \
	if (v1 != v2 || err1 != errno || e1 != e2) \
		printf("# %s(\"%s\", %d): ours %lld errno %d end +%d, " \
		       "glibc %lld errno %d end +%d\n", #fn, s, base, \
		       (long long)v1, err1, (int)(e1 - (s)), \
		       (long long)v2, errno, (int)(e2 - (s))); \
	CHECK(v1 == v2 && err1 == errno && e1 == e2); \
} while (0)

static const char *inputs[] = {
	"0", "1", "-1", "+7", "  \t42abc", "z", "Zz9", "-", "+", "", "  ",
	"0x", "0x1g", "0X1F", "-0x10", "010", "08", "0b101", "1010",
	"2147483647", "2147483648", "-2147483648", "-2147483649",
	"4294967295", "4294967296", "-4294967295",
	"9223372036854775807", "9223372036854775808",
	"-9223372036854775808", "-9223372036854775809",
	"18446744073709551615", "18446744073709551616",
	"-18446744073709551615", "-18446744073709551616",
	"99999999999999999999999999999", "zzzzzzzzzzzzzzzzzzzz",
	"-zzzzzzzzzzzzzzzzzzzz", "1y", "- 5", "0x-1", " -0",
};

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Count compares, to see sorted input does not go quadratic. */
static long compares;
static int cmp_counted(const void *a, const void *b)
{
	compares++;
	return cmp_int(a, b);
}

#define N 5000
static int ours[N], theirs[N];

static int sorts_like_glibc(int kind)
{
	for (int i = 0; i < N; i++)
		ours[i] = kind == 0 ? rand() : kind == 1 ? i : kind == 2 ? N - i : rand() % 3;
	memcpy(theirs, ours, sizeof(ours));
	qsort(theirs, N, sizeof(int), cmp_int);
	compares = 0;
	our_qsort(ours, N, sizeof(int), cmp_counted);
	return memcmp(ours, theirs, sizeof(ours)) == 0;
}

int main(void)
{
	CASE("strtol family: every base 0, 2..36 like glibc (value, errno, end)") {
		for (size_t i = 0; i < sizeof(inputs) / sizeof(*inputs); i++)
			for (int base = 0; base <= 36; base += base ? 1 : 2) {
				SAME(strtol, inputs[i], base);
				SAME(strtoul, inputs[i], base);
				SAME(strtoll, inputs[i], base);
				SAME(strtoull, inputs[i], base);
				SAME(strtoimax, inputs[i], base);
				SAME(strtoumax, inputs[i], base);
			}
	}
	CASE("abs, div families and imaxabs, imaxdiv: like glibc") {
		static const long long nums[] = { 0, 1, -1, 7, -7, 100, -100,
			2147483647, -2147483647, 9223372036854775807LL,
			-9223372036854775807LL };
		for (size_t i = 0; i < sizeof(nums) / sizeof(*nums); i++) {
			long long a = nums[i];
			int n = (int)a;

			CHECK(our_abs(n) == abs(n) && our_labs(n) == labs(n));
			CHECK(our_llabs(a) == llabs(a) && our_imaxabs(a) == imaxabs(a));
			for (size_t j = 0; j < sizeof(nums) / sizeof(*nums); j++) {
				long long b = nums[j];
				int d = (int)b;

				if (!d)
					continue;
				CHECK(our_div(n, d).quot == div(n, d).quot &&
				      our_div(n, d).rem == div(n, d).rem);
				CHECK(our_ldiv(n, d).quot == ldiv(n, d).quot &&
				      our_ldiv(n, d).rem == ldiv(n, d).rem);
				CHECK(our_lldiv(a, b).quot == lldiv(a, b).quot &&
				      our_lldiv(a, b).rem == lldiv(a, b).rem);
				CHECK(our_imaxdiv(a, b).quot == imaxdiv(a, b).quot &&
				      our_imaxdiv(a, b).rem == imaxdiv(a, b).rem);
			}
		}
	}
	CASE("rand_r: rand's generator, with the caller's state") {
		unsigned seed = 42;
		int ok = 1;

		our_srand(42);
		for (int i = 0; i < 1000; i++) {
			int r = our_rand_r(&seed);

			ok &= r == our_rand();
		}
		CHECK(ok);
	}
	CASE("strtol family: a bad base gives 0 and EINVAL") {
		static const int bad[] = { -1, 1, 37, 100 };
		for (int i = 0; i < 4; i++) {
			char *end;
			errno = 0;
			CHECK(our_strtol("12", &end, bad[i]) == 0 && errno == EINVAL);
			errno = 0;
			CHECK(our_strtoull("12", &end, bad[i]) == 0 && errno == EINVAL);
		}
	}
	CASE("atoi, atol, atoll: like glibc") {
		for (size_t i = 0; i < 19; i++) {
			CHECK(our_atoi(inputs[i]) == atoi(inputs[i]));
			CHECK(our_atol(inputs[i]) == atol(inputs[i]));
			CHECK(our_atoll(inputs[i]) == atoll(inputs[i]));
		}
	}
	CASE("qsort: random, sorted, reversed and repetitive input, like glibc") {
		for (int kind = 0; kind < 4; kind++) {
			CHECK(sorts_like_glibc(kind));
			CHECK(compares < 3L * N * 13);  /* about 2 n log2 n at most */
		}
		int one = 5;
		our_qsort(&one, 1, sizeof(int), cmp_int);
		our_qsort(NULL, 0, sizeof(int), cmp_int);
		CHECK(one == 5);
	}
	CASE("qsort: elements bigger than a word") {
		struct { int key; char pad[13]; } a[300], b[300];
		for (int i = 0; i < 300; i++) {
			a[i].key = rand() % 100;
			memset(a[i].pad, a[i].key, sizeof(a[i].pad));
		}
		memcpy(b, a, sizeof(a));
		our_qsort(a, 300, sizeof(a[0]), cmp_int);
		qsort(b, 300, sizeof(b[0]), cmp_int);
		int ok = 1;
		for (int i = 0; i < 300; i++)
			ok &= a[i].key == b[i].key &&
				memcmp(a[i].pad, b[i].pad, sizeof(a[i].pad)) == 0;
		CHECK(ok);
	}
	CASE("bsearch: finds every element and misses the gaps, like glibc") {
		int a[101];
		for (int i = 0; i < 101; i++)
			a[i] = 2 * i;
		for (int n = 0; n <= 101; n++)
			for (int key = -1; key <= 203; key++) {
				int *p = our_bsearch(&key, a, n, sizeof(int), cmp_int);
				int *q = bsearch(&key, a, n, sizeof(int), cmp_int);
				CHECK(p == q);
			}
	}
	return 0;
}
