/*
 * The GDT layout. boot/head.S builds the table; these are the selectors
 * (index * 8 + requested privilege level) the rest of the kernel uses.
 *
 *   index 0  null descriptor (the CPU requires it)
 *   index 1  kernel code  ring 0, base 0, limit 4 GiB
 *   index 2  kernel data  ring 0
 *   index 3  user code    ring 3
 *   index 4  user data    ring 3
 *   index 5  TSS          filled in by tss_init(): only esp0/ss0 are used
 */
#ifndef _ARCH_SEGMENT_H
#define _ARCH_SEGMENT_H

#define KERNEL_CS 0x08
#define KERNEL_DS 0x10
#define USER_CS   0x1B
#define USER_DS   0x23
#define TSS_SEL   0x28
#define GDT_ENTRIES 6

/* eflags bits, for the flags a trap frame hands to iret. */
#define FL_FIXED    0x002       /* bit 1: reserved, always 1 */
#define FL_IF       0x200       /* interrupts enabled */

#endif
