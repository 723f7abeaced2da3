#ifndef _LIB_KSYMS_H
#define _LIB_KSYMS_H

#include "include/types.h"

/* The name of the kernel function containing addr, and the offset into
   it; NULL if addr is not in the kernel's text. */
const char *ksym_lookup(uint32_t addr, uint32_t *offset);

#endif
