/*
 * UDP (RFC 768): ports and a checksum on top of IP, nothing more - no
 * connection, no order, no retransmission. A datagram is an 8-byte
 * header and the payload:
 *
 *   +---------------+---------------+
 *   |  source port  |   dest port   |
 *   +---------------+---------------+
 *   |  length (8+n) |   checksum    |   the sum covers a pseudo-header
 *   +---------------+---------------+   (addresses, protocol, length),
 *   |  payload ...                  |   the UDP header and the payload
 *
 * The sockets are datagram.c's; this file adds the header going down,
 * checks it coming up, and finds the socket by its port (inet_lookup).
 * A datagram nobody's port takes is answered with ICMP "port
 * unreachable", which a connected sender's socket turns into
 * ECONNREFUSED (udp_err).
 */
#include "net/inet.h"
#include "lib/lib.h"
#include <sprout/errno.h>

static ssize_t udp_sendmsg(struct socket *sock, struct sock_msg *m)
{
	struct inet_sock *isk = inet_sk(sock);
	struct sockaddr_in to;
	struct sk_buff *skb;
	struct udphdr *uh;
	uint32_t saddr;
	int err;

	/* Linux takes an AF_UNSPEC destination for AF_INET (old programs
	   leave the family 0); a ping socket does not. */
	if (m->namelen >= (int)sizeof(sa_family_t) &&
	    m->name.ss_family == AF_UNSPEC)
		m->name.ss_family = AF_INET;
	if ((err = dgram_prepare(sock, m, sizeof(*uh), &to, &saddr, &skb)))
		return err;
	if (!to.sin_port) {
		kfree_skb(skb);
		return -EINVAL;                 /* Linux: no port 0 */
	}
	uh = (struct udphdr *)skb_push(skb, sizeof(*uh));
	uh->source = isk->sport;
	uh->dest = to.sin_port;
	uh->len = htons(skb->len);
	uh->check = 0;
	uh->check = ip_checksum(uh, skb->len,
				ip_pseudo_sum(saddr, to.sin_addr.s_addr,
					      IPPROTO_UDP, skb->len));
	if (!uh->check)
		uh->check = 0xffff;     /* 0 would mean "no checksum" */
	err = ip_output(skb, saddr, to.sin_addr.s_addr, IPPROTO_UDP, isk->ttl);
	return err ? err : (ssize_t)m->len;
}

/* A sound datagram: its length fits, its checksum (if it has one)
   holds. */
static bool udp_ok(struct sk_buff *skb)
{
	struct udphdr *uh = (struct udphdr *)skb->data;
	uint16_t len;

	if (skb->len < sizeof(*uh))
		return false;
	len = ntohs(uh->len);
	if (len < sizeof(*uh) || len > skb->len)
		return false;
	skb_trim(skb, len);
	return !uh->check ||
	       ip_checksum(uh, len, ip_pseudo_sum(skb->saddr, skb->daddr,
						  IPPROTO_UDP, len)) == 0;
}

void udp_rcv(struct sk_buff *skb)
{
	struct udphdr *uh = (struct udphdr *)skb->data;
	struct inet_sock *isk;

	if (!udp_ok(skb)) {
		kfree_skb(skb);
		return;
	}
	if (dhcp_rcv(skb))
		return;
	isk = inet_lookup(&udp_proto, skb->saddr, uh->source, skb->daddr,
			  uh->dest);
	if (!isk) {
		if (ip_is_local(skb->daddr))    /* not for a broadcast */
			icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH);
		kfree_skb(skb);
		return;
	}
	skb_pull(skb, sizeof(*uh));
	dgram_queue_rcv(isk, skb);
}

void udp_err(const struct iphdr *iph, uint8_t type, uint8_t code)
{
	const struct udphdr *uh = (const void *)((const uint8_t *)iph +
						 iph->ihl * 4);
	/* Our own packet, quoted: we were its source. */
	struct inet_sock *isk = inet_lookup(&udp_proto, iph->daddr, uh->dest,
					    iph->saddr, uh->source);

	if (isk)
		dgram_error(isk, type == ICMP_DEST_UNREACH &&
				 code == ICMP_PORT_UNREACH ? -ECONNREFUSED
							   : -EHOSTUNREACH);
}

/* /proc/net/udp, as Linux prints it: addresses as the hex of their
   network-order 32 bits (127.0.0.1 is 0100007F), ports in host order,
   state 07 (TCP_CLOSE) or 01 (ESTABLISHED) for a connected socket. */
void udp_show(char *buf, size_t size, size_t *len)
{
	int sl = 0;

	appendf(buf, size, len, "%-127s\n", "   sl  local_address rem_address"
		"   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout"
		" inode ref pointer drops");
	for (struct inet_sock *isk = udp_proto.bound; isk;
	     isk = isk->bind_next) {
		struct socket *sock = &isk->sk;
		char line[128];

		snprintf(line, sizeof(line), "%5d: %08X:%04X %08X:%04X %02X "
			 "%08X:%08X 00:00000000 00000000 %5u %8d %u %d "
			 "0000000000000000 0", sl++, isk->saddr,
			 ntohs(isk->sport), isk->daddr, ntohs(isk->dport),
			 sock->state == SS_CONNECTED ? 1 : 7, 0,
			 dgram_sk(sock)->rq_bytes, 0, 0,
			 sock->file ? sock->file->f_inode->i_ino : 0,
			 sock->refs);
		appendf(buf, size, len, "%-127s\n", line);
	}
}

static const struct proto_ops udp_ops = DGRAM_OPS(udp_sendmsg);

struct inet_proto udp_proto = {
	.type = SOCK_DGRAM,
	.protocol = IPPROTO_UDP,
	.ops = &udp_ops,
	.obj_size = sizeof(struct dgram_sock),
	.init = dgram_init,
};
