/*
 * printk: the kernel's printf. The text goes to whatever the console
 * driver registered (kernel/dev/console.c: the VGA screen and COM1), so
 * that lib/ needs no driver to be written.
 */
#ifndef _LIB_PRINTK_H
#define _LIB_PRINTK_H

#include "include/types.h"

typedef void (*console_write_t)(const char *buf, size_t n);

int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void register_console(console_write_t write);

#endif
