/*
 * Touching user memory from the kernel. A pointer from a system call is
 * the user's word only: it may be NULL, point into the kernel, or at
 * memory that is not there. verify_area() checks every page of a user
 * buffer the way the CPU would on a user access, making heap and stack
 * pages present and copying shared (copy-on-write) pages for writing, as
 * Linux 0.11's verify_area() did. After it succeeds the kernel may use the
 * buffer directly: no other task can change this address space meanwhile.
 */
#ifndef _MM_UACCESS_H
#define _MM_UACCESS_H

#include "include/types.h"

#define VERIFY_READ  0
#define VERIFY_WRITE 1

int verify_area(const void *uaddr, size_t n, int write);   /* 0 or -EFAULT */
/* As in Linux: the number of bytes NOT copied, so 0 means success and
   callers write `if (copy_to_user(...)) return -EFAULT;`. The whole
   buffer is checked first, so it is all or nothing here; a failed
   copy_from_user leaves dst zeroed. */
unsigned long copy_from_user(void *dst, const void *usrc, unsigned long n);
unsigned long copy_to_user(void *udst, const void *src, unsigned long n);
/* Copy a NUL-terminated string: its length, -EFAULT, or -ENAMETOOLONG
   when there is no NUL within max bytes. */
long strncpy_from_user(char *dst, const char *usrc, size_t max);

#endif
