/*
 * Ping sockets: socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), which Linux
 * gives unprivileged programs (net.ipv4.ping_group_range; here everyone
 * may) so that `ping` needs no raw socket. The program writes an ICMP
 * echo request - type 8, code 0, its sequence number and data - and
 * reads whole echo replies. The kernel fills in the identifier, the
 * socket's "port" (bound like a UDP port: inet_autobind), and the
 * checksum; a reply finds its socket by that identifier.
 */
#include "net/inet.h"
#include "lib/lib.h"
#include <sprout/errno.h>

static ssize_t ping_sendmsg(struct socket *sock, struct sock_msg *m)
{
	struct inet_sock *isk = inet_sk(sock);
	struct sockaddr_in to;
	struct sk_buff *skb;
	struct icmphdr *ih, h;
	struct iov_iter it;
	uint32_t saddr;
	int err;

	/* The header is looked at before anything else, as on Linux: a
	   refused one takes no identifier. */
	if (m->len < sizeof(h))
		return -EINVAL;
	iov_iter_init(&it, m);
	if (iov_copy_from(&it, (char *)&h, sizeof(h)))
		return -EFAULT;
	if (h.type != ICMP_ECHO || h.code != 0)
		return -EINVAL;
	if ((err = dgram_prepare(sock, m, 0, &to, &saddr, &skb)))
		return err;
	ih = (struct icmphdr *)skb->data;
	ih->id = isk->sport;
	ih->checksum = 0;
	ih->checksum = ip_checksum(ih, skb->len, 0);
	err = ip_output(skb, saddr, to.sin_addr.s_addr, IPPROTO_ICMP,
			isk->ttl);
	return err ? err : (ssize_t)m->len;
}

void ping_rcv(struct sk_buff *skb)
{
	struct icmphdr *ih = (struct icmphdr *)skb->data;
	struct inet_sock *isk = inet_lookup(&ping_proto, skb->saddr, 0,
					    skb->daddr, ih->id);

	if (isk)
		dgram_queue_rcv(isk, skb);
	else
		kfree_skb(skb);
}

static const struct proto_ops ping_ops = DGRAM_OPS(ping_sendmsg);

struct inet_proto ping_proto = {
	.type = SOCK_DGRAM,
	.protocol = IPPROTO_ICMP,
	.ops = &ping_ops,
	.obj_size = sizeof(struct dgram_sock),
	.init = dgram_init,
};
