#ifndef _ARCH_TIMER_H
#define _ARCH_TIMER_H

#include "include/types.h"

#define HZ 100                  /* timer interrupts per second */

extern volatile uint32_t jiffies;

void timer_init(void);

#endif
