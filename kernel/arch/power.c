/*
 * Power off and halt. See power.h for the exit codes QEMU reports.
 */
#include "arch/arch.h"

#define DEBUG_EXIT_PORT 0xF4
#define ACPI_PM1A_CNT_QEMU   0x604     /* QEMU's PIIX4 power management */
#define ACPI_PM1A_CNT_BOCHS  0xB004    /* older QEMU and Bochs */
#define ACPI_SLP_EN_S5       0x2000

static void debug_exit(int status)
{
	outb(DEBUG_EXIT_PORT, (uint8_t)status);
}

void machine_halt(int status)
{
	cli();
	debug_exit(status);
	for (;;)
		hlt();
}

void machine_power_off(int status)
{
	cli();
	debug_exit(status);
	outw(ACPI_PM1A_CNT_QEMU, ACPI_SLP_EN_S5);
	outw(ACPI_PM1A_CNT_BOCHS, ACPI_SLP_EN_S5);
	for (;;)
		hlt();
}

/* Pulse the CPU reset line through the keyboard controller. (QEMU run
   with -no-reboot exits instead.) */
void machine_restart(void)
{
	cli();
	while (inb(0x64) & 2)
		;
	outb(0x64, 0xFE);
	for (;;)
		hlt();
}
