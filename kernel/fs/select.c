/*
 * poll(), select() and their variants ppoll() and pselect(): one task
 * waits until any of several files is ready, or a timeout, or a signal.
 *
 * Each file answers "what is true now?" through its poll operation (NULL:
 * DEFAULT_POLLMASK, always ready). On the first look the operation also
 * hands poll_wait() the wait queues its answer depends on, and queue_one()
 * below hangs the caller on each with an entry of its own (sched/wait.h
 * draws them):
 *
 *   poll([pipe, tty]):  1. look at each file, joining its queues
 *                       2. none ready: sleep (a timeout, if any, too)
 *                       3. a wake_up() on any queue, or a signal, or the
 *                          timeout: look again (without joining again)
 *                       4. leave all the queues
 *
 * select() is poll() with bitmaps: its sets are turned into pollfds, and
 * the answers back into bits.
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "signal/signal.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/time.h>

#define NO_DEADLINE UINT64_MAX  /* wait for ever */

/* ---- the poll table: one wait-queue entry per queue a file names ---- */

struct poll_entry {
	struct wait_queue_entry wait;
	struct wait_queue *wq;
	struct file *file;          /* referenced: it keeps the queue alive */
	struct poll_entry *next;
};

struct poll_wqueues {
	struct poll_table pt;
	struct poll_entry *entries;
	int error;                  /* -ENOMEM if an entry could not be made */
};

static void queue_one(struct file *f, struct wait_queue *wq,
		      struct poll_table *pt)
{
	struct poll_wqueues *pwq = container_of(pt, struct poll_wqueues, pt);
	struct poll_entry *pe = kmalloc(sizeof(*pe));

	if (!pe) {
		pwq->error = -ENOMEM;
		return;
	}
	pe->wait = (struct wait_queue_entry){ .task = current };
	pe->wq = wq;
	pe->file = get_file(f);
	pe->next = pwq->entries;
	pwq->entries = pe;
	add_wait_queue(wq, &pe->wait);
}

static void free_entries(struct poll_wqueues *pwq)
{
	struct poll_entry *pe, *next;

	for (pe = pwq->entries; pe; pe = next) {
		next = pe->next;
		remove_wait_queue(pe->wq, &pe->wait);
		fput(pe->file);
		kfree(pe);
	}
}

/* Forget the wake-ups seen so far; true if there was one. */
static bool take_woken(struct poll_wqueues *pwq)
{
	bool woken = false;

	for (struct poll_entry *pe = pwq->entries; pe; pe = pe->next) {
		woken |= pe->wait.woken;
		pe->wait.woken = false;
	}
	return woken;
}

/* ---- the wait, shared by all four calls ---- */

/* What one pollfd's file reports: the asked bits that are true, and
   POLLERR and POLLHUP whether asked or not. */
static short poll_one(const struct pollfd *p, struct poll_table *pt)
{
	struct file *f;
	unsigned int mask;

	if (p->fd < 0)
		return 0;               /* ignored */
	if (!(f = fd_lookup(p->fd)))
		return POLLNVAL;
	mask = f->f_op->poll ? f->f_op->poll(f, pt) : DEFAULT_POLLMASK;
	return mask & (p->events | POLLERR | POLLHUP);
}

/* Sleep until a wake-up, a signal or the deadline, unless a wake-up came
   while we looked (the files were looked at while runnable, because a
   poll operation may itself sleep, on a mutex say). The state goes to
   asleep first: a wake-up after that makes us runnable again, one
   before it left its woken mark. */
static void poll_sleep(struct poll_wqueues *pwq, uint64_t deadline)
{
	current->timeout = deadline == NO_DEADLINE
			 ? 0 : jiffies + ticks_until(deadline);
	current->state = TASK_INTERRUPTIBLE;
	if (take_woken(pwq))
		current->state = TASK_RUNNING;
	schedule();
	current->timeout = 0;
}

/* Fill in fds[i].revents until one is not 0 or the deadline passes: the
   count of those not 0, or -ERESTARTNOHAND for a signal, -ENOMEM. */
static int do_poll(struct pollfd *fds, unsigned int n, uint64_t deadline)
{
	struct poll_wqueues pwq = { .pt = { queue_one } };
	struct poll_table *pt = &pwq.pt;
	int count;

	for (;;) {
		count = 0;
		for (unsigned int i = 0; i < n; i++)
			if ((fds[i].revents = poll_one(&fds[i], pt)))
				count++;
		pt = NULL;              /* on every queue now: just look */
		if (count || pwq.error)
			break;
		if (signal_pending(current)) {
			count = -ERESTARTNOHAND;
			break;
		}
		if (deadline != NO_DEADLINE && ticks_until(deadline) == 0)
			break;          /* timed out: 0 */
		poll_sleep(&pwq, deadline);
	}
	free_entries(&pwq);
	return count ? count : pwq.error;
}

