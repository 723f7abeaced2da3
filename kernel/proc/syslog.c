/*
 * syslog(2): how a program reads the kernel log, the ring of recent
 * printk text that lib/printk.c keeps (dmesg is this call with
 * SYSLOG_ACTION_READ_ALL). Two places in the log matter besides its end:
 *
 *   oldest kept      clear_pos            read_pos            log end
 *   |................|....................|...................|
 *                    READ_ALL copies from here (its last len bytes);
 *                    CLEAR moves it to the end
 *                                         READ takes from here on, and
 *                                         waits while nothing is new
 *
 * Sprout's printk has no message levels and always writes to the
 * console, so the console actions (6, 7, 8) answer EINVAL, as Linux does
 * for an action it does not have. Every user may read the log: Sprout
 * has one user (Linux may ask for CAP_SYSLOG, dmesg_restrict).
 */
#include "proc/proc.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/syslog.h>

static uint32_t clear_pos, read_pos;
static struct wait_queue log_wait;

static void wake_log_readers(void)
{
	wake_up(&log_wait);
}

/* Copy up to len bytes of the log from position from (kept: not older
   than oldest()) to the user: the number copied, or -EFAULT. A piece at
   a time through a small buffer, each piece copied with printk kept out
   (interrupts off); text printed between two pieces is copied too. */
static long copy_log(uint32_t from, char *ubuf, size_t len)
{
	char piece[256];
	size_t done = 0, n, want;

	do {
		uint32_t flags;

		want = len - done < sizeof(piece) ? len - done : sizeof(piece);
		flags = irq_save();
		n = log_copy(from + done, piece, want);
		irq_restore(flags);
		if (copy_to_user(ubuf + done, piece, n))
			return -EFAULT;
		done += n;
	} while (n == want && done < len);
	return done;
}

static uint32_t later(uint32_t a, uint32_t b)
{
	return a > b ? a : b;
}

/* The oldest position the ring still holds. */
static uint32_t oldest(void)
{
	uint32_t end = log_position();

	return end > LOG_BUF_LEN ? end - LOG_BUF_LEN : 0;
}

/* Where the text not yet taken by READ starts: older text is gone. */
static uint32_t unread_start(void)
{
	return later(read_pos, oldest());
}

static long read_new(char *ubuf, size_t len)
{
	int err = wait_event_interruptible(log_wait, read_pos < log_position());
	long n;

	if (err)
		return err;
	read_pos = unread_start();
	n = copy_log(read_pos, ubuf, len);
	if (n > 0)
		read_pos += n;
	return n;
}

/* The last len bytes since the last clear. */
static long read_all(char *ubuf, size_t len)
{
	uint32_t end = log_position();
	uint32_t from = later(later(clear_pos, oldest()), end > len ? end - len : 0);

	return copy_log(from, ubuf, len);
}

long sys_syslog(int type, char *buf, int len)
{
	long n;

	/* lib/ is below the scheduler: printk cannot wake_up() itself, so
	   the first call hooks our wake-up in (the same each time). */
	register_log_notify(wake_log_readers);
	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if (!buf || len < 0)
			return -EINVAL;
		if (len > LOG_BUF_LEN)
			len = LOG_BUF_LEN;
		if (len == 0)
			return 0;
		if (type == SYSLOG_ACTION_READ)
			return read_new(buf, len);
		n = read_all(buf, len);
		if (n >= 0 && type == SYSLOG_ACTION_READ_CLEAR)
			clear_pos = log_position();
		return n;
	case SYSLOG_ACTION_CLEAR:
		clear_pos = log_position();
		return 0;
	case SYSLOG_ACTION_SIZE_UNREAD:
		return log_position() - unread_start();
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_LEN;
	default:
		return -EINVAL;
	}
}
