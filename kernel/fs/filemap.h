/*
 * Files mapped into address spaces (filemap.c): what mmap of a regular
 * file needs from fs/. mm/'s fault handler reaches it through the VMA's
 * vm_ops; proc/mmap.c checks the open file with file_mmap_check.
 */
#ifndef _FS_FILEMAP_H
#define _FS_FILEMAP_H

#include "mm/mm.h"

struct file;
struct inode;

extern const struct vm_operations_struct file_vm_ops;

/* May f be mapped, shared or not, with prot (PROT_*)? 0, -EACCES (not
   open for reading, or a shared writable mapping of a file not open for
   writing) or -ENODEV (not a regular file). *may_write: whether
   mprotect may make a shared mapping writable later. */
int file_mmap_check(struct file *f, bool shared, int prot, bool *may_write);

/* ftruncate made inode size long: unmap its pages past the end from
   every address space, so that a touch there is SIGBUS. */
void unmap_file_tail(struct inode *inode, loff_t size);

/* Is f /dev/zero, whose mappings are anonymous memory (no file)? */
bool file_maps_zeros(const struct file *f);

/* Is the fs lock held by the running task? A page fault inside read()
   (the buffer is a mapping of a file) must not take it again. */
bool fs_locked_by_current(void);

#endif
