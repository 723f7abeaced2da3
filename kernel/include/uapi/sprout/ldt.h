/* set_thread_area(2) / get_thread_area(2): struct user_desc, as Linux's
   <asm/ldt.h> (16 bytes on i386). It describes one segment in words a
   program can fill in; the kernel turns it into an 8-byte descriptor. */
#ifndef _SPROUT_LDT_H
#define _SPROUT_LDT_H

struct user_desc {
	unsigned int entry_number;      /* GDT index; -1: "pick a free one" */
	unsigned int base_addr;         /* where %gs:0 is */
	unsigned int limit;             /* last offset (pages if limit_in_pages) */
	unsigned int seg_32bit:1;       /* a 32-bit segment (required) */
	unsigned int contents:2;        /* 0 data, 1 data growing down */
	unsigned int read_exec_only:1;  /* 1: read-only */
	unsigned int limit_in_pages:1;  /* limit counts 4 KiB pages */
	unsigned int seg_not_present:1;
	unsigned int useable:1;         /* the descriptor's AVL bit */
};

#endif
