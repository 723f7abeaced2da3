/* Memory protection, as Linux's <asm-generic/mman-common.h>. */
#ifndef _SPROUT_MMAN_H
#define _SPROUT_MMAN_H

#define PROT_NONE       0x0
#define PROT_READ       0x1
#define PROT_WRITE      0x2
#define PROT_EXEC       0x4
#define PROT_GROWSDOWN  0x01000000      /* to the start of a stack area */
#define PROT_GROWSUP    0x02000000

#endif
