/*
 * The per-process file-descriptor table: the first of the three levels.
 *
 * An fd is an index into fd[]; the slot points at a struct file in the
 * system-wide table (fs/file.c). Two fds may point at one struct file
 * (dup, or the same fd in parent and child after fork): they then share
 * its offset and flags. Only close-on-exec belongs to the fd itself.
 */
#ifndef _FS_FDTABLE_H
#define _FS_FDTABLE_H

#include "fs/fs.h"

struct files_struct {
	int count;                  /* tasks using it: clone(CLONE_FILES)
				       shares one table between threads */
	struct file *fd[NR_OPEN];
	uint64_t close_on_exec;     /* bit n: close fd n at execve */
};

/* Hooks for the process code. */
struct files_struct *files_alloc(void);                 /* NULL: ENOMEM */
struct files_struct *files_dup(struct files_struct *old);   /* fork */
void files_close_on_exec(struct files_struct *files);   /* execve */
void files_get(struct files_struct *files);     /* clone(CLONE_FILES) */
void files_put(struct files_struct *files);     /* exit: the last closes */

/* cwd.c: the cwd and umask (struct fs_struct, sched/sched.h), shared
   by clone(CLONE_FS), else copied. */
struct fs_struct *fs_copy(const struct fs_struct *old);  /* NULL: ENOMEM */
void fs_get(struct fs_struct *fs);
void fs_put(struct fs_struct *fs);
int open_console_fds(void);     /* process 1: /dev/console as fds 0, 1, 2 */

/* The current process's table. */
struct file *fd_lookup(unsigned int fd);        /* NULL: not open (EBADF) */
void files_release_held(void);  /* a system call's end: what fd_lookup held */
int get_unused_fd(unsigned int from);           /* lowest free >= from, or -EMFILE */
unsigned int fd_limit(void);    /* RLIMIT_NOFILE: fds are below it */
void fd_install(unsigned int fd, struct file *f, bool cloexec);
int fd_close(unsigned int fd);                  /* 0 or -EBADF */
void set_close_on_exec(unsigned int fd, bool on);
bool get_close_on_exec(unsigned int fd);

#endif
