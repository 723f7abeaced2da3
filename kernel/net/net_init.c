/*
 * Bringing the network up at boot (init/main.c calls net_init, then
 * starts netd): the fault injector's option, the interfaces (lo first,
 * so it is ifindex 1; then the card), and the ip= option. Each interface
 * is announced with one line once it has an address - a card with DHCP
 * only when netd's exchange ends (dhcp.c).
 */
#include "net/inet.h"
#include "lib/lib.h"

void net_announce(const struct net_device *dev, const char *how)
{
	const uint8_t *m = dev->hwaddr;
	char addr[16], gw[16];

	printk("net: %s", dev->name);
	if (!(dev->flags & IFF_LOOPBACK))
		printk(" %02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2],
		       m[3], m[4], m[5]);
	if (dev->addr)
		printk(" %s/%d", in_ntoa(dev->addr, addr),
		       __builtin_popcount(dev->netmask));
	if (dev->gateway)
		printk(" via %s", in_ntoa(dev->gateway, gw));
	printk(how ? " (%s)\n" : "\n", how);
}

/* A kernel option's value is its first word (cmdline_get gives the rest
   of the line): copied into buf. NULL, for an option not given, stays
   NULL. */
static const char *option_word(const char *opt, char *buf, size_t size)
{
	size_t n = 0;

	if (!opt)
		return NULL;
	while (opt[n] && opt[n] != ' ' && n < size - 1)
		n++;
	memcpy(buf, opt, n);
	buf[n] = '\0';
	return buf;
}

void net_init(const char *netfault, const char *ip)
{
	char fault_word[64], ip_word[40];

	netfault = option_word(netfault, fault_word, sizeof(fault_word));
	if (net_fault_setup(netfault))
		printk("net: netfault=%s: not understood, ignored\n", netfault);
	loopback_init();
	net_announce(dev_get_by_name("lo"), NULL);
	e1000_init();
	ip_config_setup(option_word(ip, ip_word, sizeof(ip_word)));
}
