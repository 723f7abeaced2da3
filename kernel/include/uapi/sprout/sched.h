/* clone(2)'s flags, as Linux's <linux/sched.h> (those Sprout names). */
#ifndef _SPROUT_SCHED_H
#define _SPROUT_SCHED_H

#define CSIGNAL               0x000000ff  /* the signal the parent gets at exit */
#define CLONE_VM              0x00000100  /* share the address space */
#define CLONE_FS              0x00000200  /* share cwd and umask */
#define CLONE_FILES           0x00000400  /* share the fd table */
#define CLONE_SIGHAND         0x00000800  /* share the signal actions */
#define CLONE_PIDFD           0x00001000  /* a pidfd (Sprout: EINVAL) */
#define CLONE_PTRACE          0x00002000  /* traced too (no ptrace: no-op) */
#define CLONE_VFORK           0x00004000  /* the parent sleeps until the
					     child execs or exits */
#define CLONE_PARENT          0x00008000  /* the child is the caller's sibling */
#define CLONE_THREAD          0x00010000  /* same thread group: a thread */
#define CLONE_NEWNS           0x00020000  /* namespaces: Sprout has none */
#define CLONE_SYSVSEM         0x00040000  /* share semaphore undo (none) */
#define CLONE_SETTLS          0x00080000  /* tls: a struct user_desc to set */
#define CLONE_PARENT_SETTID   0x00100000  /* the child's tid to *parent_tid */
#define CLONE_CHILD_CLEARTID  0x00200000  /* set_tid_address(child_tid) */
#define CLONE_DETACHED        0x00400000  /* ignored, as Linux does */
#define CLONE_UNTRACED        0x00800000  /* (no ptrace: no-op) */
#define CLONE_CHILD_SETTID    0x01000000  /* the child's tid to *child_tid */
#define CLONE_IO              0x80000000  /* share I/O context (no-op) */

#endif
