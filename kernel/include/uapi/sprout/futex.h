/* The robust-futex list of set_robust_list(2), as Linux's <linux/futex.h>:
   the C library keeps, per thread, a list of the locks it holds, so that
   the kernel can mark them "owner died" when the thread ends. */
#ifndef _SPROUT_FUTEX_H
#define _SPROUT_FUTEX_H

struct robust_list {
	struct robust_list *next;
};

struct robust_list_head {
	struct robust_list list;        /* the locks held (circular) */
	long futex_offset;              /* where in a lock its futex word is */
	struct robust_list *list_op_pending;    /* being taken or let go */
};

#endif
