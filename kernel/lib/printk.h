/*
 * printk: the kernel's printf. The text goes to whatever the console
 * driver registered (kernel/dev/console.c: the VGA screen and COM1), so
 * that lib/ needs no driver to be written. It also keeps the text in the
 * kernel log, the ring that dmesg reads (syslog(2), proc/syslog.c).
 */
#ifndef _LIB_PRINTK_H
#define _LIB_PRINTK_H

#include "include/types.h"

typedef void (*console_write_t)(const char *buf, size_t n);

int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void register_console(console_write_t write);

/* The kernel log: the last LOG_BUF_LEN bytes printed. A position counts
   bytes since boot; log_copy() copies from position from (or the oldest
   kept, if later) up to n bytes, and returns how many. notify is called
   after each message (from interrupts too): a reader waiting wakes. */
#define LOG_BUF_LEN 16384
uint32_t log_position(void);
size_t log_copy(uint32_t from, char *dst, size_t n);
void register_log_notify(void (*notify)(void));

#endif
