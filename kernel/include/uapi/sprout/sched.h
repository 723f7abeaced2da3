/* clone(2)'s flags, as Linux's <linux/sched.h> (those Sprout names). */
#ifndef _SPROUT_SCHED_H
#define _SPROUT_SCHED_H

#define CSIGNAL               0x000000ff  /* the signal the parent gets at exit */
#define CLONE_VM              0x00000100  /* share the address space (threads) */
#define CLONE_SETTLS          0x00080000  /* tls: a struct user_desc to set */
#define CLONE_PARENT_SETTID   0x00100000  /* the child's tid to *parent_tid */
#define CLONE_CHILD_CLEARTID  0x00200000  /* set_tid_address(child_tid) */
#define CLONE_CHILD_SETTID    0x01000000  /* the child's tid to *child_tid */

#endif
