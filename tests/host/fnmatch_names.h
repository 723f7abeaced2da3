/*
 * Included first into the fnmatch test: the host's fnmatch.h is read
 * before libc's, and libc's function is renamed our_fnmatch.
 */
#include <fnmatch.h>
#define fnmatch our_fnmatch
int our_fnmatch(const char *pattern, const char *string, int flags);
