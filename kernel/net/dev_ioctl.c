/*
 * Interfaces seen from user space: the SIOC*IF* ioctls that ifconfig
 * uses (any socket will do, as on Linux), and /proc/net/dev.
 *
 *   struct ifreq { "eth0" | one setting: an address, flags, mtu ... }
 *
 * Each request names an interface in ifr_name and gets or sets one of
 * its settings; SIOCGIFCONF lists the interfaces that have an address.
 * Sprout has one user, root, so the setting requests are everyone's.
 */
#include "net/inet.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>
#include <sprout/sockios.h>

static void put_inaddr(struct sockaddr *sa, uint32_t addr)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)sa;

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = addr;
}

static int get_inaddr(const struct sockaddr *sa, uint32_t *addr)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)sa;

	if (sin->sin_family != AF_INET)
		return -EINVAL;
	*addr = sin->sin_addr.s_addr;
	return 0;
}

/* SIOCGIFCONF: one ifreq (name, address) per interface with an IPv4
   address, as many as fit; with no buffer, only the room they need. */
static int dev_ifconf(uint32_t arg)
{
	struct ifconf ifc;
	struct ifreq ifr;
	struct net_device *dev;
	int used = 0;

	if (copy_from_user(&ifc, (void *)arg, sizeof(ifc)))
		return -EFAULT;
	for_each_netdev(dev) {
		if (!dev->addr)
			continue;
		if (ifc.ifc_buf) {
			if (used + (int)sizeof(ifr) > ifc.ifc_len)
				break;
			memset(&ifr, 0, sizeof(ifr));
			strlcpy(ifr.ifr_name, dev->name, IFNAMSIZ);
			put_inaddr(&ifr.ifr_addr, dev->addr);
			if (copy_to_user(ifc.ifc_buf + used, &ifr, sizeof(ifr)))
				return -EFAULT;
		}
		used += sizeof(ifr);
	}
	ifc.ifc_len = used;
	return copy_to_user((void *)arg, &ifc, sizeof(ifc)) ? -EFAULT : 0;
}

/* The requests that read a setting into ifr. */
static int get_setting(struct net_device *dev, uint32_t cmd,
		       struct ifreq *ifr)
{
	switch (cmd) {
	case SIOCGIFNAME:
		strlcpy(ifr->ifr_name, dev->name, IFNAMSIZ);
		return 0;
	case SIOCGIFFLAGS:
		if (dev->check_link)
			dev->check_link(dev);
		ifr->ifr_flags = dev->flags;
		return 0;
	case SIOCGIFADDR:
	case SIOCGIFNETMASK:
	case SIOCGIFBRDADDR:
		if (!dev->addr)
			return -EADDRNOTAVAIL;
		put_inaddr(&ifr->ifr_addr, cmd == SIOCGIFADDR ? dev->addr :
			   cmd == SIOCGIFNETMASK ? dev->netmask :
			   dev->addr | ~dev->netmask);
		return 0;
	case SIOCGIFHWADDR:
		memset(&ifr->ifr_hwaddr, 0, sizeof(ifr->ifr_hwaddr));
		ifr->ifr_hwaddr.sa_family = (dev->flags & IFF_LOOPBACK) ?
					    ARPHRD_LOOPBACK : ARPHRD_ETHER;
		memcpy(ifr->ifr_hwaddr.sa_data, dev->hwaddr, ETH_ALEN);
		return 0;
	case SIOCGIFMTU:
		ifr->ifr_mtu = dev->mtu;
		return 0;
	case SIOCGIFINDEX:
		ifr->ifr_ifindex = dev->ifindex;
		return 0;
	}
	return -ENOIOCTLCMD;
}

/* A netmask is ones then zeros (255.255.255.0): its host part, plus
   one, is a power of two. Linux refuses any other (EINVAL). */
static int set_netmask(struct net_device *dev, const struct sockaddr *sa)
{
	uint32_t mask, host;
	int err;

	if ((err = get_inaddr(sa, &mask)))
		return err;
	host = ~ntohl(mask);
	if (host & (host + 1))
		return -EINVAL;
	dev->netmask = mask;
	return 0;
}

/* The requests that change a setting (ifconfig eth0 10.0.2.15 up). */
static int set_setting(struct net_device *dev, uint32_t cmd,
		       const struct ifreq *ifr)
{
	switch (cmd) {
	case SIOCSIFFLAGS:              /* only IFF_UP is the user's */
		dev->flags = (dev->flags & ~IFF_UP) | (ifr->ifr_flags & IFF_UP);
		return 0;
	case SIOCSIFADDR:
		return get_inaddr(&ifr->ifr_addr, &dev->addr);
	case SIOCSIFNETMASK:
		return set_netmask(dev, &ifr->ifr_netmask);
	}
	return -ENOIOCTLCMD;
}

/* Linux numbers the interface requests 0x89xx (<sprout/sockios.h>). */
#define SIOC_IF_REQUEST(cmd) (((cmd) & 0xFF00) == 0x8900)

int dev_ioctl(uint32_t cmd, uint32_t arg)
{
	struct ifreq ifr;
	struct net_device *dev;
	int err;

	if (cmd == SIOCGIFCONF)
		return dev_ifconf(arg);
	if (!SIOC_IF_REQUEST(cmd))
		return -ENOIOCTLCMD;
	if (copy_from_user(&ifr, (void *)arg, sizeof(ifr)))
		return -EFAULT;
	ifr.ifr_name[IFNAMSIZ - 1] = '\0';
	dev = cmd == SIOCGIFNAME ? dev_get_by_index(ifr.ifr_ifindex)
				 : dev_get_by_name(ifr.ifr_name);
	if (!dev)
		return -ENODEV;
	if ((err = set_setting(dev, cmd, &ifr)) != -ENOIOCTLCMD)
		return err;
	if ((err = get_setting(dev, cmd, &ifr)))
		return err;
	return copy_to_user((void *)arg, &ifr, sizeof(ifr)) ? -EFAULT : 0;
}

/* /proc/net/dev, as Linux prints it: receive and transmit counters per
   interface; the columns Sprout does not count (fifo, frame, ...) are 0. */
void dev_show(char *buf, size_t size, size_t *len)
{
	struct net_device *dev;

	appendf(buf, size, len, "Inter-|   Receive                            "
		"                    |  Transmit\n"
		" face |bytes    packets errs drop fifo frame compressed "
		"multicast|bytes    packets errs drop fifo colls carrier "
		"compressed\n");
	for_each_netdev(dev) {
		struct net_device_stats *s = &dev->stats;

		appendf(buf, size, len, "%6s:%8u %7u %4u %4u %4u %5u %10u %9u "
			"%8u %7u %4u %4u %4u %5u %7u %10u\n", dev->name,
			s->rx_bytes, s->rx_packets, s->rx_errors,
			s->rx_dropped, 0, 0, 0, 0, s->tx_bytes, s->tx_packets,
			s->tx_errors, s->tx_dropped, 0, 0, 0, 0);
	}
}
