/*
 * A small buffered stdio. A FILE is a file descriptor plus a buffer, so
 * that printing a line costs one write(2) instead of one per character.
 * A FILE on a terminal is line buffered, on anything else fully
 * buffered; stderr is unbuffered; exit() flushes them all. See
 * docs/libc.md.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stddef.h>
#include <stdarg.h>
#include <sys/types.h>
#include <sprout/fcntl.h>       /* SEEK_SET, SEEK_CUR, SEEK_END */

#define EOF (-1)
#define BUFSIZ 1024

#define _IOFBF 0                /* fully buffered */
#define _IOLBF 1                /* line buffered */
#define _IONBF 2                /* unbuffered */

typedef struct FILE FILE;
typedef off_t fpos_t;

extern FILE *stdin, *stdout, *stderr;

FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *path, const char *mode, FILE *f);  /* path NULL:
					   the same file in another mode */
int fclose(FILE *f);
FILE *tmpfile(void);
int remove(const char *path);
int setvbuf(FILE *f, char *buf, int mode, size_t size);  /* before any I/O */
void setbuf(FILE *f, char *buf);
int fflush(FILE *f);            /* NULL: every open FILE */
size_t fread(void *buf, size_t size, size_t n, FILE *f);
size_t fwrite(const void *buf, size_t size, size_t n, FILE *f);
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
int ungetc(int c, FILE *f);
char *fgets(char *s, int size, FILE *f);
ssize_t getline(char **line, size_t *cap, FILE *f);
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);        /* forget end of file and errors */
int fileno(FILE *f);
void flockfile(FILE *f);        /* hold f for a series of calls (threads) */
int ftrylockfile(FILE *f);      /* 0, or nonzero: another thread holds it */
void funlockfile(FILE *f);
int fseek(FILE *f, long offset, int whence);
long ftell(FILE *f);
void rewind(FILE *f);
int fgetpos(FILE *f, fpos_t *pos);
int fsetpos(FILE *f, const fpos_t *pos);
void perror(const char *s);
FILE *popen(const char *line, const char *mode);  /* libc/popen.c */
int pclose(FILE *f);

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vdprintf(int fd, const char *fmt, va_list ap);
int sprintf(char *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* libc/scanf.c */
int scanf(const char *fmt, ...) __attribute__((format(scanf, 1, 2)));
int fscanf(FILE *f, const char *fmt, ...) __attribute__((format(scanf, 2, 3)));
int sscanf(const char *s, const char *fmt, ...)
	__attribute__((format(scanf, 2, 3)));
int vfscanf(FILE *f, const char *fmt, va_list ap);
int vsscanf(const char *s, const char *fmt, va_list ap);

/* rename: prototypes from the kernel's system-call table. */
#define __SYSCALLS_stdio __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_stdio

#endif
