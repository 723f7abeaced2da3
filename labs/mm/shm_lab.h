/*
 * What the mm lab's test programs share: the System V shared-memory
 * calls by their Linux i386 numbers (the base tree has no wrappers for
 * them, so they go through syscall()), the flags and struct shmid_ds as
 * Linux lays them out, and one line of output per case:
 *
 *     ok <case>
 *     FAIL <case> -- <why>
 */
#ifndef _SHM_LAB_H
#define _SHM_LAB_H

#include "../expect.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The direct system calls Linux i386 has had since 5.1. */
#define NR_shmget 395
#define NR_shmctl 396
#define NR_shmat  397
#define NR_shmdt  398

#define IPC_PRIVATE 0
#define IPC_CREAT   01000       /* shmget: make it if the key is new */
#define IPC_EXCL    02000       /* ... and fail if it is not */
#define IPC_RMID    0           /* shmctl commands */
#define IPC_SET     1
#define IPC_STAT    2
#define SHM_DEST    01000       /* shm_perm.mode: removed, waiting for detaches */
#define SHM_RDONLY  010000      /* shmat: map it read-only */
#define SHM_RND     020000      /* shmat: round the address down to SHMLBA */
#define SHMLBA      4096

struct ipc_perm {               /* Linux's ipc64_perm: 36 bytes */
	int key;
	unsigned int uid, gid, cuid, cgid;
	unsigned short mode, pad1;
	unsigned short seq, pad2;
	unsigned long unused1, unused2;
};

struct shmid_ds {               /* Linux's shmid64_ds on i386: 84 bytes */
	struct ipc_perm shm_perm;
	unsigned int shm_segsz;     /* the size asked for, in bytes */
	unsigned long shm_atime, shm_atime_high;
	unsigned long shm_dtime, shm_dtime_high;
	unsigned long shm_ctime, shm_ctime_high;
	int shm_cpid, shm_lpid;
	unsigned long shm_nattch;   /* attaches, in all processes */
	unsigned long unused4, unused5;
};

/* The calls, returning -1 with errno set on failure as libc's would. */
static inline int shmget(int key, unsigned int size, int flags)
{
	return syscall(NR_shmget, key, size, flags);
}

static inline void *shmat(int id, const void *addr, int flags)
{
	return (void *)syscall(NR_shmat, id, addr, flags);
}

static inline int shmdt(const void *addr)
{
	return syscall(NR_shmdt, addr);
}

static inline int shmctl(int id, int cmd, struct shmid_ds *buf)
{
	return syscall(NR_shmctl, id, cmd, buf);
}

#define SHM_FAILED ((void *)-1)

/* Did the call that returned ret fail with errno err? */
static inline int failed_with(long ret, int err)
{
	return ret == -1 && errno == err;
}

/* shm_nattch of segment id, or -1 if IPC_STAT fails. */
static inline long nattch(int id)
{
	struct shmid_ds ds;

	return shmctl(id, IPC_STAT, &ds) < 0 ? -1 : (long)ds.shm_nattch;
}

#endif
