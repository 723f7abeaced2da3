/*
 * AF_INET sockets: what UDP, TCP and ping sockets share. socket() finds
 * the protocol (inet_protos[]) and makes its object; bind() and the
 * automatic binds of connect/sendto/listen hand out ports; arriving
 * packets find their socket with inet_lookup().
 *
 * Each protocol keeps its bound sockets on one list (proto->bound). A
 * port is taken by a socket for one local address, or for all of them
 * (INADDR_ANY): two sockets may share a port only if their addresses
 * differ and neither is INADDR_ANY, or if the protocol's may_share says
 * so (TCP with SO_REUSEADDR).
 */
#include "net/inet.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>
#include <sprout/sockios.h>

/* The protocols socket(AF_INET, type, protocol) can make. Protocol 0
   takes the first of the type: UDP before ping for SOCK_DGRAM. */
static struct inet_proto *const inet_protos[] = {
	&tcp_proto,
	&udp_proto,
	&ping_proto,
};

static struct inet_proto *inet_find_proto(int type, int protocol, int *err)
{
	bool type_known = false;

	for (size_t i = 0; i < ARRAY_SIZE(inet_protos); i++) {
		struct inet_proto *p = inet_protos[i];

		if (p->type != type)
			continue;
		type_known = true;
		if (!protocol || protocol == p->protocol)
			return p;
	}
	*err = type_known ? -EPROTONOSUPPORT : -ESOCKTNOSUPPORT;
	return NULL;
}

static struct socket *inet_create(int type, int protocol, int *err)
{
	struct inet_proto *proto = inet_find_proto(type, protocol, err);
	struct inet_sock *isk;

	if (!proto)
		return NULL;
	if (!(isk = kzalloc(proto->obj_size))) {
		*err = -ENOMEM;
		return NULL;
	}
	sock_init(&isk->sk, proto->ops, type);
	isk->sk.protocol = proto->protocol;
	isk->proto = proto;
	isk->ttl = IP_DEFAULT_TTL;
	if (proto->init)
		proto->init(isk);
	return &isk->sk;
}

const struct net_proto_family inet_family = {
	.family = AF_INET,
	.create = inet_create,
};

/* ---- addresses and ports ---- */

int inet_addr_in(const struct sockaddr *addr, int len,
		 struct sockaddr_in *sin)
{
	if (len < (int)sizeof(*sin))
		return -EINVAL;
	memcpy(sin, addr, sizeof(*sin));
	return sin->sin_family == AF_INET ? 0 : -EAFNOSUPPORT;
}

int inet_dest_in(const struct sockaddr *addr, int len,
		 struct sockaddr_in *sin)
{
	int err = inet_addr_in(addr, len, sin);

	if (!err && sin->sin_addr.s_addr == INADDR_ANY)
		sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return err;
}

/* Would isk, bound to (saddr, port), collide with a socket already
   there? */
static bool port_in_use(struct inet_sock *isk, uint32_t saddr,
			uint16_t port)
{
	for (struct inet_sock *o = isk->proto->bound; o; o = o->bind_next) {
		if (o == isk || o->sport != port)
			continue;
		if (o->saddr && saddr && o->saddr != saddr)
			continue;               /* different addresses */
		if (!isk->proto->may_share || !isk->proto->may_share(isk, o))
			return true;
	}
	return false;
}

static void inet_hash(struct inet_sock *isk, uint32_t saddr, uint16_t port)
{
	isk->saddr = saddr;
	isk->sport = port;
	isk->bind_next = isk->proto->bound;
	isk->proto->bound = isk;
}

void inet_unhash(struct inet_sock *isk)
{
	struct inet_sock **p = &isk->proto->bound;

	for (; *p; p = &(*p)->bind_next)
		if (*p == isk) {
			*p = isk->bind_next;
			return;
		}
}

/* Where the search for a free port goes on from (Linux picks at random;
   going round the range is enough to keep ports from being reused at
   once). */
static uint16_t port_rover = IP_LOCAL_PORT_MIN;

/* A free port for (saddr): network order, or 0 if all are taken. */
static uint16_t pick_port(struct inet_sock *isk, uint32_t saddr)
{
	const int range = IP_LOCAL_PORT_MAX - IP_LOCAL_PORT_MIN + 1;

	for (int i = 0; i < range; i++) {
		uint16_t port = port_rover++;

		if (port_rover > IP_LOCAL_PORT_MAX)
			port_rover = IP_LOCAL_PORT_MIN;
		if (!port_in_use(isk, saddr, htons(port)))
			return htons(port);
	}
	return 0;
}

int inet_autobind(struct inet_sock *isk)
{
	uint16_t port;

	if (isk->sport)
		return 0;
	if (!(port = pick_port(isk, isk->saddr)))
		return -EAGAIN;
	inet_hash(isk, isk->saddr, port);
	return 0;
}

