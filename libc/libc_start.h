/*
 * The start of a program: crt0.S's _start calls __libc_start_main
 * (tls.c), which sets up the main thread and calls the program's main.
 */
#ifndef _LIBC_START_H
#define _LIBC_START_H

void __libc_start_main(int argc, char **argv, char **envp)
	__attribute__((noreturn));
int main(int argc, char **argv, char **envp);

#endif
