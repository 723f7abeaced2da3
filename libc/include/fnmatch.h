#ifndef _FNMATCH_H
#define _FNMATCH_H

/* Shell-style patterns: * ? [a-z] [!x] and backslash (libc/fnmatch.c). */
#define FNM_NOMATCH   1
#define FNM_NOESCAPE  0x01      /* backslash is an ordinary character */
#define FNM_PATHNAME  0x02      /* '/' matched only by a '/' */
#define FNM_PERIOD    0x04      /* a leading '.' matched only by a '.' */

int fnmatch(const char *pattern, const char *string, int flags);

#endif
