/*
 * dev/: the character devices. The console (the VGA screen, the PS/2
 * keyboard and the COM1 serial port joined), the terminal line
 * discipline on top of it, and the memory devices /dev/null and
 * /dev/zero. They sit above fs/: each device is a set of
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
#define TTY_MAJOR      4        /* /dev/tty0, /dev/tty1: the console */
#define TTYAUX_MAJOR   5        /* /dev/tty (5,0), /dev/console (5,1) */

void mem_dev_init(void);        /* mem.c: claim major 1 */
/* ide_pci.c: give the disk driver the IDE controller's bus master, for
   DMA, unless nodma (then the disk stays with PIO). */
void ide_pci_init(bool nodma);

#endif
