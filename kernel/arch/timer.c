/*
 * The 8253/8254 programmable interval timer, channel 0, on IRQ 0. It
 * counts down from a divisor at PIT_HZ; we pick the divisor that gives HZ
 * interrupts a second. Each one is a "tick": jiffies counts them, and the
 * scheduler's tick handler (do_timer) is handed the interrupted registers.
 */
#include "arch/arch.h"

#define PIT_CH0        0x40
#define PIT_CMD        0x43
#define PIT_CH0_PERIODIC 0x34   /* channel 0, lo/hi byte, mode 2 (rate) */
#define IRQ_TIMER      0

volatile uint32_t jiffies;
static irq_handler_t tick_handler;

static void timer_interrupt(struct pt_regs *regs)
{
	jiffies++;
	tick_handler(regs);
}

void timer_init(irq_handler_t tick)
{
	uint16_t divisor = (PIT_HZ + HZ / 2) / HZ;

	tick_handler = tick;
	outb(PIT_CMD, PIT_CH0_PERIODIC);
	outb(PIT_CH0, divisor & 0xFF);
	outb(PIT_CH0, divisor >> 8);
	request_irq(IRQ_TIMER, timer_interrupt);
}
