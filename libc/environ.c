/*
 * The environment: crt0.S sets environ before main(). It has a file of
 * its own so that a program using only environ does not link the exec
 * functions beside it.
 */
#include <unistd.h>

char **environ;
