/*
 * The Internet family, net/'s own header: IPv4 (ip.c), ARP (arp.c), ICMP
 * (icmp.c), UDP (udp.c), TCP (tcp*.c) and the AF_INET sockets over them
 * (af_inet.c).
 *
 * A UDP or TCP socket is an inet_sock inside the protocol's own object,
 * which begins with it, as an inet_sock begins with the layer's struct
 * socket:
 *
 *   struct tcp_sock                    what a connection is known by:
 *   +----------------------------+     the 5-tuple
 *   | struct inet_sock           |       (protocol, saddr, sport,
 *   |   struct socket sk         |        daddr, dport)
 *   |   saddr sport daddr dport  |
 *   |   proto, bind_next         |     bound sockets are on their
 *   +----------------------------+     protocol's list (proto->bound),
 *   | state, snd_una, snd_nxt,   |     searched by inet_lookup() for
 *   | rcv_nxt, queues, timers... |     each arriving segment
 *   +----------------------------+
 *
 * Addresses and ports are kept in network order, as they travel.
 */
#ifndef _NET_INET_H
#define _NET_INET_H

#include "net/net.h"
#include "net/netdev.h"
#include <sprout/in.h>

struct inet_sock;

/* One transport protocol's sockets (udp_proto, tcp_proto, ping_proto). */
struct inet_proto {
	int type;                       /* SOCK_STREAM, SOCK_DGRAM */
	int protocol;                   /* IPPROTO_TCP, _UDP, _ICMP */
	const struct proto_ops *ops;
	size_t obj_size;                /* sizeof(struct tcp_sock) ... */
	/* A new socket's own fields (obj_size bytes are zeroed first). */
	void (*init)(struct inet_sock *isk);
	/* May bind put `isk` on `other`'s port? (Both addresses match or
	   one is INADDR_ANY.) NULL: never. TCP allows it with SO_REUSEADDR
	   on both unless `other` listens; UDP never. */
	bool (*may_share)(struct inet_sock *isk, struct inet_sock *other);
	struct inet_sock *bound;        /* sockets with a port */
};

struct inet_sock {
	struct socket sk;
	struct inet_proto *proto;
	uint32_t saddr, daddr;          /* local, remote; 0: any / none */
	uint16_t sport, dport;          /* local, remote; 0: none */
	uint8_t ttl;                    /* IP_TTL: 64 */
	bool bound_addr, bound_port;    /* bind() chose them (Linux's
					   SOCK_BINDADDR/BINDPORT_LOCK) */
	struct inet_sock *bind_next;    /* in proto->bound */
};

static inline struct inet_sock *inet_sk(struct socket *sock)
{
	return (struct inet_sock *)sock;
}

/* af_inet.c: what UDP and TCP share */
extern const struct net_proto_family inet_family;
/* bind(): checks the address (EINVAL, EADDRNOTAVAIL, EACCES below 1024
   for non-root), takes the port (EADDRINUSE), puts isk on the list. */
int inet_bind(struct socket *sock, const struct sockaddr *addr, int len);
/* A port from IP_LOCAL_PORT_MIN..MAX for a socket that has none
   (connect, sendto, listen without bind): 0 or -EAGAIN. */
int inet_autobind(struct inet_sock *isk);
void inet_unhash(struct inet_sock *isk);        /* off proto->bound */
int inet_getname(struct socket *sock, struct sockaddr_storage *addr,
		 bool peer);
/* A user's sockaddr_in checked: 0 and *sin, or -EINVAL/-EAFNOSUPPORT. */
int inet_addr_in(const struct sockaddr *addr, int len,
		 struct sockaddr_in *sin);
/* The same for a destination (connect, sendto), where INADDR_ANY means
   this host: 127.0.0.1, as Linux routes it. */
int inet_dest_in(const struct sockaddr *addr, int len,
		 struct sockaddr_in *sin);
/* The best socket for an arriving packet: an exact 4-tuple match before
   a wildcard (daddr/dport 0, saddr INADDR_ANY). NULL: nobody. */
struct inet_sock *inet_lookup(struct inet_proto *proto, uint32_t saddr,
			      uint16_t sport, uint32_t daddr, uint16_t dport);
/* The socket ioctls every inet socket has (interfaces: dev_ioctl). */
int inet_ioctl(struct socket *sock, uint32_t cmd, uint32_t arg);
/* Level IPPROTO_IP options (IP_TTL); -ENOPROTOOPT for other levels. */
int inet_setsockopt(struct socket *sock, int level, int name,
		    const void *val, int len);
