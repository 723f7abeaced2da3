/*
 * The 8253/8254 programmable interval timer, channel 0, on IRQ 0. It
 * counts down from a divisor at 1,193,182 Hz; we pick the divisor that
 * gives HZ interrupts a second. Each one is a "tick": jiffies counts them.
 */
#include "arch/timer.h"
#include "arch/traps.h"
#include "arch/io.h"
#include "proc/sched.h"

#define PIT_FREQ    1193182
#define PIT_CH0     0x40
#define PIT_CMD     0x43
#define IRQ_TIMER   0

volatile uint32_t jiffies;

static void timer_interrupt(struct pt_regs *regs)
{
	jiffies++;
	do_timer(regs);
}

void timer_init(void)
{
	uint16_t divisor = (PIT_FREQ + HZ / 2) / HZ;

	outb(PIT_CMD, 0x34);            /* channel 0, lo/hi byte, mode 2 */
	outb(PIT_CH0, divisor & 0xFF);
	outb(PIT_CH0, divisor >> 8);
	request_irq(IRQ_TIMER, timer_interrupt);
}
