/*
 * What a FILE is, shared by libc's stdio files (stdio.c: buffers,
 * reading and writing; fopen.c: opening and closing; fseek.c:
 * positioning). Programs see only the name FILE.
 */
#ifndef _LIBC_STDIO_FILE_H
#define _LIBC_STDIO_FILE_H

#include <stdio.h>

#define F_EOF    1
#define F_ERR    2
#define F_OWNBUF 4              /* buf came from malloc: fclose frees it */

/* Not yet decided: at the first read or write, a terminal makes the FILE
   line buffered and anything else fully buffered (C 7.21.3). */
#define BUF_AUTO (-1)

struct FILE {
	int fd;
	int flags;
	int mode;                   /* _IOFBF, _IOLBF, _IONBF or BUF_AUTO */
	unsigned char *buf;         /* NULL until the first read or write */
	size_t size;
	size_t wlen;                /* output waiting in buf */
	size_t rpos, rlen;          /* input in buf: next byte, end */
	int ungot;                  /* a byte given back by ungetc, or EOF */
	unsigned char one;          /* the buffer of an unbuffered FILE */
	pid_t pid;                  /* popen's command, for pclose to wait */
	FILE *next;                 /* all open FILEs, for fflush(NULL) */
	volatile int lock;          /* flockfile: a futex lock (lock.c) */
	void *owner;                /* the thread holding it, */
	int count;                  /* how many times */
};

/* expr, computed with f locked: each stdio call is one step to other
   threads (two printf lines never mix), and a call made while the
   caller holds the lock (flockfile, or stdio calling itself) nests. */
#define LOCKED(f, expr) ({ \
	flockfile(f); \
	__typeof__(expr) __result = (expr); \
	funlockfile(f); \
	__result; \
})

extern FILE *__stdio_files;     /* fopen.c */

#endif
