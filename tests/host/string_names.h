/*
 * Included first into each file of the string test: the host's headers
 * are read, then libc's string functions (libc/string.c, strings.c,
 * strerror.c) are renamed our_*, so the host's declarations stay as they
 * are. The kernel's list of errno names and messages, which strerror.c
 * is made from, comes after glibc's <errno.h> (the numbers agree).
 */
#define _GNU_SOURCE
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <stdio.h>
#include <errno.h>
#include <sprout/errno.h>
#define memchr our_memchr
#define strcpy our_strcpy
#define strncpy our_strncpy
#define strcat our_strcat
#define strncat our_strncat
#define strrchr our_strrchr
#define strstr our_strstr
#define strspn our_strspn
#define strcspn our_strcspn
#define strpbrk our_strpbrk
#define strsep our_strsep
#define strtok our_strtok
#define strtok_r our_strtok_r
#define strdup our_strdup
#define strndup our_strndup
#define stpcpy our_stpcpy
#define memmem our_memmem
#define strcoll our_strcoll
#define strerror our_strerror
#define strcasecmp our_strcasecmp
#define strncasecmp our_strncasecmp
#define bzero our_bzero
#define index our_index
#define rindex our_rindex
#define ffs our_ffs
void *our_memchr(const void *s, int c, size_t n);
char *our_strcpy(char *dst, const char *src);
char *our_strncpy(char *dst, const char *src, size_t n);
char *our_strcat(char *dst, const char *src);
char *our_strncat(char *dst, const char *src, size_t n);
char *our_strrchr(const char *s, int c);
char *our_strstr(const char *haystack, const char *needle);
size_t our_strspn(const char *s, const char *accept);
size_t our_strcspn(const char *s, const char *reject);
char *our_strpbrk(const char *s, const char *accept);
char *our_strsep(char **s, const char *delim);
char *our_strtok(char *s, const char *delim);
char *our_strtok_r(char *s, const char *delim, char **rest);
char *our_strdup(const char *s);
char *our_strndup(const char *s, size_t max);
char *our_stpcpy(char *dst, const char *src);
void *our_memmem(const void *haystack, size_t len, const void *needle, size_t n);
int our_strcoll(const char *a, const char *b);
char *our_strerror(int errnum);
int our_strcasecmp(const char *a, const char *b);
int our_strncasecmp(const char *a, const char *b, size_t n);
void our_bzero(void *s, size_t n);
char *our_index(const char *s, int c);
char *our_rindex(const char *s, int c);
int our_ffs(int i);
