/*
 * Address set-up at boot: the ip= kernel option, and a DHCP client (RFC
 * 2131) that netd runs when the card comes up. DHCP is four broadcasts
 * over UDP, from port 68 (us, still without an address: 0.0.0.0) to
 * port 67 (the server; in QEMU, the emulator's own, at 10.0.2.2):
 *
 *   client                                  server
 *     DISCOVER  "anyone? my MAC is ..."  --->
 *               <---  OFFER    "take 10.0.2.15, mask, router ..."
 *     REQUEST   "I take 10.0.2.15 from you" --->
 *               <---  ACK      "it is yours for 24 hours"
 *
 * Each message is a BOOTP packet (the older protocol DHCP grew from):
 * fixed fields, a magic cookie, then options as type, length, value.
 * The exchange runs from netd: dhcp_rcv is handed the replies by
 * udp_rcv, a net_timer sends again every half second and gives up after
 * DHCP_GIVE_UP, falling back to QEMU's usual static set-up. Leases are
 * not renewed: Sprout's runs are shorter than QEMU's 24 hours.
 */
#include "net/inet.h"
#include "sched/sched.h"
#include "lib/lib.h"

#define DHCP_SERVER_PORT 67
#define DHCP_CLIENT_PORT 68
#define DHCP_RETRY    (HZ / 2)
#define DHCP_GIVE_UP  (2 * HZ)

/* The fallback, QEMU's user network: 10.0.2.15/24 via 10.0.2.2. */
#define STATIC_ADDR    0x0a00020f
#define STATIC_PREFIX  24
#define STATIC_GATEWAY 0x0a000202

#define BOOTREQUEST 1
#define BOOTREPLY   2
#define DHCP_MAGIC  0x63825363
#define BOOTP_BROADCAST 0x8000          /* flags: answer by broadcast */

/* Options */
#define OPT_PAD        0
#define OPT_NETMASK    1
#define OPT_ROUTER     3
#define OPT_REQ_IP     50
#define OPT_MSG_TYPE   53
#define OPT_SERVER_ID  54
#define OPT_PARAM_REQ  55
#define OPT_END        255
/* OPT_MSG_TYPE's values */
#define DHCPDISCOVER 1
#define DHCPOFFER    2
#define DHCPREQUEST  3
#define DHCPACK      5
#define DHCPNAK      6

struct bootp {
	uint8_t op, htype, hlen, hops;
	uint32_t xid;                   /* pairs replies with requests */
	uint16_t secs, flags;
	uint32_t ciaddr, yiaddr;        /* client's; "your" (the offer) */
	uint32_t siaddr, giaddr;
	uint8_t chaddr[16];             /* our MAC */
	char sname[64], file[128];
	uint32_t magic;
	uint8_t options[64];
} __attribute__((packed));

enum ip_mode { IP_DHCP, IP_STATIC, IP_OFF };

static struct {
	enum ip_mode mode;
	uint32_t addr, netmask, gateway;        /* IP_STATIC's */
	bool pending;                   /* DHCP has not finished yet */
	struct wait_queue wait;         /* net_wait_config sleeps here */
} ip_config;

static struct {
	struct net_device *dev;         /* NULL: not running */
	bool requesting;                /* sent REQUEST (else DISCOVER) */
	uint32_t xid, offered, server;
	uint32_t give_up;               /* jiffies */
	struct net_timer timer;
} dhcp;

/* ---- ip= ---- */

/* "10.0.2.15" at *s into *addr (network order); *s moves past it. */
static bool parse_addr(const char **s, uint32_t *addr)
{
	uint8_t *b = (uint8_t *)addr;

	for (int i = 0; i < 4; i++) {
		unsigned int v = 0;
		const char *start = *s;

		while (**s >= '0' && **s <= '9' && v <= 255)
			v = v * 10 + *(*s)++ - '0';
		if (*s == start || v > 255 || (i < 3 && *(*s)++ != '.'))
			return false;
		b[i] = v;
	}
	return true;
}

static uint32_t prefix_mask(unsigned int prefix)
{
	return htonl(prefix ? ~0u << (32 - prefix) : 0);
}

