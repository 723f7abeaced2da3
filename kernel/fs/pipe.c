/*
 * Pipes: pipe() and pipe2(), and reading and writing a pipe or a FIFO.
 *
 *   fd[1] -> struct file (O_WRONLY) --+     +-- struct file (O_RDONLY) <- fd[0]
 *                                     v     v
 *                        struct inode (S_IFIFO) --i_pipe--> pipe_inode_info
 *
 *   the ring, PIPE_SIZE bytes in PIPE_PAGES pages:
 *
 *          start                        start + len
 *     +------+//////+//////+//////+//////+------+------+
 *     |      |//////  unread bytes ///// |      |      |   page[0..15]
 *     +------+//////+//////+//////+//////+------+------+
 *            reads take here             writes add here
 *            (both wrap from the last page to the first)
 *
 * A reader sleeps on read_wait while the ring is empty, a writer on
 * write_wait while it is full; each wakes the other after moving bytes.
 * read() returns what is there, without waiting for the whole count.
 * readers and writers count the open ends - struct files, which fork()
 * and dup() share - so read() sees end of file only when every write end
 * in every process is closed, and a write with no read end left gets
 * SIGPIPE and EPIPE.
 *
 * The kernel is not preempted and nothing here sleeps between looking at
 * the ring and changing it, so the ring needs no lock. Making the user's
 * pages present may sleep (the OOM killer waits for its victim), so it
 * comes first, for just the bytes this step moves (fault_in_readable,
 * fault_in_writeable): then the ring is looked at again, and the bytes
 * go straight between it and the user's pages with memcpy, one copy.
 */
#include "fs/pipe.h"
#include "fs/file.h"
#include "fs/fdtable.h"
#include "signal/signal.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/termios.h>      /* FIONREAD */

_Static_assert(PIPE_SIZE >= PIPE_BUF, "an atomic write must fit the ring");

static size_t smaller(size_t a, size_t b)
{
	return a < b ? a : b;
}

static void free_pipe(struct pipe_inode_info *pipe)
{
	for (int i = 0; i < PIPE_PAGES && pipe->page[i]; i++)
		free_page_addr(pipe->page[i]);
	kfree(pipe);
}

/* The ring's pages need not be cleared: a reader only ever gets bytes
   a writer put there. */
struct pipe_inode_info *alloc_pipe(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe));

	if (!pipe)
		return NULL;
	for (int i = 0; i < PIPE_PAGES; i++) {
		struct page *pg = alloc_page();
		if (!pg) {
			free_pipe(pipe);
			return NULL;
		}
		pipe->page[i] = page_address(pg);
	}
	return pipe;
}

void pipe_close_end(struct inode *inode, int acc)
{
	struct pipe_inode_info *pipe = inode->i_pipe;

	if (acc != O_WRONLY)
		pipe->readers--;
	if (acc != O_RDONLY)
		pipe->writers--;
	wake_up(&pipe->read_wait);      /* readers may now see end of file */
	wake_up(&pipe->write_wait);     /* writers may now see EPIPE */
	if (pipe->readers == 0 && pipe->writers == 0) {
		inode->i_pipe = NULL;   /* what a FIFO held is thrown away */
		free_pipe(pipe);
	}
}

/* ---- the ring ---- */

/* Copy n bytes between the user's buffer and the ring at position pos:
   one memcpy for each page of the ring they touch. (The ring wraps at a
   page boundary, so the wrap needs no case of its own.) */
static void ring_copy(struct pipe_inode_info *pipe, size_t pos, char *ubuf,
		      size_t n, bool into_ring)
{
	while (n) {
		size_t off = pos % PAGE_SIZE;
		size_t piece = smaller(n, PAGE_SIZE - off);
		char *ring = pipe->page[pos / PAGE_SIZE] + off;

		if (into_ring)
			memcpy(ring, ubuf, piece);
		else
			memcpy(ubuf, ring, piece);
		pos = (pos + piece) % PIPE_SIZE;
		ubuf += piece;
		n -= piece;
	}
}

