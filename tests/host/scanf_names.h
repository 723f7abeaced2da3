/*
 * Included first into each file of the scanf test: the host's stdio.h
 * and stdlib.h are read before libc/scanf.c's functions are renamed
 * our_*, so the host's own declarations (which glibc points at other
 * symbol names) stay as they are.
 */
#include <stdio.h>
#include <stdlib.h>
#define sscanf our_sscanf
#define vsscanf our_vsscanf
#define fscanf our_fscanf
#define vfscanf our_vfscanf
#define scanf our_scanf
#define strtod our_strtod
#define atof our_atof
double our_strtod(const char *s, char **end);
