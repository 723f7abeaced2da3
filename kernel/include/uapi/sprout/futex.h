/*
 * futex(2), as Linux's <linux/futex.h>: the operation is the low bits of
 * op; FUTEX_PRIVATE_FLAG says the word is in memory no other process
 * maps (the kernel may then find it by virtual address alone), and
 * FUTEX_CLOCK_REALTIME that a WAIT_BITSET deadline is wall-clock time.
 */
#define FUTEX_WAIT              0
#define FUTEX_WAKE              1
#define FUTEX_REQUEUE           3
#define FUTEX_CMP_REQUEUE       4
#define FUTEX_WAKE_OP           5
#define FUTEX_WAIT_BITSET       9
#define FUTEX_WAKE_BITSET       10
#define FUTEX_PRIVATE_FLAG      128
#define FUTEX_CLOCK_REALTIME    256
#define FUTEX_CMD_MASK          (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_WAIT_PRIVATE      (FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE      (FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_BITSET_MATCH_ANY  0xffffffff      /* WAIT/WAKE's own bitset */

/* FUTEX_WAKE_OP's val3: (op << 28) | (cmp << 24) | (oparg << 12) | cmparg;
   oparg is 1 << oparg when op has FUTEX_OP_OPARG_SHIFT. */
#define FUTEX_OP_SET            0       /* *uaddr2 = oparg */
#define FUTEX_OP_ADD            1       /* += */
#define FUTEX_OP_OR             2       /* |= */
#define FUTEX_OP_ANDN           3       /* &= ~oparg */
#define FUTEX_OP_XOR            4       /* ^= */
#define FUTEX_OP_OPARG_SHIFT    8
#define FUTEX_OP_CMP_EQ         0       /* wake at uaddr2 too if old == cmparg */
#define FUTEX_OP_CMP_NE         1
#define FUTEX_OP_CMP_LT         2
#define FUTEX_OP_CMP_LE         3
#define FUTEX_OP_CMP_GT         4
#define FUTEX_OP_CMP_GE         5
#define FUTEX_OP(op, oparg, cmp, cmparg) \
	((((op) & 0xf) << 28) | (((cmp) & 0xf) << 24) | \
	 (((oparg) & 0xfff) << 12) | ((cmparg) & 0xfff))

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
