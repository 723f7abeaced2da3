/*
 * dev/: the character devices. The console (the VGA screen, the PS/2
 * keyboard and the COM1 serial port joined), the terminal line
 * discipline on top of it, the memory devices /dev/null and
 * /dev/zero, and the random devices /dev/random and /dev/urandom. They sit above fs/: each device is a set of
 * file_operations, claimed by major number in fs/char_dev.c.
 *
 *   console.h  the console's input and output, and its drivers
 *   tty.h      struct tty_struct and the line discipline
 *   pci.h      the PCI bus: devices found at boot, for drivers to claim
 *              (ide_pci.c claims the IDE controller for block/'s DMA)
 *
 * and, for dev/'s own files: vt.h (the VGA console's terminal emulator)
 * and keymap.h (the keyboard's scancodes as a terminal's bytes).
 */
#ifndef _DEV_DEV_H
#define _DEV_DEV_H

#include "dev/console.h"
#include "dev/tty.h"
#include "dev/pci.h"

/* Device numbers Sprout's drivers answer to (Linux's). */
#define MEM_MAJOR      1
#define NULL_MINOR     3
#define ZERO_MINOR     5
#define RANDOM_MINOR   8        /* /dev/random */
#define URANDOM_MINOR  9        /* /dev/urandom: the same stream here */
#define TTY_MAJOR      4        /* /dev/tty0, /dev/tty1: the console */
#define TTYAUX_MAJOR   5        /* /dev/tty (5,0), /dev/console (5,1) */

void mem_dev_init(void);        /* mem.c: claim major 1 */
/* random.c: the ChaCha20 generator (docs/random.md). random_init seeds it
   at boot (mem_dev_init calls it); get_random_bytes fills a kernel
   buffer; random_fops are /dev/random's and /dev/urandom's. */
void random_init(void);
void get_random_bytes(void *buf, size_t n);
struct file;
extern const struct file_operations random_fops;
loff_t mem_lseek(struct file *f, loff_t off, int whence);  /* stays at 0 */
/* ide_pci.c: give the disk driver the IDE controller's bus master, for
   DMA, unless nodma (then the disk stays with PIO). */
void ide_pci_init(bool nodma);

#endif