int inet_getsockopt(struct socket *sock, int level, int name, void *val,
		    int *len);

/* datagram.c: what UDP and ping sockets share. A datagram socket keeps
   what arrived, whole packets, in its receive queue: each skb's data is
   the payload (UDP) or the ICMP message (ping), its transport_header the
   UDP header (where recvfrom finds the sender's port). */
struct dgram_sock {
	struct inet_sock inet;
	struct sk_buff_head rq;
	uint32_t rq_bytes;              /* charged against sk.rcvbuf */
};

static inline struct dgram_sock *dgram_sk(struct socket *sock)
{
	return (struct dgram_sock *)sock;
}

void dgram_init(struct inet_sock *isk);
void dgram_release(struct socket *sock);
void dgram_free(struct socket *sock);
int dgram_connect(struct socket *sock, const struct sockaddr *addr, int len);
int dgram_shutdown(struct socket *sock, int mask);
int dgram_listen(struct socket *sock, int backlog);     /* EOPNOTSUPP */
int dgram_accept(struct socket *sock, struct socket **child);
ssize_t dgram_recvmsg(struct socket *sock, struct sock_msg *m);
unsigned int dgram_poll(struct socket *sock, struct file *f,
			struct poll_table *pt);
int dgram_ioctl(struct socket *sock, uint32_t cmd, uint32_t arg);
/* sendmsg's first half: where to (sendto's address, else the connected
   peer: EDESTADDRREQ) and from (the bound address, else the route's),
   the socket bound to a port, and a buffer with the user's len bytes
   after headroom for hdrlen more. 0 or -errno. */
int dgram_prepare(struct socket *sock, struct sock_msg *m, uint32_t hdrlen,
		  struct sockaddr_in *to, uint32_t *saddr,
		  struct sk_buff **skbp);
/* An arrived packet for isk: queued (or dropped when the queue is full);
   the readers are woken. Takes the skb. */
void dgram_queue_rcv(struct inet_sock *isk, struct sk_buff *skb);
/* An ICMP error for isk's packet: a connected socket reports err. */
void dgram_error(struct inet_sock *isk, int err);
/* A datagram protocol's socket operations: all datagram.c's but for
   how a message goes out (udp_sendmsg, ping_sendmsg). */
#define DGRAM_OPS(send) {                                               \
	.family = AF_INET, .release = dgram_release, .free = dgram_free,  \
	.bind = inet_bind, .connect = dgram_connect,                      \
	.listen = dgram_listen, .accept = dgram_accept,                   \
	.getname = inet_getname, .poll = dgram_poll,                      \
	.ioctl = dgram_ioctl, .shutdown = dgram_shutdown,                 \
	.sendmsg = (send), .recvmsg = dgram_recvmsg,                      \
	.setsockopt = inet_setsockopt, .getsockopt = inet_getsockopt,     \
}

/* The headers on the wire (network order). An IPv4 header is 20 bytes
   and up to 40 of options (ihl counts 32-bit words):

    0       4       8              16      19                     31
   +-------+-------+---------------+-------------------------------+
   |version|  ihl  |      tos      |        tot_len (all bytes)    |
   +-------+-------+---------------+-----+-------------------------+
   |        id (of a datagram)     |flags|  fragment offset (x8)   |
   +---------------+---------------+-----+-------------------------+
   |      ttl      |   protocol    |   check (the header's sum)    |
   +---------------+---------------+-------------------------------+
   |                saddr          |            daddr ...          |
*/
struct iphdr {
	uint8_t ihl:4, version:4;       /* the bit fields of byte 0 */
	uint8_t tos;
	uint16_t tot_len, id, frag_off;
	uint8_t ttl, protocol;
	uint16_t check;
	uint32_t saddr, daddr;
} __attribute__((packed));

#define IP_DF     0x4000                /* frag_off: don't fragment */
#define IP_MF     0x2000                /*   more fragments follow */
#define IP_OFFSET 0x1fff                /*   where this one goes (x8) */
#define IP_DEFAULT_TTL 64

struct udphdr {
	uint16_t source, dest, len, check;
} __attribute__((packed));

struct icmphdr {
	uint8_t type, code;
	uint16_t checksum;
	uint16_t id, sequence;          /* echo; else the error's "unused" */
} __attribute__((packed));