static void ring_put(struct pipe_inode_info *pipe, const char *src, size_t n)
{
	ring_copy(pipe, (pipe->start + pipe->len) % PIPE_SIZE, (char *)src, n,
		  true);
	pipe->len += n;
}

static void ring_get(struct pipe_inode_info *pipe, char *dst, size_t n)
{
	ring_copy(pipe, pipe->start, dst, n, false);
	pipe->start = (pipe->start + n) % PIPE_SIZE;
	pipe->len -= n;
}

/* ---- read and write ---- */

static ssize_t pipe_read(struct file *f, char *buf, size_t n)
{
	struct pipe_inode_info *pipe = f->f_inode->i_pipe;
	size_t want;

	if (n == 0)
		return 0;
	do {
		while (pipe->len == 0) {
			if (pipe->writers == 0)
				return 0;               /* end of file */
			if (f->f_flags & O_NONBLOCK)
				return -EAGAIN;
			int err = wait_event_interruptible(pipe->read_wait,
						pipe->len || !pipe->writers);
			if (err)
				return err;
		}
		want = smaller(n, pipe->len);
		if (fault_in_writeable(buf, want))          /* may sleep */
			return -EFAULT; /* the bytes stay, as on Linux */
	} while (pipe->len == 0);       /* another reader came meanwhile */
	n = smaller(want, pipe->len);
	ring_get(pipe, buf, n);
	wake_up(&pipe->write_wait);
	return n;
}

/* 0 when the ring has room for `need` bytes. A pipe nobody reads is
   SIGPIPE and EPIPE: the writer would otherwise wait for ever. */
static int wait_for_room(struct file *f, size_t need)
{
	struct pipe_inode_info *pipe = f->f_inode->i_pipe;

	for (;;) {
		if (pipe->readers == 0) {
			send_sig(current, SIGPIPE);
			return -EPIPE;
		}
		if (PIPE_SIZE - pipe->len >= need)
			return 0;
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		int err = wait_event_interruptible(pipe->write_wait,
			!pipe->readers || PIPE_SIZE - pipe->len >= need);
		if (err)
			return err;
	}
}

/* A write of up to PIPE_BUF bytes waits until all of it fits, then goes
   in at once: atomic. A longer one puts in whatever fits, as often as
   needed, so other writers' bytes may come between its parts. Once
   bytes have gone in, an error is reported as the count that did. A
   buffer that runs into a bad page goes in as Linux's does, a pipe page
   (4 KiB) at a time: the whole pages before the bad one, and no part
   page (EFAULT if that leaves nothing), so unlike a file's write a
   pipe's is not cut exactly at the bad byte. */
static ssize_t write_from(struct file *f, const char *buf, size_t n,
			  bool user)
{
	struct pipe_inode_info *pipe = f->f_inode->i_pipe;
	size_t need = n <= PIPE_BUF ? n : 1;
	size_t done = 0, bad = 0;

	while (done < n && !bad) {
		int err = wait_for_room(f, need);
		if (err)
			return done ? (ssize_t)done : err;
		size_t put = smaller(n - done, PIPE_SIZE - pipe->len);
		if (user)
			bad = fault_in_readable(buf + done, put);   /* may sleep */
		put = bad ? ALIGN_DOWN(put - bad, PAGE_SIZE) : put;
		if (!pipe->readers || PIPE_SIZE - pipe->len < put) {
			bad = 0;
			continue;       /* it changed while we slept: again */
		}
		ring_put(pipe, buf + done, put);
		done += put;
		wake_up(&pipe->read_wait);
	}
	return done || !bad ? (ssize_t)done : -EFAULT;
}

static ssize_t pipe_write(struct file *f, const char *buf, size_t n)
{
	return write_from(f, buf, n, true);
}

/* sendfile's bytes come from a kernel buffer (sendfile.c). */
ssize_t pipe_write_kernel(struct file *f, const char *buf, size_t n)
{
	return write_from(f, buf, n, false);
}

