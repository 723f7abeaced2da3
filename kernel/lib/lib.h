/*
 * lib/: the kernel's own small C library, the bottom layer. Nothing here
 * knows about hardware, memory management or processes, so every other
 * folder may use it (and libc shares string.c and vsprintf.c).
 *
 *   string.h    memcpy, strlen, ... (string.c)
 *   vsprintf.h  the printf formatter (vsprintf.c)
 *   printk.h    printk, and the console it writes to (printk.c)
 *   ksyms.h     the kernel's symbol table, for backtraces (ksyms.c)
 */
#ifndef _LIB_LIB_H
#define _LIB_LIB_H

#include "lib/string.h"
#include "lib/vsprintf.h"
#include "lib/printk.h"
#include "lib/ksyms.h"

#endif
