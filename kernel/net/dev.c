/*
 * Network interfaces: the list of them (dev_base), and the two doors
 * between the protocols and a device. Going down, dev_queue_xmit hands a
 * finished frame to the device's xmit. Coming up, netif_rx queues a
 * received frame for netd, which runs it up the stack later
 * (netd.c): a frame never climbs the stack inside the call that
 * delivered it, so lo's xmit (which is netif_rx) cannot recurse.
 *
 * A card's frames go through the fault injector (fault.c) both ways;
 * lo's never do, so the tests over 127.0.0.1 stay exact.
 */
#include "net/netdev.h"
#include "lib/lib.h"
#include <sprout/errno.h>

struct net_device *dev_base;
struct sk_buff_head netif_rx_queue;     /* for netd: netd.c */

void register_netdev(struct net_device *dev)
{
	struct net_device **p = &dev_base;
	int ifindex = 1;

	for (; *p; p = &(*p)->next)
		ifindex = (*p)->ifindex + 1;
	dev->ifindex = ifindex;
	dev->next = NULL;
	*p = dev;
}

struct net_device *dev_get_by_name(const char *name)
{
	struct net_device *dev;

	for_each_netdev(dev)
		if (!strcmp(dev->name, name))
			return dev;
	return NULL;
}

struct net_device *dev_get_by_index(int ifindex)
{
	struct net_device *dev;

	for_each_netdev(dev)
		if (dev->ifindex == ifindex)
			return dev;
	return NULL;
}

static bool faulty(const struct net_device *dev)
{
	return !(dev->flags & IFF_LOOPBACK);
}

static void xmit_one(struct sk_buff *skb)
{
	skb->dev->xmit(skb->dev, skb);
}

int dev_queue_xmit(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;

	if (!(dev->flags & IFF_UP)) {
		dev->stats.tx_dropped++;
		kfree_skb(skb);
		return -ENETDOWN;
	}
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += skb->len;
	if (faulty(dev))
		net_fault(skb, false, xmit_one);
	else
		xmit_one(skb);
	return 0;
}

static void rx_queue(struct sk_buff *skb)
{
	skb_queue_tail(&netif_rx_queue, skb);
	netd_wake();
}

void netif_rx(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;

	dev->stats.rx_packets++;
	dev->stats.rx_bytes += skb->len;
	if (faulty(dev))
		net_fault(skb, true, rx_queue);
	else
		rx_queue(skb);
}

void netif_schedule(struct net_device *dev)
{
	dev->poll_pending = true;
	netd_wake();
}
