/*
 * Kernel self-tests chosen on the command line, for the test suite (and
 * for students who want to see what a crash looks like):
 *
 *   ktest=divzero    divide by zero in the kernel: the exception report
 *   ktest=pagefault  write through a NULL pointer in the kernel
 *   ktest=panic      call panic() directly
 *   ktest=echo       echo typed lines back as "echo: <line>" (read through
 *                    the tty); "quit" or ^D ends
 *   ktest=blk        the disk's request queue, asynchronously: requests
 *                    queued together, end_io calls, one submitting another
 */
#include "init/init.h"
#include "arch/arch.h"
#include "dev/dev.h"
#include "block/block.h"
#include "lib/lib.h"

static void __attribute__((noinline)) divide_by_zero(void)
{
	uint32_t quotient, remainder;

	/* In C, gcc may turn 1/x into a comparison: use the instruction. */
	printk("ktest: dividing by zero\n");
	__asm__ volatile("divl %2" : "=a"(quotient), "=d"(remainder)
			 : "r"(0), "a"(1), "d"(0));
	printk("%u\n", quotient);
}

static void __attribute__((noinline)) write_null(void)
{
	printk("ktest: writing through a NULL pointer\n");
	*(volatile int *)0 = 1;
}

/* Called with interrupts off: let them in and halt until one comes.
   sti; hlt is atomic: an interrupt cannot slip in between and leave us
   asleep with what we wait for already there. */
static void wait_for_interrupt(void)
{
	__asm__ volatile("sti; hlt; cli");
}

/* Wait for a line from the console's tty, in canonical mode (echoed,
   editable with Backspace, ^W, ^U), as a process's read() would get it,
   but by halting until the next interrupt: no processes exist yet.
   Returns 0 at end of file (^D at the start of a line). */
static size_t read_line(char *buf, size_t n)
{
	bool line_done;
	size_t got;

	cli();
	while (!tty_readable(&console_tty))
		wait_for_interrupt();
	got = tty_take(&console_tty, buf, n, &line_done);
	sti();
	return got;
}

static void echo_lines(void)
{
	char line[80];
	size_t n;

	printk("ktest: echo ready\n");
	while ((n = read_line(line, sizeof(line) - 1)) > 0) {
		if (line[n - 1] == '\n')
			n--;
		line[n] = '\0';
		if (!strcmp(line, "quit"))
			break;
		printk("echo: %s\n", line);
	}
	printk("ktest: echo done\n");
}

/* ktest=blk: three reads of the superblock (sectors 2-3) by blk_submit,
   without sleeping (no processes exist yet: we halt until they are
   done). Two are queued at once; the second one's end_io, in the
   interrupt handler, submits the third to the queue it just emptied. Each buffer must hold ext2's
   magic number, 0xEF53 at byte 56. */
static char pieces[3][1024];
static int end_io_calls;

static void count_end_io(struct blk_request *rq)
{
	end_io_calls++;
	if (rq->private)
		blk_submit(rq->private);
}

static void block_queue(void)
{
	static char *const blocks[3] = { pieces[0], pieces[1], pieces[2] };
	struct blk_request rq[3];
	int good = 0;

	for (int i = 0; i < 3; i++)
		rq[i] = (struct blk_request){ .write = BLK_READ, .sector = 2,
			.nsect = 2, .blocks = &blocks[i], .end_io = count_end_io };
	rq[1].private = &rq[2];
	if (ata_init() < 0)
		return;
	blk_submit(&rq[0]);
	blk_submit(&rq[1]);
	cli();
	while (!rq[1].done || !rq[2].done)
		wait_for_interrupt();
	sti();
	for (int i = 0; i < 3; i++)
		if (rq[i].done && !rq[i].error &&
		    *(uint16_t *)(pieces[i] + 56) == 0xEF53)
			good++;
	printk("ktest: blk: %d of 3 requests read the superblock, %d end_io calls\n",
	       good, end_io_calls);
}

void run_ktest(void)
{
	if (cmdline_has("ktest", "divzero"))
		divide_by_zero();
	else if (cmdline_has("ktest", "pagefault"))
		write_null();
	else if (cmdline_has("ktest", "panic"))
		panic("ktest: panic requested on the command line");
	else if (cmdline_has("ktest", "echo"))
		echo_lines();
	else if (cmdline_has("ktest", "blk"))
		block_queue();
}
