/*
 * The Intel 82540EM ("e1000"), QEMU's default network card: the
 * registers e1000.c uses, as offsets into its memory-mapped register
 * window (BAR 0), and its descriptors. Names and numbers from Intel's
 * "PCI/PCI-X Family of Gigabit Ethernet Controllers Software
 * Developer's Manual" (8254x), chapter 13 (registers) and 3 (rings).
 */
#ifndef _NET_E1000_H
#define _NET_E1000_H

#include "include/types.h"

#define E1000_VENDOR 0x8086
#define E1000_DEVICE 0x100E     /* 82540EM */

/* Registers (byte offsets in BAR 0) */
#define E1000_CTRL   0x0000     /* device control */
#define E1000_STATUS 0x0008
#define E1000_EERD   0x0014     /* EEPROM read */
#define E1000_ICR    0x00C0     /* interrupt cause; reading clears it */
#define E1000_IMS    0x00D0     /* interrupt mask set: causes to raise */
#define E1000_IMC    0x00D8     /* interrupt mask clear */
#define E1000_RCTL   0x0100     /* receive control */
#define E1000_TCTL   0x0400     /* transmit control */
#define E1000_TIPG   0x0410     /* transmit inter-packet gap */
#define E1000_RDBAL  0x2800     /* receive ring: base (low, high), */
#define E1000_RDBAH  0x2804
#define E1000_RDLEN  0x2808     /* length in bytes, */
#define E1000_RDH    0x2810     /* head (the card's next), */
#define E1000_RDT    0x2818     /* tail (the driver's last given) */
#define E1000_TDBAL  0x3800     /* transmit ring: the same five */
#define E1000_TDBAH  0x3804
#define E1000_TDLEN  0x3808
#define E1000_TDH    0x3810
#define E1000_TDT    0x3818
#define E1000_MTA    0x5200     /* multicast table, 128 words */
#define E1000_RAL0   0x5400     /* receive address 0: our MAC, */
#define E1000_RAH0   0x5404     /* with its "valid" bit */

#define E1000_CTRL_ASDE  (1u << 5)      /* auto speed detection */
#define E1000_CTRL_SLU   (1u << 6)      /* set link up */
#define E1000_CTRL_RST   (1u << 26)     /* reset (clears itself) */
#define E1000_STATUS_LU  (1u << 1)      /* link up */
#define E1000_EERD_START (1u << 0)
#define E1000_EERD_DONE  (1u << 4)
#define E1000_EERD_ADDR_SHIFT 8
#define E1000_EERD_DATA_SHIFT 16
#define E1000_RAH_AV     (1u << 31)     /* address valid */

/* Interrupt causes (ICR, IMS) */
#define E1000_ICR_LSC    (1u << 2)      /* link status changed */
#define E1000_ICR_RXDMT0 (1u << 4)      /* few free receive descriptors */
#define E1000_ICR_RXO    (1u << 6)      /* receiver overrun */
#define E1000_ICR_RXT0   (1u << 7)      /* a frame was received */

#define E1000_RCTL_EN    (1u << 1)
#define E1000_RCTL_BAM   (1u << 15)     /* accept broadcasts */
#define E1000_RCTL_SECRC (1u << 26)     /* strip the Ethernet CRC */
/* (RCTL.BSIZE 00: 2048-byte receive buffers) */
#define E1000_TCTL_EN    (1u << 1)
#define E1000_TCTL_PSP   (1u << 3)      /* pad short frames to 64 bytes */
#define E1000_TCTL_CT    (0x10u << 4)   /* collision threshold */
#define E1000_TCTL_COLD  (0x40u << 12)  /* collision distance, full duplex */
/* IPGT 10, IPGR1 8, IPGR2 6: the manual's values for copper */
#define E1000_TIPG_VALUE (10u | 8u << 10 | 6u << 20)

/* A receive descriptor: the card writes a frame at addr, then length,
   errors and status (DD: done, the descriptor is the driver's again). */
struct e1000_rx_desc {
	uint64_t addr;          /* physical address of a 2048-byte buffer */
	uint16_t length;
	uint16_t csum;
	uint8_t status;
	uint8_t errors;
	uint16_t special;
} __attribute__((packed));

/* A transmit descriptor (the "legacy" format): the driver fills addr,
   length and cmd; the card sets DD in status when it has sent it. */
struct e1000_tx_desc {
	uint64_t addr;
	uint16_t length;
	uint8_t cso;
	uint8_t cmd;
	uint8_t status;
	uint8_t css;
	uint16_t special;
} __attribute__((packed));

#define E1000_RXD_STAT_DD  (1u << 0)
#define E1000_RXD_STAT_EOP (1u << 1)    /* the frame's last buffer */
#define E1000_TXD_CMD_EOP  (1u << 0)
#define E1000_TXD_CMD_IFCS (1u << 1)    /* the card adds the CRC */
#define E1000_TXD_CMD_RS   (1u << 3)    /* report status: set DD */
#define E1000_TXD_STAT_DD  (1u << 0)

#endif
