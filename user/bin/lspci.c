/*
 * lspci: the devices on the PCI bus, from the kernel's list in
 * /proc/bus/pci/devices (Linux's format: bus and devfn, vendor and
 * device ids, irq, addresses and sizes, driver, separated by tabs).
 *
 *   lspci        00:03.0 Ethernet controller: Intel Corporation 82540EM ...
 *   lspci -n     00:03.0 8086:100e
 *   lspci -k     ... and a line "Kernel driver in use: e1000"
 *
 * Real lspci finds names in the pci.ids database; Sprout's knows the
 * devices QEMU's pc machine has, and shows the others by number.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
	unsigned vendor, device;
	const char *class, *name;
} known[] = {
	{ 0x8086, 0x1237, "Host bridge",
	  "Intel Corporation 440FX - 82441FX PMC [Natoma]" },
	{ 0x8086, 0x7000, "ISA bridge",
	  "Intel Corporation 82371SB PIIX3 ISA [Natoma/Triton II]" },
	{ 0x8086, 0x7010, "IDE interface",
	  "Intel Corporation 82371SB PIIX3 IDE [Natoma/Triton II]" },
	{ 0x8086, 0x7113, "Bridge", "Intel Corporation 82371AB/EB/MB PIIX4 ACPI" },
	{ 0x1234, 0x1111, "VGA compatible controller", "Device 1234:1111" },
	{ 0x8086, 0x100e, "Ethernet controller",
	  "Intel Corporation 82540EM Gigabit Ethernet Controller" },
};

static void print_name(unsigned vendor, unsigned device)
{
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (known[i].vendor == vendor && known[i].device == device) {
			printf("%s: %s\n", known[i].class, known[i].name);
			return;
		}
	printf("Device %04x:%04x\n", vendor, device);
}

int main(int argc, char **argv)
{
	int numeric = 0, drivers = 0, opt;
	FILE *f;
	char line[1024];

	while ((opt = getopt(argc, argv, "nk")) != -1) {
		if (opt == 'n')
			numeric = 1;
		else if (opt == 'k')
			drivers = 1;
		else {
			fprintf(stderr, "usage: lspci [-n] [-k]\n");
			return 2;
		}
	}
	if (!(f = fopen("/proc/bus/pci/devices", "r")))
		err(1, "/proc/bus/pci/devices");
	while (fgets(line, sizeof(line), f)) {
		unsigned busdevfn, ids;
		char *driver = strrchr(line, '\t');

		if (sscanf(line, "%x %x", &busdevfn, &ids) != 2)
			continue;
		printf("%02x:%02x.%x ", busdevfn >> 8, (busdevfn >> 3) & 0x1f,
		       busdevfn & 7);
		if (numeric)
			printf("%04x:%04x\n", ids >> 16, ids & 0xffff);
		else
			print_name(ids >> 16, ids & 0xffff);
		driver[strcspn(driver, "\n")] = '\0';
		if (drivers && driver[1])
			printf("\tKernel driver in use: %s\n", driver + 1);
	}
	fclose(f);
	return 0;
}