#define ICMP_ECHOREPLY      0
#define ICMP_DEST_UNREACH   3
#define ICMP_ECHO           8
#define ICMP_TIME_EXCEEDED  11
#define ICMP_HOST_UNREACH   1           /* ICMP_DEST_UNREACH's codes */
#define ICMP_PROT_UNREACH   2
#define ICMP_PORT_UNREACH   3

/* ip.c: IPv4 */
/* What IP counted: /proc/net/snmp's Ip lines (Linux's names). */
struct ip_stats {
	uint32_t in_receives;           /* InReceives: every packet */
	uint32_t in_hdr_errors;         /* InHdrErrors: bad length, sum */
	uint32_t in_addr_errors;        /* InAddrErrors: not for us */
	uint32_t unknown_protos;        /* InUnknownProtos */
	uint32_t in_delivers;           /* InDelivers: to a protocol */
	uint32_t out_requests;          /* OutRequests: packets sent */
	uint32_t out_no_routes;         /* OutNoRoutes */
	uint32_t reasm_reqds;           /* ReasmReqds: fragments received */
	uint32_t reasm_oks;             /* ReasmOKs: datagrams put together */
	uint32_t reasm_fails;           /* ReasmFails: datagrams given up */
	uint32_t reasm_timeout;         /*   of them for a missing piece */
};
extern struct ip_stats ip_stats;
void ip_rcv(struct sk_buff *skb);
/* Send skb (data at the transport header) from saddr (0: the route's
   interface address) to daddr: adds the IP header, routes (lo for the
   host's own addresses, the interface's subnet, else its gateway),
   resolves the next hop with ARP and sends. Takes the skb. 0 or -errno
   (-ENETUNREACH, -EHOSTUNREACH, -EMSGSIZE). */
int ip_output(struct sk_buff *skb, uint32_t saddr, uint32_t daddr,
	      uint8_t protocol, uint8_t ttl);
/* The source address the route to daddr would use (for connect()). */
uint32_t ip_route_source(uint32_t daddr);
bool ip_is_local(uint32_t addr);        /* one of ours, or 127/8 */
/* addr as "10.0.2.15" in buf (at least 16 bytes): buf. */
char *in_ntoa(uint32_t addr, char *buf);
/* The Internet checksum of len bytes, folded, starting from sum. */
uint16_t ip_checksum(const void *data, uint32_t len, uint32_t sum);
/* The pseudo-header's part of a TCP or UDP checksum. */
uint32_t ip_pseudo_sum(uint32_t saddr, uint32_t daddr, uint8_t proto,
		       uint16_t len);

/* ip_fragment.c: a fragment (data at its checked IP header) joins the
   rest of its datagram. The whole datagram when this was its last
   missing piece (data at an IP header without options, no fragment
   bits), else NULL: the fragment is kept, or dropped. */
struct sk_buff *ip_defrag(struct sk_buff *skb);

/* arp.c */
void arp_rcv(struct sk_buff *skb);
/* Send skb to next hop nh on dev: now if its MAC is known, else after
   an ARP request is answered (a few packets wait; EHOSTUNREACH after
   3 tries). Takes the skb. */
int arp_output(struct sk_buff *skb, struct net_device *dev, uint32_t nh);

/* icmp.c */
void icmp_rcv(struct sk_buff *skb);
/* An error about the packet skb (its IP header at network_header):
   destination unreachable (port: for UDP), time exceeded. */
void icmp_send(struct sk_buff *skb, uint8_t type, uint8_t code);

/* dhcp.c: the ip= option (net_init), then DHCP for the first card
   (netd, at its start) when the option asks for it (the default). */
void ip_config_setup(const char *option);
void ip_config_start(void);
/* udp_rcv: a datagram for the DHCP client? Then it takes the skb. */
bool dhcp_rcv(struct sk_buff *skb);
/* net_init.c: the boot line of an interface whose address is set:
   "net: eth0 52:54:00:12:34:56 10.0.2.15/24 via 10.0.2.2 (dhcp)". */
void net_announce(const struct net_device *dev, const char *how);

/* ICMP destination unreachable for a UDP packet we sent: iph is the
   quoted header and the UDP header follows it. */
void udp_err(const struct iphdr *iph, uint8_t type, uint8_t code);

/* udp.c, tcp_input.c: their receive functions; their sockets */
void udp_rcv(struct sk_buff *skb);
void tcp_rcv(struct sk_buff *skb);
void ping_rcv(struct sk_buff *skb);     /* an echo reply for a ping socket */
extern struct inet_proto udp_proto, tcp_proto, ping_proto;

#endif
