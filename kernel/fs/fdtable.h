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
	struct file *fd[NR_OPEN];
	uint64_t close_on_exec;     /* bit n: close fd n at execve */
};

/* Hooks for the process code. */
struct files_struct *files_alloc(void);                 /* NULL: ENOMEM */
struct files_struct *files_dup(struct files_struct *old);   /* fork */
void files_close_on_exec(struct files_struct *files);   /* execve */
void files_put(struct files_struct *files);             /* exit */
int open_console_fds(void);     /* process 1: /dev/console as fds 0, 1, 2 */

/* The current process's table. */
struct file *fd_lookup(unsigned int fd);        /* NULL: not open (EBADF) */
int get_unused_fd(unsigned int from);           /* lowest free >= from, or -EMFILE */
unsigned int fd_limit(void);    /* RLIMIT_NOFILE: fds are below it */
void fd_install(unsigned int fd, struct file *f, bool cloexec);
int fd_close(unsigned int fd);                  /* 0 or -EBADF */
void set_close_on_exec(unsigned int fd, bool on);
bool get_close_on_exec(unsigned int fd);

#endif
