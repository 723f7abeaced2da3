/*
 * FIFOs (named pipes): a pipe that processes find by a name on the disk
 * (mknod with S_IFIFO, or mkfifo). Only the name and the inode are on the
 * disk; the pipe itself is in memory, hung off the in-memory inode
 * (i_pipe): the first open makes it, the last close frees it with
 * whatever bytes were left in it. Reading and writing are pipe.c's.
 *
 * What a FIFO adds is the rule of open(): the two ends wait for each other.
 *
 *   O_RDONLY              waits until a writer opens
 *   O_WRONLY              waits until a reader opens
 *   O_RDONLY | O_NONBLOCK returns at once
 *   O_WRONLY | O_NONBLOCK fails with ENXIO if there is no reader
 *   O_RDWR                returns at once (Linux; POSIX leaves it open)
 *
 * "Until a writer opens" cannot be "until writers > 0": a writer may open
 * and close again before the waiting reader runs. So each side counts the
 * opens ever made (r_counter, w_counter), and a waiter waits for the
 * other side's count to move.
 *
 * The counts serve poll() too. A reader that opened with O_NONBLOCK
 * before any writer is not "hung up" (POLLHUP): it waits for a first
 * writer, as on Linux, so it keeps the write count it saw (f_pipe), and
 * pipe_poll() reports the hang-up only once the count has moved. Every
 * other end keeps f_pipe 0, which w_counter has left behind by then (an
 * anonymous pipe's counts start at 1).
 */
#include "fs/pipe.h"
#include <sprout/errno.h>

/* Count one more end of each kind this open makes, and wake whoever
   waits for that kind. */
static void count_open(struct pipe_inode_info *pipe, int acc)
{
	if (acc != O_WRONLY) {
		pipe->readers++;
		pipe->r_counter++;
		wake_up(&pipe->write_wait);
	}
	if (acc != O_RDONLY) {
		pipe->writers++;
		pipe->w_counter++;
		wake_up(&pipe->read_wait);
	}
}

/* 0 once *counter has moved, or the error a signal makes. */
static int wait_for_partner(struct wait_queue *wq, unsigned int *counter)
{
	unsigned int seen = *counter;

	return wait_event_interruptible(*wq, *counter != seen);
}

/* Runs outside the fs lock: it may sleep. The file's reference keeps
   the inode; our own count keeps the pipe while we sleep. */
int fifo_open(struct inode *inode, struct file *f)
{
	int acc = f->f_flags & O_ACCMODE;
	bool nonblock = f->f_flags & O_NONBLOCK;
	struct pipe_inode_info *pipe;
	int err = 0;

	if (!inode->i_pipe && !(inode->i_pipe = alloc_pipe()))
		return -ENOMEM;
	pipe = inode->i_pipe;
	count_open(pipe, acc);
	if (acc == O_RDONLY && !pipe->writers && nonblock)
		f->f_pipe = pipe->w_counter;
	else if (acc == O_RDONLY && !pipe->writers)
		err = wait_for_partner(&pipe->read_wait, &pipe->w_counter);
	else if (acc == O_WRONLY && !pipe->readers)
		err = nonblock ? -ENXIO
			       : wait_for_partner(&pipe->write_wait,
						  &pipe->r_counter);
	if (err)
		pipe_close_end(inode, acc);     /* as if never opened */
	return err;
}
