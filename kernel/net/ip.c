/*
 * IPv4 (RFC 791): the header every packet carries, the route it leaves
 * by, and the check of every packet that arrives. A host, not a router:
 * packets for somebody else are dropped, never forwarded. Fragments are
 * put back together (ip_fragment.c); on the way out nothing is
 * fragmented (every sender here keeps its packets within the route's
 * MTU, and TCP peers are told our MSS).
 *
 * The route (ip_route) is three rules, in order:
 *   1. one of our own addresses, or 127/8      -> lo
 *   2. on a card's subnet (or a broadcast)     -> that card, straight
 *   3. anything else                           -> a card's gateway
 */
#include "net/inet.h"
#include "lib/lib.h"
#include <sprout/errno.h>

struct ip_stats ip_stats;
static uint16_t ip_next_id;

char *in_ntoa(uint32_t addr, char *buf)
{
	const uint8_t *b = (const uint8_t *)&addr;

	snprintf(buf, 16, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
	return buf;
}

/* ---- routing ---- */

static bool is_loopback(uint32_t addr)
{
	return (ntohl(addr) >> 24) == 127;
}

bool ip_is_local(uint32_t addr)
{
	struct net_device *dev;

	if (is_loopback(addr))
		return true;
	for_each_netdev(dev)
		if (dev->addr && dev->addr == addr)
			return true;
	return false;
}

static bool on_subnet(const struct net_device *dev, uint32_t addr)
{
	return dev->addr && (addr & dev->netmask) == (dev->addr & dev->netmask);
}

static bool is_broadcast(const struct net_device *dev, uint32_t addr)
{
	return addr == INADDR_BROADCAST ||
	       (dev->addr && addr == (dev->addr | ~dev->netmask));
}

/* The interface a packet to daddr leaves by, and its next hop (daddr, or
   the gateway): 0, or -ENETUNREACH. A limited broadcast (DHCP's, sent
   before the card has an address) leaves by the first card. */
static int ip_route(uint32_t daddr, struct net_device **devp, uint32_t *nh)
{
	struct net_device *dev;

	*nh = daddr;
	for_each_netdev(dev) {
		bool lo = dev->flags & IFF_LOOPBACK;

		if (!(dev->flags & IFF_UP))
			continue;
		if (lo ? ip_is_local(daddr)
		       : on_subnet(dev, daddr) || is_broadcast(dev, daddr)) {
			*devp = dev;
			return 0;
		}
	}
	for_each_netdev(dev)
		if ((dev->flags & IFF_UP) && dev->gateway) {
			*devp = dev;
			*nh = dev->gateway;
			return 0;
		}
	return -ENETUNREACH;
}

/* The address a packet to daddr goes out with: its interface's, or for
   a packet to ourselves, the very address it goes to. 0: no route. */
uint32_t ip_route_source(uint32_t daddr)
{
	struct net_device *dev;
	uint32_t nh;

	if (ip_is_local(daddr))
		return is_loopback(daddr) ? htonl(INADDR_LOOPBACK) : daddr;
	return ip_route(daddr, &dev, &nh) ? 0 : dev->addr;
}

/* ---- sending ---- */

/* A CHECKSUM_PARTIAL transport header's checksum, unless the device
   takes that over: lo does, because a checksum protects bytes on a wire
   and lo's never leave memory (Linux's lo offers the same "offload").
   The sum covers the pseudo-header, so it waits until the source
   address is known. */
static void ip_transport_checksum(struct sk_buff *skb,
				  const struct net_device *dev,
				  const struct iphdr *iph)
{
	uint8_t *th = skb->transport_header;
	uint16_t len = skb->tail - th, *check;

	if (skb->ip_summed != CHECKSUM_PARTIAL ||
	    (dev->features & NETIF_F_HW_CSUM))
		return;
	check = (uint16_t *)(th + skb->csum_offset);
	*check = 0;
	*check = ip_checksum(th, len, ip_pseudo_sum(iph->saddr, iph->daddr,
						    iph->protocol, len));
	skb->ip_summed = CHECKSUM_NONE;
}

int ip_output(struct sk_buff *skb, uint32_t saddr, uint32_t daddr,
	      uint8_t protocol, uint8_t ttl)
{
	struct net_device *dev;
	struct iphdr *iph;
	uint32_t nh;
	int err;

	err = ip_route(daddr, &dev, &nh);
	/* 127/8 is this host's alone: never a source on a wire (Linux). */
	if (!err && is_loopback(saddr) && !(dev->flags & IFF_LOOPBACK))
		err = -EINVAL;
	if (!err && skb->len + sizeof(*iph) > dev->mtu)
		err = -EMSGSIZE;
	if (err) {
		if (err == -ENETUNREACH)
			ip_stats.out_no_routes++;
		kfree_skb(skb);
		return err;
	}
	ip_stats.out_requests++;
	skb->transport_header = skb->data;
	iph = (struct iphdr *)skb_push(skb, sizeof(*iph));
	skb->network_header = skb->data;
	iph->version = 4;
	iph->ihl = sizeof(*iph) / 4;
	iph->tos = 0;
	iph->tot_len = htons(skb->len);
	iph->id = htons(ip_next_id++);
	iph->frag_off = htons(IP_DF);   /* we never fragment: nor may a router */
	iph->ttl = ttl;
	iph->protocol = protocol;
	iph->saddr = saddr ? saddr : ip_route_source(daddr);
	iph->daddr = daddr;
	iph->check = 0;
	iph->check = ip_checksum(iph, sizeof(*iph), 0);
	ip_transport_checksum(skb, dev, iph);
	skb->dev = dev;
	if (dev->flags & IFF_LOOPBACK)
		return eth_output(skb, dev->hwaddr, ETH_P_IP);
	if (is_broadcast(dev, daddr))
		return eth_output(skb, NULL, ETH_P_IP);
	return arp_output(skb, dev, nh);
}

/* ---- receiving ---- */

/* Is the header sound? Its length fields fit the buffer and each other,
   and its checksum holds. */
static bool ip_header_ok(const struct sk_buff *skb)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	uint32_t hlen;

	if (skb->len < sizeof(*iph) || iph->version != 4)
		return false;
	hlen = iph->ihl * 4;
	return hlen >= sizeof(*iph) && hlen <= ntohs(iph->tot_len) &&
	       ntohs(iph->tot_len) <= skb->len &&
	       ip_checksum(iph, hlen, 0) == 0;
}

