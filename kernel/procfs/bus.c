/*
 * /proc/bus/pci/devices: the PCI devices found at boot (dev/pci.c), one
 * line each in Linux's format - what lspci reads.
 */
#include "procfs/internal.h"
#include "dev/dev.h"

PROC_BUF_SHOW(proc_pci_devices, pci_show)

static const struct proc_entry pci_table[] = {
	PROC_BUF_TEXT("devices", 42, proc_pci_devices),
};

const struct proc_dir proc_pci_dir = {
	PROC_PCI_INDEX, pci_table, ARRAY_SIZE(pci_table), "bus",
};

static const struct proc_entry bus_table[] = {
	PROC_TABLE_DIR("pci", PROC_PCI_INDEX),
};

const struct proc_dir proc_bus_dir = {
	PROC_BUS_INDEX, bus_table, ARRAY_SIZE(bus_table), NULL,
};