/* ---- timeouts ---- */

static uint64_t deadline_after(uint64_t ns)
{
	return monotonic_ns() + ns;
}

/* A user timespec (either layout: mm/user_time.c) as a deadline (NULL:
   none); -EINVAL, -EFAULT. */
static int timespec_deadline(const void *uts, bool time64, uint64_t *deadline)
{
	struct __kernel_timespec ts;

	*deadline = NO_DEADLINE;
	if (!uts)
		return 0;
	if (get_user_timespec(uts, time64, &ts))
		return -EFAULT;
	if (!timespec_valid(&ts))
		return -EINVAL;
	*deadline = deadline_after(timespec_ns(&ts));
	return 0;
}

/* The time left until deadline, in ns (0 once it has passed). */
static uint64_t time_left(uint64_t deadline)
{
	uint64_t now = monotonic_ns();

	return deadline > now ? deadline - now : 0;
}

/* ppoll, pselect6 and select write the time left back into their
   timeout, as Linux does: a restart after a stop then waits only for the
   rest. A failed write is ignored: the call's result matters more. */
static void put_timespec_left(void *uts, bool time64, uint64_t deadline)
{
	if (uts)
		put_user_timespec(uts, time64, time_left(deadline));
}

/* ---- poll and ppoll ---- */

/* The pollfds are copied in, looked at in kernel memory, and their
   revents copied back out. More than a process may have open is
   EINVAL (RLIMIT_NOFILE, as Linux). */
static long poll_user(struct pollfd *ufds, unsigned long nfds,
		      uint64_t deadline)
{
	size_t size = nfds * sizeof(struct pollfd);
	struct pollfd *fds;
	int ret;

	if (nfds > fd_limit())
		return -EINVAL;
	if (!(fds = kmalloc(size ? size : 1)))
		return -ENOMEM;
	if (copy_from_user(fds, ufds, size))
		ret = -EFAULT;
	else if ((ret = do_poll(fds, nfds, deadline)) >= 0 &&
		 copy_to_user(ufds, fds, size))
		ret = -EFAULT;
	kfree(fds);
	return ret;
}

/* timeout in ms: negative waits for ever, 0 not at all. */
long sys_poll(struct pollfd *ufds, unsigned long nfds, int timeout)
{
	uint64_t deadline = timeout < 0 ? NO_DEADLINE
				       : deadline_after(timeout * 1000000ULL);

	return poll_user(ufds, nfds, deadline);
}

/* ppoll and ppoll_time64: the timeout's layout is all they differ in. */
static long do_ppoll(struct pollfd *ufds, unsigned long nfds, void *tmo_p,
		     bool time64, const sigset_t *sigmask, size_t sigsetsize)
{
	uint64_t deadline;
	int err = timespec_deadline(tmo_p, time64, &deadline);
	long ret;

	if (err)
		return err;
	if (sigmask && (err = set_user_sigmask(sigmask, sigsetsize)))
		return err;
	ret = poll_user(ufds, nfds, deadline);
	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	put_timespec_left(tmo_p, time64, deadline);
	return ret;
}

long sys_ppoll(struct pollfd *ufds, unsigned long nfds,
	       struct timespec *tmo_p, const sigset_t *sigmask,
	       size_t sigsetsize)
{
	return do_ppoll(ufds, nfds, tmo_p, false, sigmask, sigsetsize);
}

long sys_ppoll_time64(struct pollfd *ufds, unsigned long nfds,
		      struct __kernel_timespec *tmo_p, const sigset_t *sigmask,
		      size_t sigsetsize)
{
	return do_ppoll(ufds, nfds, tmo_p, true, sigmask, sigsetsize);
}

/* ---- select and pselect ---- */

/* Linux's sets of poll bits that make a descriptor "ready" in each of
   select's three sets: a hang-up or an error is readable (read() will
   not block: it returns 0 or the error), an error writable too. */
#define POLLIN_SET  (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET  POLLPRI

/* select's three sets (in, out, ex) in kernel memory, as far as a
   descriptor can be open. The caller's sets may be shorter than an
   fd_set: only the bits below nfds are copied in and out. */
typedef unsigned long fd_bits[NR_OPEN / __NFDBITS];

static const short set_events[3] = { POLLIN_SET, POLLOUT_SET, POLLEX_SET };

static bool fd_isset(const fd_bits b, int fd)
{
	return b[fd / __NFDBITS] & (1ul << (fd % __NFDBITS));
}

static size_t set_bytes(int nfds)
{
	return (nfds + __NFDBITS - 1) / __NFDBITS * sizeof(long);
}

