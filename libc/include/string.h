#ifndef _STRING_H
#define _STRING_H

#include <stddef.h>
#include <strings.h>        /* strcasecmp and friends, as glibc gives them */

/* kernel/lib/string.c, shared with the kernel */
void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
size_t strlcpy(char *dst, const char *src, size_t size);

/* libc/string.c */
void *memchr(const void *s, int c, size_t n);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strsep(char **s, const char *delim);
char *strtok(char *s, const char *delim);
char *strtok_r(char *s, const char *delim, char **rest);
char *strdup(const char *s);
char *strndup(const char *s, size_t max);
char *stpcpy(char *dst, const char *src);
void *memmem(const void *haystack, size_t len, const void *needle, size_t n);
int strcoll(const char *a, const char *b);
char *strerror(int errnum);     /* libc/strerror.c: every Linux errno */
char *strsignal(int sig);       /* libc/signal.c */

#endif
