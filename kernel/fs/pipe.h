/*
 * Pipes and FIFOs, fs/'s own header: the pipe object that pipe.c reads
 * and writes and fifo.c opens by name. docs/pipes.md draws it.
 *
 * A pipe is a ring buffer in memory, hung off an inode (i_pipe). An
 * anonymous pipe's inode lives in memory only; a FIFO's is on the disk,
 * and its pipe exists while someone has it open.
 */
#ifndef _FS_PIPE_H
#define _FS_PIPE_H

#include "fs/fs.h"
#include "sched/sched.h"

/* The ring's capacity: PIPE_PAGES pages. docs/pipes.md has the
   measurements behind the choice. */
#define PIPE_PAGES 16
#define PIPE_SIZE  (PIPE_PAGES * PAGE_SIZE)

/* POSIX: a write of up to PIPE_BUF bytes is atomic, never interleaved
   with another writer's bytes. So the ring must hold PIPE_BUF at once. */
#define PIPE_BUF 4096

struct pipe_inode_info {
	char *page[PIPE_PAGES];     /* the ring: PIPE_SIZE bytes, page by page */
	size_t start;               /* the oldest unread byte */
	size_t len;                 /* bytes waiting to be read */
	int readers, writers;       /* open read and write ends (struct files) */
	unsigned int r_counter;     /* read opens ever made (a FIFO's opener  */
	unsigned int w_counter;     /*  waits for the other count to move)   */
	struct wait_queue read_wait;    /* for data, or a FIFO's first writer */
	struct wait_queue write_wait;   /* for room, or a FIFO's first reader */
};

/* pipe.c */
struct pipe_inode_info *alloc_pipe(void);       /* NULL: out of memory */
/* The end opened with access mode acc (O_RDONLY, O_WRONLY, O_RDWR) is
   closed: wake the other side, and free the pipe with its last end. */
void pipe_close_end(struct inode *inode, int acc);
/* A write from a kernel buffer, as write() would (sendfile.c). */
ssize_t pipe_write_kernel(struct file *f, const char *buf, size_t n);

/* fifo.c: open() of a FIFO, the f_op->open of pipe_fops */
int fifo_open(struct inode *inode, struct file *f);

#endif
