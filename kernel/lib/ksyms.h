/*
 * The kernel's own symbol table, so that a panic can name functions.
 * The tables are generated at build time (tools/ksyms.py) and linked in.
 */
#ifndef _LIB_KSYMS_H
#define _LIB_KSYMS_H

#include "include/types.h"

extern const uint32_t ksym_count;
extern const uint32_t ksym_text_end;    /* end of the kernel's code */
extern const uint32_t ksym_addrs[];     /* sorted ascending */
extern const uint32_t ksym_name_offsets[];
extern const char ksym_names[];

/* The name of the kernel function containing addr, and the offset into
   it; NULL if addr is not in the kernel's text. */
const char *ksym_lookup(uint32_t addr, uint32_t *offset);

#endif
