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
 *   index 6-8  TLS        the running task's thread-local storage
 *                         segments (arch/tls.c), where Linux i386 has
 *                         them: a program's %gs holds 0x33 (index 6)
 */
#ifndef _ARCH_SEGMENT_H
#define _ARCH_SEGMENT_H

#define KERNEL_CS 0x08
#define KERNEL_DS 0x10
#define USER_CS   0x1B
#define USER_DS   0x23
#define TSS_SEL   0x28
#define GDT_ENTRY_TLS_MIN 6
#define GDT_TLS_ENTRIES 3
#define GDT_ENTRIES (GDT_ENTRY_TLS_MIN + GDT_TLS_ENTRIES)

/* eflags bits, for the flags a trap frame hands to iret. */
#define FL_CF       0x00001     /* carry */
#define FL_FIXED    0x00002     /* bit 1: reserved, always 1 */
#define FL_PF       0x00004     /* parity */
#define FL_AF       0x00010     /* adjust */
#define FL_ZF       0x00040     /* zero */
#define FL_SF       0x00080     /* sign */
#define FL_TF       0x00100     /* trap: single step */
#define FL_IF       0x00200     /* interrupts enabled */
#define FL_DF       0x00400     /* direction: string instructions go down */
#define FL_OF       0x00800     /* overflow */
#define FL_RF       0x10000     /* resume: no debug fault on the next one */
#define FL_AC       0x40000     /* alignment check */
/* What a program may change itself (popf in ring 3 leaves IF and IOPL
   alone), and so all that sigreturn takes from a signal frame. */
#define FL_USER (FL_CF | FL_PF | FL_AF | FL_ZF | FL_SF | FL_TF | FL_DF | \
		 FL_OF | FL_RF | FL_AC)

#endif
