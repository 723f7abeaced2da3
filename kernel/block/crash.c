/*
 * The power cut, for crash tests (tests/guest_crash.py, docs/crashtest.md).
 *
 * When the power fails, the disk keeps what it had finished writing and
 * nothing after: the file system must make sense of any such prefix of
 * its writes. "crashafter=N" on the kernel command line stages that on
 * purpose, at a chosen point: when the N-th write request completes
 * (disk_stats.writes reaches N; reads and FLUSH CACHE requests do not
 * count), the block layer stops dead:
 *
 *   write N-1 done ... write N done --> "crash: power cut after write N"
 *                                        no request is started or
 *                                        completed again, the CPU halts
 *
 * Nobody hears that request N completed, so no task learns its data is
 * safe - as with a real power cut, where the disk may have written a
 * block whose completion never reached the CPU. The host then kills QEMU.
 * Running the same work with different N cuts it at every step.
 */
#include "block/ata.h"
#include "arch/arch.h"
#include "lib/lib.h"

static uint32_t crash_after;    /* 0: never */

void blk_crash_after(uint32_t n)
{
	crash_after = n;
	if (n)
		printk("crash: the power will be cut after write %u\n", n);
}

/* Called from end_request (interrupt context) when a write completed;
   the queue has not moved on yet, so nothing more reaches the disk. */
void crash_point(void)
{
	if (!crash_after || disk_stats.writes != crash_after)
		return;
	cli();
	printk("crash: power cut after write %u\n", crash_after);
	for (;;)
		hlt();
}
