/*
 * Included first into each file of the getopt test: the host's unistd.h
 * is read before libc's getopt and its variables are renamed our_*, so
 * the host's own stay as they are.
 */
#include <unistd.h>
#define getopt our_getopt
#define optarg our_optarg
#define optind our_optind
#define opterr our_opterr
#define optopt our_optopt
extern char *our_optarg;
extern int our_optind, our_opterr, our_optopt;
int our_getopt(int argc, char *const argv[], const char *optstring);
