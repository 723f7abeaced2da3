/*
 * The environment and the program's name: crt0.S sets both before main(). It has a file of
 * its own so that a program using only environ does not link the exec
 * functions beside it.
 */
#include <unistd.h>

char **environ;
char *program_invocation_name;
