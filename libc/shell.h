/* Running a command line the way system() and popen() do: in a child,
   /bin/sh -c line (libc/shell.c). */
#ifndef _LIBC_SHELL_H
#define _LIBC_SHELL_H

#define SHELL_PATH "/bin/sh"

/* Called in the child after fork: exec the shell, or end with 127, the
   shell's own status for "command not found". */
void __exec_shell(const char *line) __attribute__((noreturn));

#endif