/* For us: one of our addresses or a broadcast; or anything at all while
   the card has no address yet (the DHCP server's offer is addressed to
   the address it offers). */
static bool ip_for_us(const struct net_device *dev, uint32_t daddr)
{
	return !dev->addr || ip_is_local(daddr) || is_broadcast(dev, daddr);
}

static void ip_local_deliver(struct sk_buff *skb, uint8_t protocol)
{
	switch (protocol) {
	case IPPROTO_ICMP:
		icmp_rcv(skb);
		break;
	case IPPROTO_UDP:
		udp_rcv(skb);
		break;
	case IPPROTO_TCP:
		tcp_rcv(skb);
		break;
	default:
		ip_stats.unknown_protos++;
		if (ip_is_local(skb->daddr))
			icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PROT_UNREACH);
		kfree_skb(skb);
	}
}

void ip_rcv(struct sk_buff *skb)
{
	struct iphdr *iph = (struct iphdr *)skb->data;

	ip_stats.in_receives++;
	if (!ip_header_ok(skb)) {
		ip_stats.in_hdr_errors++;
		goto drop;
	}
	/* Ethernet pads short frames: the packet is tot_len long. */
	skb_trim(skb, ntohs(iph->tot_len));
	if (!ip_for_us(skb->dev, iph->daddr)) {
		ip_stats.in_addr_errors++;
		goto drop;
	}
	if (ntohs(iph->frag_off) & (IP_MF | IP_OFFSET)) {
		if (!(skb = ip_defrag(skb)))
			return;                 /* kept for the rest, or dropped */
		iph = (struct iphdr *)skb->data;
	}
	skb->network_header = skb->data;
	skb->saddr = iph->saddr;
	skb->daddr = iph->daddr;
	skb_pull(skb, iph->ihl * 4);
	skb->transport_header = skb->data;
	ip_stats.in_delivers++;
	ip_local_deliver(skb, iph->protocol);
	return;
drop:
	kfree_skb(skb);
}

/* /proc/net/snmp's IP part, as Linux prints it: a line of names, a line
   of values. Forwarding 2 means "not a router". */
void snmp_show(char *buf, size_t size, size_t *len)
{
	appendf(buf, size, len, "Ip: Forwarding DefaultTTL InReceives "
		"InHdrErrors InAddrErrors ForwDatagrams InUnknownProtos "
		"InDiscards InDelivers OutRequests OutDiscards OutNoRoutes "
		"ReasmTimeout ReasmReqds ReasmOKs ReasmFails FragOKs FragFails "
		"FragCreates\n");
	appendf(buf, size, len, "Ip: 2 %d %u %u %u 0 %u 0 %u %u 0 %u %u %u %u "
		"%u 0 0 0\n", IP_DEFAULT_TTL, ip_stats.in_receives,
		ip_stats.in_hdr_errors, ip_stats.in_addr_errors,
		ip_stats.unknown_protos, ip_stats.in_delivers,
		ip_stats.out_requests, ip_stats.out_no_routes,
		ip_stats.reasm_timeout, ip_stats.reasm_reqds,
		ip_stats.reasm_oks, ip_stats.reasm_fails);
}
