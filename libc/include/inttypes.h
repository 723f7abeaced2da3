/*
 * printf and scanf conversions for the <stdint.h> types, and the
 * intmax_t functions (libc/inttypes.c). The types are the compiler's
 * (<stdint.h>): on Linux i386 int32_t is int, int64_t and intmax_t are
 * long long, intptr_t is int:
 *
 *	printf("%" PRId64 "\n", big);    ->  printf("%lld\n", big)
 *
 * A compiler built for bare i686-elf follows newlib instead, whose
 * int32_t is a long: there the 32-bit conversions need an l.
 */
#ifndef _INTTYPES_H
#define _INTTYPES_H

#include <stdint.h>

#define __PRI8   "hh"
#define __PRI16  "h"
#ifdef __linux__
#define __PRI32  ""
#else
#define __PRI32  "l"            /* i686-elf: int32_t is long int */
#endif
#define __PRI64  "ll"
#define __PRIMAX "ll"
#define __PRIPTR ""

#define PRId8    __PRI8 "d"
#define PRId16   __PRI16 "d"
#define PRId32   __PRI32 "d"
#define PRId64   __PRI64 "d"
#define PRIdMAX  __PRIMAX "d"
#define PRIdPTR  __PRIPTR "d"
#define PRIi8    __PRI8 "i"
#define PRIi16   __PRI16 "i"
#define PRIi32   __PRI32 "i"
#define PRIi64   __PRI64 "i"
#define PRIiMAX  __PRIMAX "i"
#define PRIiPTR  __PRIPTR "i"
#define PRIo8    __PRI8 "o"
#define PRIo16   __PRI16 "o"
#define PRIo32   __PRI32 "o"
#define PRIo64   __PRI64 "o"
#define PRIoMAX  __PRIMAX "o"
#define PRIoPTR  __PRIPTR "o"
#define PRIu8    __PRI8 "u"
#define PRIu16   __PRI16 "u"
#define PRIu32   __PRI32 "u"
#define PRIu64   __PRI64 "u"
#define PRIuMAX  __PRIMAX "u"
#define PRIuPTR  __PRIPTR "u"
#define PRIx8    __PRI8 "x"
#define PRIx16   __PRI16 "x"
#define PRIx32   __PRI32 "x"
#define PRIx64   __PRI64 "x"
#define PRIxMAX  __PRIMAX "x"
#define PRIxPTR  __PRIPTR "x"
#define PRIX8    __PRI8 "X"
#define PRIX16   __PRI16 "X"
#define PRIX32   __PRI32 "X"
#define PRIX64   __PRI64 "X"
#define PRIXMAX  __PRIMAX "X"
#define PRIXPTR  __PRIPTR "X"

#define SCNd8    __PRI8 "d"
#define SCNd16   __PRI16 "d"
#define SCNd32   __PRI32 "d"
#define SCNd64   __PRI64 "d"
#define SCNdMAX  __PRIMAX "d"
#define SCNdPTR  __PRIPTR "d"
#define SCNi8    __PRI8 "i"
#define SCNi16   __PRI16 "i"
#define SCNi32   __PRI32 "i"
#define SCNi64   __PRI64 "i"
#define SCNiMAX  __PRIMAX "i"
#define SCNiPTR  __PRIPTR "i"
#define SCNu8    __PRI8 "u"
#define SCNu16   __PRI16 "u"
#define SCNu32   __PRI32 "u"
#define SCNu64   __PRI64 "u"
#define SCNuMAX  __PRIMAX "u"
#define SCNuPTR  __PRIPTR "u"
#define SCNx8    __PRI8 "x"
#define SCNx16   __PRI16 "x"
#define SCNx32   __PRI32 "x"
#define SCNx64   __PRI64 "x"
#define SCNxMAX  __PRIMAX "x"
#define SCNxPTR  __PRIPTR "x"
#define SCNo8    __PRI8 "o"
#define SCNo16   __PRI16 "o"
#define SCNo32   __PRI32 "o"
#define SCNo64   __PRI64 "o"
#define SCNoMAX  __PRIMAX "o"
#define SCNoPTR  __PRIPTR "o"

typedef struct { intmax_t quot, rem; } imaxdiv_t;

intmax_t imaxabs(intmax_t x);
imaxdiv_t imaxdiv(intmax_t num, intmax_t den);
intmax_t strtoimax(const char *s, char **end, int base);
uintmax_t strtoumax(const char *s, char **end, int base);

#endif
