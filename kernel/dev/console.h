/*
 * The console: output goes to the VGA text screen (through a terminal
 * emulator, vt.h) and to COM1 together; input comes from the PS/2
 * keyboard (keymap.h turns its scancodes into what a terminal sends)
 * and from COM1 (so that QEMU's -nographic mode and the test scripts
 * can type).
 */
#ifndef _DEV_CONSOLE_H
#define _DEV_CONSOLE_H

#include "include/types.h"

void console_init(void);
/* Kernel messages: NL becomes CR NL. */
void console_write(const char *buf, size_t n);
/* The tty's output: bytes exactly as given. */
void console_output(const char *buf, size_t n);
/* A character typed on either device: called from interrupt handlers.
   It goes to the console's tty (kernel/dev/tty.h). */
void console_input(char c);

void serial_init(void);
void serial_putc(char c);          /* the byte as it is */
void serial_enable_input(void);
void vga_init(void);
void vga_write(const char *buf, size_t n);   /* bytes for its terminal */
void keyboard_init(void);

#endif