/* "dhcp", "off", or "ADDR/PREFIX[:GATEWAY]". */
static bool parse_ip_option(const char *s)
{
	unsigned int prefix = 0;

	if (!strcmp(s, "dhcp") || !strcmp(s, "off")) {
		ip_config.mode = *s == 'd' ? IP_DHCP : IP_OFF;
		return true;
	}
	ip_config.gateway = 0;
	if (!parse_addr(&s, &ip_config.addr) || *s++ != '/' ||
	    *s < '0' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9' && prefix <= 32)
		prefix = prefix * 10 + *s++ - '0';
	if (*s == ':') {
		s++;
		if (!parse_addr(&s, &ip_config.gateway))
			return false;
	}
	if (prefix > 32 || *s)
		return false;
	ip_config.netmask = prefix_mask(prefix);
	ip_config.mode = IP_STATIC;
	return true;
}

static void configure(struct net_device *dev, uint32_t addr,
		      uint32_t netmask, uint32_t gateway, const char *how)
{
	dev->addr = addr;
	dev->netmask = netmask;
	dev->gateway = gateway;
	net_announce(dev, how);
	ip_config.pending = false;
	wake_up(&ip_config.wait);
}

void net_wait_config(void)
{
	wait_event(ip_config.wait, !ip_config.pending);
}

/* The first card (eth0), if there is one. */
static struct net_device *first_card(void)
{
	struct net_device *dev;

	for_each_netdev(dev)
		if (!(dev->flags & IFF_LOOPBACK))
			return dev;
	return NULL;
}

void ip_config_setup(const char *option)
{
	struct net_device *dev = first_card();

	ip_config.mode = IP_DHCP;
	if (option && !parse_ip_option(option))
		printk("net: ip=%s: not understood, using DHCP\n", option);
	if (!dev)
		return;
	ip_config.pending = ip_config.mode == IP_DHCP;
	if (ip_config.mode == IP_STATIC)
		configure(dev, ip_config.addr, ip_config.netmask,
			  ip_config.gateway, "static");
	else if (ip_config.mode == IP_OFF)
		net_announce(dev, "no address: ip=off");
}

/* ---- the DHCP client ---- */

static uint8_t *put_option(uint8_t *p, uint8_t type, uint8_t len,
			   const void *val)
{
	*p++ = type;
	*p++ = len;
	memcpy(p, val, len);
	return p + len;
}

static void dhcp_send(void)
{
	struct sk_buff *skb = alloc_skb(MAX_HEADER + sizeof(struct udphdr) +
					sizeof(struct bootp));
	struct net_device *dev = dhcp.dev;
	static const uint8_t params[] = { OPT_NETMASK, OPT_ROUTER };
	uint8_t type = dhcp.requesting ? DHCPREQUEST : DHCPDISCOVER;
	struct udphdr *uh;
	struct bootp *b;
	uint8_t *p;

	if (!skb)
		return;
	skb_reserve(skb, MAX_HEADER + sizeof(*uh));
	b = (struct bootp *)skb_put(skb, sizeof(*b));
	memset(b, 0, sizeof(*b));
	b->op = BOOTREQUEST;
	b->htype = 1;                   /* Ethernet */
	b->hlen = ETH_ALEN;
	b->xid = dhcp.xid;
	b->flags = htons(BOOTP_BROADCAST);
	memcpy(b->chaddr, dev->hwaddr, ETH_ALEN);
	b->magic = htonl(DHCP_MAGIC);
	p = put_option(b->options, OPT_MSG_TYPE, 1, &type);
	p = put_option(p, OPT_PARAM_REQ, sizeof(params), params);
	if (dhcp.requesting) {
		p = put_option(p, OPT_REQ_IP, 4, &dhcp.offered);
		p = put_option(p, OPT_SERVER_ID, 4, &dhcp.server);
	}
	*p = OPT_END;
	uh = (struct udphdr *)skb_push(skb, sizeof(*uh));
	uh->source = htons(DHCP_CLIENT_PORT);
	uh->dest = htons(DHCP_SERVER_PORT);
	uh->len = htons(skb->len);
	uh->check = 0;
	uh->check = ip_checksum(uh, skb->len, ip_pseudo_sum(0,
				INADDR_BROADCAST, IPPROTO_UDP, skb->len));
	ip_output(skb, 0, INADDR_BROADCAST, IPPROTO_UDP, IP_DEFAULT_TTL);
}

static void dhcp_stop(void)
{
	net_timer_del(&dhcp.timer);
	dhcp.dev = NULL;
}

/* Every DHCP_RETRY: send again; at DHCP_GIVE_UP, the static fallback. */
static void dhcp_tick(struct net_timer *t)
{
	if ((int32_t)(jiffies - dhcp.give_up) >= 0) {
		struct net_device *dev = dhcp.dev;

		dhcp_stop();
		configure(dev, htonl(STATIC_ADDR), prefix_mask(STATIC_PREFIX),
			  htonl(STATIC_GATEWAY), "static: no DHCP answer");
		return;
	}
	dhcp_send();
	net_timer_mod(t, jiffies + DHCP_RETRY);
}

void ip_config_start(void)
{
	struct net_device *dev = first_card();

	if (!dev || ip_config.mode != IP_DHCP)
		return;
	dhcp.dev = dev;
	dhcp.requesting = false;
	/* Different for each card and boot, so replies meant for another
	   client are not taken for ours. */
	dhcp.xid = jiffies ^ (dev->hwaddr[4] << 24 | dev->hwaddr[5] << 16);
	dhcp.give_up = jiffies + DHCP_GIVE_UP;
	net_timer_setup(&dhcp.timer, dhcp_tick);
	dhcp_tick(&dhcp.timer);
}

/* The value of option `type` (at least len bytes), or NULL. */
static const uint8_t *find_option(const uint8_t *p, const uint8_t *end,
				  uint8_t type, uint8_t len)
{
	while (p < end && *p != OPT_END) {
		if (*p == OPT_PAD) {
			p++;
			continue;
		}
		if (p + 2 > end || p + 2 + p[1] > end)
			return NULL;
		if (*p == type)
			return p[1] >= len ? p + 2 : NULL;
		p += 2 + p[1];
	}
	return NULL;
}

/* The reply's options, read: false if it is not a reply to us. */
static bool dhcp_reply(struct sk_buff *skb, uint8_t *type, uint32_t *mask,
		       uint32_t *router, uint32_t *server)
{
	const struct bootp *b = (const struct bootp *)skb->data;
	const uint8_t *opts = b->options, *end = skb->data + skb->len, *v;
	const uint32_t bootp_fixed = sizeof(*b) - sizeof(b->options);

	if (skb->len < bootp_fixed || b->op != BOOTREPLY ||
	    b->xid != dhcp.xid || b->magic != htonl(DHCP_MAGIC) ||
	    !(v = find_option(opts, end, OPT_MSG_TYPE, 1)))
		return false;
	*type = *v;
	*mask = (v = find_option(opts, end, OPT_NETMASK, 4)) ?
		*(const uint32_t *)v : prefix_mask(STATIC_PREFIX);
	*router = (v = find_option(opts, end, OPT_ROUTER, 4)) ?
		  *(const uint32_t *)v : 0;
	*server = (v = find_option(opts, end, OPT_SERVER_ID, 4)) ?
		  *(const uint32_t *)v : 0;
	return true;
}

bool dhcp_rcv(struct sk_buff *skb)
{
	const struct udphdr *uh = (const struct udphdr *)skb->data;
	uint32_t mask, router, server, yiaddr;
	uint8_t type;

	if (!dhcp.dev || skb->dev != dhcp.dev ||
	    uh->dest != htons(DHCP_CLIENT_PORT))
		return false;
	skb_pull(skb, sizeof(*uh));
	if (!dhcp_reply(skb, &type, &mask, &router, &server))
		goto out;
	yiaddr = ((const struct bootp *)skb->data)->yiaddr;
	if (type == DHCPOFFER && !dhcp.requesting) {
		dhcp.requesting = true;
		dhcp.offered = yiaddr;
		dhcp.server = server;
		dhcp_send();
	} else if (type == DHCPACK && dhcp.requesting) {
		struct net_device *dev = dhcp.dev;

		dhcp_stop();
		/* QEMU's restricted network names no router: the server
		   (10.0.2.2, QEMU itself) is the way out there. */
		configure(dev, yiaddr, mask, router ? router : server, "dhcp");
	} else if (type == DHCPNAK) {
		dhcp.requesting = false;        /* start again: DISCOVER */
	}
out:
	kfree_skb(skb);
	return true;
}
