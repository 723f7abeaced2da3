/*
 * The mmap family's entry points that need to know the process: the
 * file behind an fd, and RLIMIT_AS. The VMA work itself is mm/'s
 * (mm/mmap.c, mm/mremap.c; docs/mm.md draws it).
 *
 *   mmap2(addr, len, prot, flags, fd, pgoff)   192: offset in pages
 *   mmap(struct mmap_arg_struct *)              90: the old one, bytes
 *   mremap(old, old_len, new_len, flags, new)  163
 *
 * Linux's errors: bad flags or protection, or len 0 (EINVAL), more than
 * the address space (ENOMEM), no such fd (EBADF), a file that cannot be
 * mapped (ENODEV) or not in that way (EACCES).
 */
#include "proc/proc.h"
#include "sched/sched.h"
#include "fs/fs.h"
#include "mm/mm.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/mman.h>
#include <sprout/rlimit.h>

/* The flags MAP_SHARED_VALIDATE knows; others it refuses (EOPNOTSUPP). */
#define MAP_KNOWN (MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | MAP_32BIT | \
		   MAP_GROWSDOWN | MAP_DENYWRITE | MAP_EXECUTABLE | \
		   MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | \
		   MAP_STACK | MAP_FIXED_NOREPLACE)

static uint64_t as_limit(void)
{
	rlim_t lim = rlimit(RLIMIT_AS);

	return lim == RLIM_INFINITY ? (uint64_t)1 << 32 : lim;
}

/* The VM_* flags of a new mapping of f (NULL: anonymous). */
static long map_flags(struct file *f, unsigned long prot,
		      unsigned long flags, uint32_t *vm_flags)
{
	bool shared = (flags & MAP_TYPE) != MAP_PRIVATE;
	bool may_write = true;
	int err = f ? file_mmap_check(f, shared, prot, &may_write) : 0;

	*vm_flags = prot_to_vm(prot) | (shared ? VM_SHARED : 0) |
		    (may_write ? VM_MAYWRITE : 0) |
		    ((flags & MAP_GROWSDOWN) ? VM_GROWSDOWN : 0);
	return err;
}

static long do_mmap_pgoff(unsigned long addr, unsigned long len,
			  unsigned long prot, unsigned long flags,
			  unsigned long fd, unsigned long pgoff)
{
	unsigned long type = flags & MAP_TYPE;
	struct file *f = NULL;
	uint32_t vm_flags;
	long err;

	if (type != MAP_SHARED && type != MAP_PRIVATE &&
	    type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	if (type == MAP_SHARED_VALIDATE && (flags & ~MAP_KNOWN))
		return -EOPNOTSUPP;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if (len == 0)
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (len == 0 || len > USER_TOP)
		return -ENOMEM;
	if (!(flags & MAP_ANONYMOUS)) {
		if (!(f = fd_lookup(fd)))
			return -EBADF;
		if (pgoff + len / PAGE_SIZE < pgoff)
			return -EOVERFLOW;
	} else {
		pgoff = 0;
	}
	err = map_flags(f, prot, flags, &vm_flags);
	if (err)
		return err;
	if (f && file_maps_zeros(f)) {  /* /dev/zero: anonymous memory */
		f = NULL;
		pgoff = 0;
	}
	return do_mmap(current->mm, addr, len, vm_flags, flags, f,
		       &file_vm_ops, pgoff, as_limit());
}

long sys_mmap2(void *addr, size_t len, int prot, int flags, int fd,
	       unsigned long pgoff)
{
	return do_mmap_pgoff((unsigned long)addr, len, prot, flags, fd, pgoff);
}

long sys_old_mmap(struct mmap_arg_struct *uargs)
{
	struct mmap_arg_struct a;

	if (copy_from_user(&a, uargs, sizeof(a)))
		return -EFAULT;
	if (a.offset % PAGE_SIZE)
		return -EINVAL;
	return do_mmap_pgoff(a.addr, a.len, a.prot, a.flags, a.fd,
			     a.offset / PAGE_SIZE);
}

long sys_mremap(void *old_addr, size_t old_len, size_t new_len, int flags,
		void *new_addr)
{
	return do_mremap(current->mm, (uint32_t)old_addr, old_len, new_len,
			 flags, (uint32_t)new_addr, as_limit());
}
