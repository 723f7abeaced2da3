/* Memory protection and the mmap family's flags, as Linux's
   <asm-generic/mman-common.h> and <asm-generic/mman.h> (i386). */
#ifndef _SPROUT_MMAN_H
#define _SPROUT_MMAN_H

#define PROT_NONE       0x0
#define PROT_READ       0x1
#define PROT_WRITE      0x2
#define PROT_EXEC       0x4
#define PROT_GROWSDOWN  0x01000000      /* to the start of a stack area */
#define PROT_GROWSUP    0x02000000

#define MAP_SHARED          0x01    /* writes seen by all, reach the file */
#define MAP_PRIVATE         0x02    /* writes make private copies */
#define MAP_SHARED_VALIDATE 0x03    /* MAP_SHARED, unknown flags refused */
#define MAP_TYPE            0x0f
#define MAP_FIXED           0x10    /* exactly at addr, replacing */
#define MAP_ANONYMOUS       0x20    /* zeros, no file */
#define MAP_ANON            MAP_ANONYMOUS
#define MAP_32BIT           0x40
#define MAP_GROWSDOWN       0x0100
#define MAP_DENYWRITE       0x0800
#define MAP_EXECUTABLE      0x1000
#define MAP_LOCKED          0x2000
#define MAP_NORESERVE       0x4000
#define MAP_POPULATE        0x8000
#define MAP_NONBLOCK        0x10000
#define MAP_STACK           0x20000
#define MAP_HUGETLB         0x40000
#define MAP_FIXED_NOREPLACE 0x100000    /* at addr, or EEXIST */
#define MAP_FAILED          ((void *)-1)

#define MREMAP_MAYMOVE      1
#define MREMAP_FIXED        2
#define MREMAP_DONTUNMAP    4

#define MS_ASYNC            1
#define MS_INVALIDATE       2
#define MS_SYNC             4

#define MADV_NORMAL         0
#define MADV_RANDOM         1
#define MADV_SEQUENTIAL     2
#define MADV_WILLNEED       3
#define MADV_DONTNEED       4
#define MADV_FREE           8
#define MADV_REMOVE         9
#define MADV_DONTFORK       10
#define MADV_DOFORK         11
#define MADV_MERGEABLE      12
#define MADV_UNMERGEABLE    13
#define MADV_HUGEPAGE       14
#define MADV_NOHUGEPAGE     15
#define MADV_DONTDUMP       16
#define MADV_DODUMP         17

/* The old mmap (90) takes its six arguments in memory. */
struct mmap_arg_struct {
	unsigned long addr, len, prot, flags, fd, offset;
};

#endif
