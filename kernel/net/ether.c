/*
 * Ethernet, the link layer. A frame is a 14-byte header and the packet:
 *
 *   +-----------------+-----------------+-------+---------------------+
 *   | destination MAC | source MAC      | type  | IP or ARP packet    |
 *   | 6 bytes         | 6 bytes         | 2     | 46..1500 bytes      |
 *   +-----------------+-----------------+-------+---------------------+
 *
 * The type says which protocol gets the rest (ETH_P_IP, ETH_P_ARP). The
 * card adds the preamble and the CRC and pads short frames itself.
 */
#include "net/inet.h"
#include "lib/lib.h"

struct ethhdr {
	uint8_t h_dest[ETH_ALEN];
	uint8_t h_source[ETH_ALEN];
	uint16_t h_proto;               /* network order */
} __attribute__((packed));

static const uint8_t eth_broadcast[ETH_ALEN] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff
};

/* Is the frame for us: our MAC, or everyone's? (lo: always.) */
static bool eth_for_us(const struct net_device *dev, const uint8_t *dest)
{
	return (dev->flags & IFF_LOOPBACK) ||
	       !memcmp(dest, dev->hwaddr, ETH_ALEN) ||
	       !memcmp(dest, eth_broadcast, ETH_ALEN);
}

void eth_rcv(struct sk_buff *skb)
{
	struct ethhdr *eth = (struct ethhdr *)skb->data;

	if (skb->len < ETH_HLEN || !eth_for_us(skb->dev, eth->h_dest)) {
		kfree_skb(skb);
		return;
	}
	skb->protocol = ntohs(eth->h_proto);
	skb_pull(skb, ETH_HLEN);
	switch (skb->protocol) {
	case ETH_P_IP:
		ip_rcv(skb);
		break;
	case ETH_P_ARP:
		arp_rcv(skb);
		break;
	default:                        /* IPv6 and others: not spoken */
		kfree_skb(skb);
	}
}

int eth_output(struct sk_buff *skb, const uint8_t *dst, uint16_t proto)
{
	struct ethhdr *eth = (struct ethhdr *)skb_push(skb, ETH_HLEN);

	memcpy(eth->h_dest, dst ? dst : eth_broadcast, ETH_ALEN);
	memcpy(eth->h_source, skb->dev->hwaddr, ETH_ALEN);
	eth->h_proto = htons(proto);
	skb->protocol = proto;
	return dev_queue_xmit(skb);
}
