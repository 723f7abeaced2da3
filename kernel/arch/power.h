#ifndef _ARCH_POWER_H
#define _ARCH_POWER_H

/*
 * Stopping the machine. Under QEMU with the isa-debug-exit device (the
 * tests add it), writing v to port 0xF4 ends QEMU with exit status
 * (v << 1) | 1, so scripts learn how the guest ended:
 *
 *   process 1 exited with status s   -> QEMU exits with 2*s + 1 (mod 256)
 *   kernel panic                     -> QEMU exits with 255
 *
 * Without that device (make run, make qemu-nox) the write does nothing:
 * a panic stays on the screen, and power-off goes through ACPI.
 */
#define EXIT_PANIC 0x7F

void machine_power_off(int status) __attribute__((noreturn));
void machine_halt(int status) __attribute__((noreturn));
void machine_restart(void) __attribute__((noreturn));

#endif
