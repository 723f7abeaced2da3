/* glob(3): the file names a shell pattern matches (libc/glob.c). The
   flag and error values are glibc's. */
#ifndef _GLOB_H
#define _GLOB_H

#include <stddef.h>

typedef struct {
	size_t gl_pathc;        /* how many names matched */
	char **gl_pathv;        /* the names, NULL-terminated */
	size_t gl_offs;         /* GLOB_DOOFFS: NULLs left at the start */
} glob_t;

#define GLOB_ERR      (1 << 0)  /* stop at an unreadable folder */
#define GLOB_MARK     (1 << 1)  /* a '/' after each folder's name */
#define GLOB_NOSORT   (1 << 2)
#define GLOB_DOOFFS   (1 << 3)
#define GLOB_NOCHECK  (1 << 4)  /* no match: the pattern itself */
#define GLOB_APPEND   (1 << 5)  /* add to the names already there */
#define GLOB_NOESCAPE (1 << 6)  /* backslash is an ordinary character */

#define GLOB_NOSPACE 1
#define GLOB_ABORTED 2
#define GLOB_NOMATCH 3

int glob(const char *pattern, int flags,
	 int (*errfunc)(const char *path, int err), glob_t *g);
void globfree(glob_t *g);

#endif
