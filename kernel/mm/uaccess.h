/*
 * Touching user memory from the kernel. A pointer from a system call is
 * the user's word only: it may be NULL, point into the kernel, or at
 * memory that is not there yet (a heap page never touched) or never
 * (past the heap).
 *
 * The copies below make present only the pages of their own range, a
 * page at a time, as the CPU's page fault would (heap and stack pages
 * appear, a shared page is copied before a write, see fault.c), then
 * memcpy the bytes of those pages. The kernel-side buffer bounds that
 * range, and the callers copy a bulk transfer in such pieces: so a
 * 1.5 GiB write() from an untouched heap costs no memory (reading an
 * untouched page maps the shared zero page), and a copy that meets a
 * bad page stops there: the bytes before it have moved, as on Linux.
 * Faulting in and copying cannot be pulled apart by another task: the
 * kernel is not preempted, and only this task changes its address
 * space. (It may sleep while a page is found - the OOM killer waits
 * for its victim - but nothing unmaps a page of ours meanwhile.)
 *
 * verify_area(), which makes a whole range present first, is kept only
 * for small fixed-size objects that the kernel then writes in place: a
 * signal frame (signal/frame.c), wait4's status and rusage
 * (proc/exit.c, which must know before it reaps a child) and sendmsg's
 * control data (net/scm.c, read in place; OPTMEM_MAX, 20 KiB, at most).
 * A few pages at most; a bulk buffer never goes through it (that pinned memory the
 * caller had not touched, and could take the machine's last page).
 */
#ifndef _MM_UACCESS_H
#define _MM_UACCESS_H

#include "include/types.h"
#include "mm/vm.h"              /* USER_TOP */

#define VERIFY_READ  0
#define VERIFY_WRITE 1

/* Could [uaddr, uaddr + n) be user memory at all: no wrap, below the
   kernel? A range check only: nothing is made present. (Inline: every
   read and write asks it.) */
static inline bool access_ok(const void *uaddr, size_t n)
{
	uint32_t start = (uint32_t)uaddr, end = start + n;

	return n == 0 || (end >= start && end <= USER_TOP);
}
int verify_area(const void *uaddr, size_t n, int write);   /* 0 or -EFAULT */
/* As in Linux: the number of bytes NOT copied, so 0 means success and a
   call that must have it all writes `if (copy_to_user(...)) return
   -EFAULT;`, while a transfer (read, write) returns the bytes done. A
   short copy_from_user zeroes the rest of dst. */
unsigned long copy_from_user(void *dst, const void *usrc, unsigned long n);
unsigned long copy_to_user(void *udst, const void *src, unsigned long n);
unsigned long clear_user(void *udst, unsigned long n);     /* zeros */
/* Make the n user bytes at uaddr present for reading (or writing),
   without copying: the bytes NOT made present. For a caller that must
   know how much it can move before it changes anything (a file write
   allocates blocks), or that must not sleep once it has looked at its
   data (a pipe's ring; finding a page may wait for the OOM killer).
   Then memcpy on those bytes cannot fault. */
size_t fault_in_readable(const void *uaddr, size_t n);
size_t fault_in_writeable(void *uaddr, size_t n);
/* Copy a NUL-terminated string: its length, -EFAULT, or -ENAMETOOLONG
   when there is no NUL within max bytes. */
long strncpy_from_user(char *dst, const char *usrc, size_t max);

/* user_time.c: a struct timespec in user memory, 32-bit seconds or (time64)
   a struct __kernel_timespec; 0 or -EFAULT. put_ writes ns as one. */
struct __kernel_timespec;
int get_user_timespec(const void *uts, bool time64,
		      struct __kernel_timespec *ts);
int put_user_timespec(void *uts, bool time64, uint64_t ns);

#endif