int inet_bind(struct socket *sock, const struct sockaddr *addr, int len)
{
	struct inet_sock *isk = inet_sk(sock);
	struct sockaddr_in sin;
	uint32_t saddr;
	uint16_t port;
	int err;

	err = inet_addr_in(addr, len, &sin);
	/* Linux lets old programs leave the family 0 when they bind to
	   INADDR_ANY. */
	if (err == -EAFNOSUPPORT && sin.sin_family == AF_UNSPEC &&
	    !sin.sin_addr.s_addr)
		err = 0;
	if (err)
		return err;
	saddr = sin.sin_addr.s_addr;
	if (saddr && saddr != INADDR_BROADCAST && !ip_is_local(saddr))
		return -EADDRNOTAVAIL;
	if (isk->sport)
		return -EINVAL;                 /* bound already */
	/* Ports below 1024 are root's: every process is root here. */
	port = sin.sin_port;
	if (!port && !(port = pick_port(isk, saddr)))
		return -EADDRINUSE;
	if (port_in_use(isk, saddr, port))
		return -EADDRINUSE;
	inet_hash(isk, saddr, port);
	isk->bound_addr = saddr != 0;
	isk->bound_port = sin.sin_port != 0;
	return 0;
}

int inet_getname(struct socket *sock, struct sockaddr_storage *addr,
		 bool peer)
{
	struct inet_sock *isk = inet_sk(sock);
	struct sockaddr_in *sin = (struct sockaddr_in *)addr;

	if (peer && !isk->dport && sock->state != SS_CONNECTED)
		return -ENOTCONN;
	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = peer ? isk->daddr : isk->saddr;
	sin->sin_port = peer ? isk->dport : isk->sport;
	return sizeof(*sin);
}

/* How well isk fits: -1 not at all, else one point for each field that
   matches exactly rather than as a wildcard. */
static int match_score(const struct inet_sock *isk, uint32_t saddr,
		       uint16_t sport, uint32_t daddr)
{
	int score = 0;

	if (isk->saddr) {
		if (isk->saddr != daddr)
			return -1;
		score++;
	}
	if (isk->daddr) {
		if (isk->daddr != saddr)
			return -1;
		score++;
	}
	if (isk->dport) {
		if (isk->dport != sport)
			return -1;
		score++;
	}
	return score;
}

struct inet_sock *inet_lookup(struct inet_proto *proto, uint32_t saddr,
			      uint16_t sport, uint32_t daddr, uint16_t dport)
{
	struct inet_sock *best = NULL;
	int best_score = -1;

	for (struct inet_sock *isk = proto->bound; isk; isk = isk->bind_next) {
		int score;

		if (isk->sport != dport)
			continue;
		score = match_score(isk, saddr, sport, daddr);
		if (score > best_score) {
			best = isk;
			best_score = score;
		}
	}
	return best;
}

int inet_ioctl(struct socket *sock, uint32_t cmd, uint32_t arg)
{
	int err = dev_ioctl(cmd, arg);

	(void)sock;
	return err == -ENOIOCTLCMD ? -ENOTTY : err;
}

/* ---- IPPROTO_IP options ---- */

int inet_setsockopt(struct socket *sock, int level, int name,
		    const void *val, int len)
{
	int v;

	if (level != IPPROTO_IP)
		return -ENOPROTOOPT;
	if (name != IP_TTL)
		return -ENOPROTOOPT;
	if (len < (int)sizeof(int))
		return -EINVAL;
	memcpy(&v, val, sizeof(v));
	if (v == -1)
		v = IP_DEFAULT_TTL;             /* Linux: back to the default */
	if (v < 1 || v > 255)
		return -EINVAL;
	inet_sk(sock)->ttl = v;
	return 0;
}

int inet_getsockopt(struct socket *sock, int level, int name, void *val,
		    int *len)
{
	int v = inet_sk(sock)->ttl;

	if (level != IPPROTO_IP || name != IP_TTL)
		return -ENOPROTOOPT;
	*len = sizeof(v);
	memcpy(val, &v, sizeof(v));
	return 0;
}

/* ---- /proc/net/sockstat ---- */

static const char *proto_name(const struct inet_proto *p)
{
	switch (p->protocol) {
	case IPPROTO_TCP: return "TCP";
	case IPPROTO_UDP: return "UDP";
	default:          return "PING";
	}
}

/* Linux's lines "TCP: inuse N" and "UDP: inuse N" (the sockets with a
   port; ping sockets' too), and Sprout's own count of packet buffers,
   which the leak checks compare before and after a run. */
void sockstat_show(char *buf, size_t size, size_t *len)
{
	for (size_t i = 0; i < ARRAY_SIZE(inet_protos); i++) {
		int n = 0;

		for (struct inet_sock *s = inet_protos[i]->bound; s;
		     s = s->bind_next)
			n++;
		appendf(buf, size, len, "%s: inuse %d\n",
			proto_name(inet_protos[i]), n);
	}
	appendf(buf, size, len, "SKB: inuse %u\n", skb_count);
}