static int get_sets(fd_bits s[3], fd_set *const u[3], int nfds)
{
	for (int k = 0; k < 3; k++) {
		memset(s[k], 0, sizeof(fd_bits));
		if (u[k] && copy_from_user(s[k], u[k], set_bytes(nfds)))
			return -EFAULT;
	}
	return 0;
}

static int put_sets(fd_bits s[3], fd_set *const u[3], int nfds)
{
	for (int k = 0; k < 3; k++)
		if (u[k] && copy_to_user(u[k], s[k], set_bytes(nfds)))
			return -EFAULT;
	return 0;
}

/* One pollfd per descriptor in any set (a descriptor that is not open
   is EBADF), poll them, and set the bits of the answers: the count of
   bits set. */
static long do_select(fd_bits s[3], int nfds, uint64_t deadline)
{
	struct pollfd fds[NR_OPEN];
	unsigned int n = 0;
	int ret;

	for (int fd = 0; fd < nfds; fd++) {
		short events = 0;

		for (int k = 0; k < 3; k++)
			if (fd_isset(s[k], fd))
				events |= set_events[k];
		if (!events)
			continue;
		if (!fd_lookup(fd))
			return -EBADF;
		fds[n++] = (struct pollfd){ .fd = fd, .events = events };
	}
	ret = do_poll(fds, n, deadline);
	if (ret < 0)
		return ret;
	memset(s, 0, 3 * sizeof(fd_bits));
	ret = 0;
	for (unsigned int i = 0; i < n; i++)
		for (int k = 0; k < 3; k++)
			if (fds[i].events & fds[i].revents & set_events[k]) {
				int fd = fds[i].fd;

				s[k][fd / __NFDBITS] |= 1ul << (fd % __NFDBITS);
				ret++;
			}
	return ret;
}

/* Descriptors past the table's end cannot be open: Linux looks only at
   the first max_fds, and so does this. */
static long select_user(int nfds, fd_set *const u[3], uint64_t deadline)
{
	fd_bits s[3];
	long ret;

	if (nfds < 0)
		return -EINVAL;
	if (nfds > NR_OPEN)
		nfds = NR_OPEN;
	if (get_sets(s, u, nfds))
		return -EFAULT;
	ret = do_select(s, nfds, deadline);
	if (ret >= 0 && put_sets(s, u, nfds))
		return -EFAULT;
	return ret;
}

/* select's timeout is a timeval; its time left is written back too. */
long sys__newselect(int nfds, fd_set *readfds, fd_set *writefds,
		    fd_set *exceptfds, struct timeval *utv)
{
	fd_set *const u[3] = { readfds, writefds, exceptfds };
	uint64_t deadline = NO_DEADLINE, left;
	struct timeval tv;
	long ret;

	if (utv) {
		if (copy_from_user(&tv, utv, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		/* a tv_usec of a second or more is taken as it comes */
		deadline = deadline_after((uint64_t)tv.tv_sec * NSEC_PER_SEC +
					  (uint64_t)tv.tv_usec * 1000);
	}
	ret = select_user(nfds, u, deadline);
	if (utv) {
		left = time_left(deadline);
		tv = (struct timeval){ (long)(left / NSEC_PER_SEC),
				       (long)(left % NSEC_PER_SEC / 1000) };
		copy_to_user(utv, &tv, sizeof(tv));
	}
	return ret;
}

/* pselect6 and pselect6_time64: the sixth argument packs the signal
   mask and its size, as six registers are all i386 has. */
static long do_pselect6(int nfds, fd_set *const u[3], void *uts, bool time64,
			const struct sigset_argpack *usig)
{
	struct sigset_argpack sig = { NULL, 0 };
	uint64_t deadline;
	int err = timespec_deadline(uts, time64, &deadline);
	long ret;

	if (err)
		return err;
	if (usig && copy_from_user(&sig, usig, sizeof(sig)))
		return -EFAULT;
	if (sig.ss && (err = set_user_sigmask(sig.ss, sig.ss_len)))
		return err;
	ret = select_user(nfds, u, deadline);
	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	put_timespec_left(uts, time64, deadline);
	return ret;
}

long sys_pselect6(int nfds, fd_set *readfds, fd_set *writefds,
		  fd_set *exceptfds, struct timespec *uts,
		  const struct sigset_argpack *usig)
{
	fd_set *const u[3] = { readfds, writefds, exceptfds };

	return do_pselect6(nfds, u, uts, false, usig);
}

long sys_pselect6_time64(int nfds, fd_set *readfds, fd_set *writefds,
			 fd_set *exceptfds, struct __kernel_timespec *uts,
			 const struct sigset_argpack *usig)
{
	fd_set *const u[3] = { readfds, writefds, exceptfds };

	return do_pselect6(nfds, u, uts, true, usig);
}
