/*
 * The loopback interface, lo: 127.0.0.1/8, and every packet the host
 * sends to one of its own addresses. Its "wire" is netd's receive queue:
 * xmit hands the frame straight back to netif_rx, and netd carries it up
 * the stack as if it had arrived on a card. Frames keep an Ethernet
 * header (all-zero addresses) so that lo and a card look alike to
 * ether.c.
 */
#include "net/inet.h"

static int loopback_xmit(struct net_device *dev, struct sk_buff *skb)
{
	(void)dev;
	if (skb->ip_summed == CHECKSUM_PARTIAL)     /* left undone for us */
		skb->ip_summed = CHECKSUM_UNNECESSARY;
	netif_rx(skb);
	return 0;
}

static struct net_device loopback_dev = {
	.name = "lo",
	.flags = IFF_UP | IFF_LOOPBACK | IFF_RUNNING,
	.features = NETIF_F_HW_CSUM,
	/* What one page holds after the headers' room. */
	.mtu = SKB_MAX_SIZE - MAX_HEADER,
	.xmit = loopback_xmit,
};

void loopback_init(void)
{
	loopback_dev.addr = htonl(INADDR_LOOPBACK);
	loopback_dev.netmask = htonl(0xff000000);
	register_netdev(&loopback_dev);
}
