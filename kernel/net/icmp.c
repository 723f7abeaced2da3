/*
 * ICMP (RFC 792): IP's own messages. Every ICMP message starts with a
 * type, a code and a checksum over the whole message:
 *
 *   echo request (8) / reply (0):   type code sum | id seq | data ...
 *   an error (3 unreachable,        type code sum | unused | the IP header
 *             11 time exceeded):                            + 8 bytes of
 *                                                            the packet
 *                                                            it is about
 *
 * An echo request is answered with the same id, sequence and data (this
 * is what makes `ping` work); an echo reply goes to the ping socket
 * that sent the request (ping.c); an error goes to the protocol of the
 * quoted packet (UDP: a connected socket's ECONNREFUSED).
 */
#include "net/inet.h"
#include "lib/lib.h"

/* Answer in place: the request becomes the reply, sent back from the
   address it was sent to. A broadcast ping is not answered (Linux's
   icmp_echo_ignore_broadcasts: a whole subnet replying is a flood). */
static void icmp_echo(struct sk_buff *skb)
{
	struct icmphdr *ih = (struct icmphdr *)skb->data;

	if (!ip_is_local(skb->daddr)) {
		kfree_skb(skb);
		return;
	}
	ih->type = ICMP_ECHOREPLY;
	ih->checksum = 0;
	ih->checksum = ip_checksum(ih, skb->len, 0);
	ip_output(skb, skb->daddr, skb->saddr, IPPROTO_ICMP, IP_DEFAULT_TTL);
}

/* An error: the quoted header must be whole before anyone reads it. */
static void icmp_unreach(struct sk_buff *skb)
{
	const struct icmphdr *ih = (const struct icmphdr *)skb->data;
	const struct iphdr *iph = (const struct iphdr *)(ih + 1);

	if (skb->len >= sizeof(*ih) + sizeof(*iph) &&
	    skb->len >= sizeof(*ih) + iph->ihl * 4 + 8 &&
	    iph->protocol == IPPROTO_UDP)
		udp_err(iph, ih->type, ih->code);
	kfree_skb(skb);
}

void icmp_rcv(struct sk_buff *skb)
{
	struct icmphdr *ih = (struct icmphdr *)skb->data;

	if (skb->len < sizeof(*ih) || ip_checksum(ih, skb->len, 0) != 0) {
		kfree_skb(skb);
		return;
	}
	switch (ih->type) {
	case ICMP_ECHO:
		icmp_echo(skb);
		break;
	case ICMP_ECHOREPLY:
		ping_rcv(skb);
		break;
	case ICMP_DEST_UNREACH:
	case ICMP_TIME_EXCEEDED:
		icmp_unreach(skb);
		break;
	default:
		kfree_skb(skb);
	}
}

/* RFC 1122: never an error about an ICMP error (two hosts could send
   errors about each other's errors for ever), nor about a fragment
   other than the first. */
static bool may_complain(const struct iphdr *iph)
{
	const struct icmphdr *ih = (const void *)((const uint8_t *)iph +
						  iph->ihl * 4);

	if (ntohs(iph->frag_off) & IP_OFFSET)
		return false;
	return iph->protocol != IPPROTO_ICMP || ih->type == ICMP_ECHO ||
	       ih->type == ICMP_ECHOREPLY;
}

void icmp_send(struct sk_buff *orig, uint8_t type, uint8_t code)
{
	const struct iphdr *iph = (const struct iphdr *)orig->network_header;
	/* The header and 8 bytes (what RFC 792 asks), or less if shorter. */
	uint32_t quote = iph->ihl * 4 + 8;
	uint32_t have = orig->tail - orig->network_header;
	struct sk_buff *skb;
	struct icmphdr *ih;

	if (!may_complain(iph))
		return;
	if (quote > have)
		quote = have;
	if (!(skb = alloc_skb(MAX_HEADER + sizeof(*ih) + quote)))
		return;
	skb_reserve(skb, MAX_HEADER);
	ih = (struct icmphdr *)skb_put(skb, sizeof(*ih));
	ih->type = type;
	ih->code = code;
	ih->id = ih->sequence = 0;
	memcpy(skb_put(skb, quote), iph, quote);
	ih->checksum = 0;
	ih->checksum = ip_checksum(ih, skb->len, 0);
	ip_output(skb, iph->daddr, iph->saddr, IPPROTO_ICMP, IP_DEFAULT_TTL);
}
