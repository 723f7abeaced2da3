/*
 * The driver of QEMU's Intel 82540EM ("e1000") network card.
 *
 * The card and the driver share two rings of descriptors in RAM. Each
 * descriptor names a 2 KiB buffer by its physical address: the card
 * moves frames between the wire and the buffers itself (DMA), and the
 * two sides tell each other how far they got through the ring's head
 * and tail registers.
 *
 *   receive ring (RX_RING slots)
 *   +----+----+----+----+----+----+----+
 *   | DD | DD |    |    |    |    |    |   DD: done, the card wrote a frame
 *   +----+----+----+----+----+----+----+
 *     ^         ^                   ^
 *     rx_next   RDH: the card       RDT: the last slot the card may
 *     (driver)  fills from here     fill; giving a slot back moves it
 *
 *   transmit ring (TX_RING slots)
 *   +------+------+------+------+------+
 *   | sent | sent | full | full |      |   the card sets DD in each slot
 *   +------+------+------+------+------+   it has sent
 *                   ^             ^
 *                   TDH: the card TDT = tx_next: the driver fills
 *                   sends from    here and moves it on
 *
 * A received frame raises an interrupt. The handler only reads the
 * cause register (which acknowledges it) and wakes netd; e1000_poll,
 * in netd, copies each done frame into a new sk_buff for netif_rx and
 * hands the slot back to the card. e1000_xmit copies the frame into
 * the next transmit buffer and moves the tail: the card does the rest.
 */
#include "net/netdev.h"
#include "net/e1000.h"
#include "dev/dev.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define RX_RING 128             /* descriptors; the rings are multiples of 8 */
#define TX_RING 64
#define BUF_SIZE 2048           /* RCTL.BSIZE 00; two buffers in a page */

static struct e1000 {
	uint8_t *regs;                          /* BAR 0, ioremapped */
	volatile struct e1000_rx_desc *rx_ring; /* a page each */
	volatile struct e1000_tx_desc *tx_ring;
	uint8_t *rx_buf[RX_RING], *tx_buf[TX_RING];
	uint32_t rx_next;                       /* the next slot to look at */
	uint32_t tx_next;                       /* = TDT */
	struct net_device dev;
} card;

static uint32_t rd(uint32_t reg)
{
	return readl(card.regs + reg);
}

static void wr(uint32_t reg, uint32_t v)
{
	writel(card.regs + reg, v);
}

/* QEMU's card answers at once; a real one within microseconds. */
static bool wait_for(uint32_t reg, uint32_t bit, bool set)
{
	for (int tries = 0; tries < 100000; tries++)
		if (!(rd(reg) & bit) == !set)
			return true;
	return false;
}

static void e1000_reset(void)
{
	wr(E1000_IMC, 0xFFFFFFFF);
	wr(E1000_CTRL, rd(E1000_CTRL) | E1000_CTRL_RST);
	wait_for(E1000_CTRL, E1000_CTRL_RST, false);
	wr(E1000_IMC, 0xFFFFFFFF);
	rd(E1000_ICR);
	wr(E1000_CTRL, rd(E1000_CTRL) | E1000_CTRL_SLU | E1000_CTRL_ASDE);
}

/* One 16-bit word of the EEPROM, where the MAC was stored at the
   factory (QEMU: 52:54:00:12:34:56 unless told otherwise). */
static uint16_t eeprom_read(uint8_t word)
{
	wr(E1000_EERD, E1000_EERD_START | word << E1000_EERD_ADDR_SHIFT);
	if (!wait_for(E1000_EERD, E1000_EERD_DONE, true))
		return 0xFFFF;
	return rd(E1000_EERD) >> E1000_EERD_DATA_SHIFT;
}

/* Words 0..2 hold the MAC, low byte first; receive address 0 is the
   filter that lets frames sent to it in. */
static void read_mac(uint8_t *mac)
{
	for (int i = 0; i < 3; i++) {
		uint16_t w = eeprom_read(i);
		mac[2 * i] = w & 0xFF;
		mac[2 * i + 1] = w >> 8;
	}
	wr(E1000_RAL0, mac[0] | mac[1] << 8 | mac[2] << 16 |
	   (uint32_t)mac[3] << 24);
	wr(E1000_RAH0, mac[4] | mac[5] << 8 | E1000_RAH_AV);
	for (int i = 0; i < 128; i++)
		wr(E1000_MTA + 4 * i, 0);       /* no multicast */
}

/* n buffers of BUF_SIZE, two to a page from the frame allocator. */
static int alloc_buffers(uint8_t **buf, int n)
{
	for (int i = 0; i < n; i += 2) {
		uint8_t *page = get_zeroed_page();
		if (!page)
			return -ENOMEM;
		buf[i] = page;
		buf[i + 1] = page + BUF_SIZE;
	}
	return 0;
}

static int setup_rx(void)
{
	if (!(card.rx_ring = get_zeroed_page()) ||
	    alloc_buffers(card.rx_buf, RX_RING))
		return -ENOMEM;
	for (int i = 0; i < RX_RING; i++)
		card.rx_ring[i].addr = __pa(card.rx_buf[i]);
	wr(E1000_RDBAL, __pa(card.rx_ring));
	wr(E1000_RDBAH, 0);
	wr(E1000_RDLEN, RX_RING * sizeof(struct e1000_rx_desc));
	wr(E1000_RDH, 0);
	wr(E1000_RDT, RX_RING - 1);     /* all slots but one are the card's */
	wr(E1000_RCTL, E1000_RCTL_EN | E1000_RCTL_BAM | E1000_RCTL_SECRC);
	return 0;
}

