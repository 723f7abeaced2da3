/*
 * Included first into the glob test: the host's glob.h is read before
 * libc's (whose glob_t starts with the same three fields), and libc's
 * functions are renamed our_glob and our_globfree.
 */
#include <glob.h>
#define glob our_glob
#define globfree our_globfree
int our_glob(const char *pattern, int flags,
	     int (*errfunc)(const char *, int), glob_t *g);
void our_globfree(glob_t *g);