/* poll(): a read end is readable with bytes in the ring, and hung up
   (POLLHUP) once no write end is left (a FIFO's: once a writer has come
   and gone, fifo.c); a write end is writable with room for an atomic
   write of PIPE_BUF bytes, and in error (POLLERR) once no read end is
   left. The queues are the ones read() and write() sleep on, woken by
   the same events. */
static unsigned int pipe_poll(struct file *f, struct poll_table *pt)
{
	struct pipe_inode_info *pipe = f->f_inode->i_pipe;
	int acc = f->f_flags & O_ACCMODE;
	unsigned int mask = 0;

	if (acc != O_WRONLY) {
		poll_wait(f, &pipe->read_wait, pt);
		if (pipe->len)
			mask |= POLLIN | POLLRDNORM;
		if (!pipe->writers && f->f_pipe != pipe->w_counter)
			mask |= POLLHUP;
	}
	if (acc != O_RDONLY) {
		poll_wait(f, &pipe->write_wait, pt);
		if (PIPE_SIZE - pipe->len >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	return mask;
}

/* FIONREAD: how many bytes a read would find now (an int, as Linux). */
static int pipe_ioctl(struct file *f, uint32_t cmd, uint32_t arg)
{
	int n = f->f_inode->i_pipe->len;

	if (cmd != FIONREAD)
		return -ENOTTY;
	return copy_to_user((void *)arg, &n, sizeof(n)) ? -EFAULT : 0;
}

static void pipe_release(struct file *f)
{
	pipe_close_end(f->f_inode, f->f_flags & O_ACCMODE);
}

/* One table for both ends and for FIFOs; no lseek: ESPIPE. */
const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.open = fifo_open,
	.release = pipe_release,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
};

/* ---- pipe() and pipe2() ---- */

/* An inode in memory only, with a fresh pipe: one reader, one writer. */
static struct inode *get_pipe_inode(void)
{
	struct pipe_inode_info *pipe = alloc_pipe();
	struct inode *inode;

	if (!pipe)
		return NULL;
	fs_lock();
	inode = alloc_anon_inode(S_IFIFO | 0600);
	fs_unlock();
	if (!inode) {
		free_pipe(pipe);
		return NULL;
	}
	pipe->readers = pipe->writers = 1;
	pipe->r_counter = pipe->w_counter = 1;  /* both ends seen: fifo.c */
	inode->i_pipe = pipe;
	return inode;
}

static void set_end(struct file *f, struct inode *inode, uint32_t flags)
{
	f->f_inode = inode;
	f->f_op = &pipe_fops;
	f->f_flags = flags;
}

/* f[0] the read end, f[1] the write end. */
static int create_pipe(struct file *f[2], uint32_t nonblock)
{
	struct inode *inode;

	if (!(f[0] = get_empty_filp()))
		return -ENFILE;
	if (!(f[1] = get_empty_filp())) {
		fput(f[0]);
		return -ENFILE;
	}
	if (!(inode = get_pipe_inode())) {
		fput(f[0]);
		fput(f[1]);
		return -ENOMEM;
	}
	set_end(f[0], inode, O_RDONLY | nonblock);
	set_end(f[1], igrab(inode), O_WRONLY | nonblock);
	return 0;
}

/* The fds are handed to the user before they are installed, so a bad
   pointer (EFAULT) leaves no fd behind: the files are simply closed. */
long sys_pipe2(int *ufds, int flags)
{
	struct file *f[2];
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	fd[0] = get_unused_fd(0);
	fd[1] = fd[0] < 0 ? fd[0] : get_unused_fd(fd[0] + 1);
	if (fd[1] < 0)
		return fd[1];
	if ((err = create_pipe(f, flags & O_NONBLOCK)))
		return err;
	if (copy_to_user(ufds, fd, sizeof(fd))) {
		fput(f[0]);
		fput(f[1]);
		return -EFAULT;
	}
	fd_install(fd[0], f[0], flags & O_CLOEXEC);
	fd_install(fd[1], f[1], flags & O_CLOEXEC);
	return 0;
}

long sys_pipe(int *ufds)
{
	return sys_pipe2(ufds, 0);
}