static int setup_tx(void)
{
	if (!(card.tx_ring = get_zeroed_page()) ||
	    alloc_buffers(card.tx_buf, TX_RING))
		return -ENOMEM;
	for (int i = 0; i < TX_RING; i++) {
		card.tx_ring[i].addr = __pa(card.tx_buf[i]);
		card.tx_ring[i].status = E1000_TXD_STAT_DD;   /* free */
	}
	wr(E1000_TDBAL, __pa(card.tx_ring));
	wr(E1000_TDBAH, 0);
	wr(E1000_TDLEN, TX_RING * sizeof(struct e1000_tx_desc));
	wr(E1000_TDH, 0);
	wr(E1000_TDT, 0);
	wr(E1000_TCTL, E1000_TCTL_EN | E1000_TCTL_PSP | E1000_TCTL_CT |
	   E1000_TCTL_COLD);
	wr(E1000_TIPG, E1000_TIPG_VALUE);
	return 0;
}

/* The interrupt: reading ICR acknowledges every cause in it, and lowers
   the interrupt line. Everything else is netd's (no allocation here). */
static void e1000_intr(struct pt_regs *regs)
{
	if (rd(E1000_ICR))
		netif_schedule(&card.dev);
}

static void e1000_check_link(struct net_device *dev)
{
	if (rd(E1000_STATUS) & E1000_STATUS_LU)
		dev->flags |= IFF_RUNNING;
	else
		dev->flags &= ~IFF_RUNNING;
}

/* One done receive slot: a copy of its frame goes up. */
static void receive_one(struct net_device *dev,
			volatile struct e1000_rx_desc *d, uint8_t *buf)
{
	struct sk_buff *skb;

	if (!(d->status & E1000_RXD_STAT_EOP) || d->errors) {
		dev->stats.rx_errors++;         /* too long, or a bad CRC */
		return;
	}
	if (!(skb = alloc_skb(d->length))) {
		dev->stats.rx_dropped++;
		return;
	}
	memcpy(skb_put(skb, d->length), buf, d->length);
	skb->dev = dev;
	netif_rx(skb);
}

/* netd: take every frame the card has written, giving each slot back. */
static void e1000_poll(struct net_device *dev)
{
	volatile struct e1000_rx_desc *d;

	e1000_check_link(dev);
	while ((d = &card.rx_ring[card.rx_next])->status & E1000_RXD_STAT_DD) {
		receive_one(dev, d, card.rx_buf[card.rx_next]);
		d->status = 0;
		wr(E1000_RDT, card.rx_next);
		card.rx_next = (card.rx_next + 1) % RX_RING;
	}
}

/* The frame is copied, so the skb is freed at once. A slot the card has
   not sent yet (no DD) means the ring is full: the frame is dropped, as
   a full queue drops on Linux; TCP will send it again. */
static int e1000_xmit(struct net_device *dev, struct sk_buff *skb)
{
	volatile struct e1000_tx_desc *d = &card.tx_ring[card.tx_next];
	int err = 0;

	if (skb->len > BUF_SIZE) {
		dev->stats.tx_errors++;
		err = -EMSGSIZE;
	} else if (!(d->status & E1000_TXD_STAT_DD)) {
		dev->stats.tx_dropped++;
		err = -ENOBUFS;
	} else {
		memcpy(card.tx_buf[card.tx_next], skb->data, skb->len);
		d->length = skb->len;
		d->cmd = E1000_TXD_CMD_EOP | E1000_TXD_CMD_IFCS |
			 E1000_TXD_CMD_RS;
		d->status = 0;
		card.tx_next = (card.tx_next + 1) % TX_RING;
		wr(E1000_TDT, card.tx_next);
	}
	kfree_skb(skb);
	return err;
}

/* Its registers within reach, and its interrupt line known: 0 or
   -ENODEV (the messages say why). */
static int map_card(struct pci_dev *pdev)
{
	/* 0 and 255 mean "not wired"; 0 is the timer's. */
	if (pdev->irq == 0 || pdev->irq >= NR_IRQS) {
		printk("e1000: no interrupt line, card not used\n");
		return -ENODEV;
	}
	pci_set_master(pdev);
	card.regs = ioremap(pdev->resource[0] & PCI_BAR_MEM_MASK,
			    pdev->size[0]);
	if (!card.regs) {
		printk("e1000: no room to map its registers\n");
		return -ENODEV;
	}
	return 0;
}

/* eth0 joins the interfaces, and the card's interrupts are let in. */
static void register_card(struct pci_dev *pdev)
{
	struct net_device *dev = &card.dev;

	strlcpy(dev->name, "eth0", IFNAMSIZ);
	dev->flags = IFF_UP | IFF_BROADCAST;
	dev->mtu = 1500;
	dev->xmit = e1000_xmit;
	dev->poll = e1000_poll;
	dev->check_link = e1000_check_link;
	e1000_check_link(dev);
	pdev->driver = "e1000";
	register_netdev(dev);
	request_irq(pdev->irq, e1000_intr);
	wr(E1000_IMS, E1000_ICR_RXT0 | E1000_ICR_RXO | E1000_ICR_RXDMT0 |
	   E1000_ICR_LSC);
}

/* Boot (net_init): find the card, set it up, register eth0. Without a
   card (QEMU -nic none) there is nothing to do. */
void e1000_init(void)
{
	struct pci_dev *pdev = pci_find(E1000_VENDOR, E1000_DEVICE);

	if (!pdev || map_card(pdev))
		return;
	e1000_reset();
	read_mac(card.dev.hwaddr);
	if (setup_rx() || setup_tx()) {
		printk("e1000: out of memory for the rings\n");
		return;
	}
	register_card(pdev);
}
