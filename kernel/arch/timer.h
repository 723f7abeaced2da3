/*
 * The periodic timer interrupt: the 8253/8254 PIT's channel 0, HZ times a
 * second. Each interrupt is a "tick"; jiffies counts them since boot.
 */
#ifndef _ARCH_TIMER_H
#define _ARCH_TIMER_H

#include "include/types.h"
#include "arch/traps.h"

#define HZ      100             /* timer interrupts per second */
#define PIT_HZ  1193182         /* the PIT's input clock */

extern volatile uint32_t jiffies;

/* Start the tick; tick(regs) runs at every one, after jiffies++. */
void timer_init(irq_handler_t tick);

#endif
