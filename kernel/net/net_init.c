/*
 * Bringing the network up at boot (init/main.c calls net_init, then
 * starts netd): the fault injector's option, then the interfaces, each
 * announced with one line.
 */
#include "net/inet.h"
#include "lib/lib.h"

/* "net: lo 127.0.0.1/8" */
static void net_announce(const struct net_device *dev)
{
	char addr[16];

	printk("net: %s %s/%d\n", dev->name, in_ntoa(dev->addr, addr),
	       __builtin_popcount(dev->netmask));
}

void net_init(const char *netfault, const char *ip)
{
	(void)ip;
	if (net_fault_setup(netfault))
		printk("net: netfault=%s: not understood, ignored\n", netfault);
	loopback_init();
	net_announce(dev_get_by_name("lo"));
}
