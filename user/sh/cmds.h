/*
 * Commands that are both shell builtins and programs of their own: the
 * shell calls these directly, and /bin/echo, /bin/printf, /bin/test and
 * /bin/[ are a one-line main around the same function (user/bin/echo.c ...).
 * They write with stdio; the shell flushes after each builtin.
 */
#ifndef CMDS_H
#define CMDS_H

int echo_main(int argc, char **argv);   /* echo.c */
int printf_main(int argc, char **argv); /* printf.c */
int test_main(int argc, char **argv);   /* test.c: test and [ */

/* echo.c: after a command's output, its status; if stdout could not be
   written (a full disk, a closed fd), "PREFIXNAME: write error: why" on
   stderr and 1, as bash's builtins and GNU's programs say. */
int write_status(const char *prefix, const char *name, int status);

/* echo.c, shared with printf */
int backslash_escape(const char *s, int *used, int zero_octal);
int print_escaped(const char *s, int zero_octal);

#endif
