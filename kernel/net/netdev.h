/*
 * Network interfaces ("net devices"), net/'s own header: the e1000 card
 * (e1000.c) and the loopback interface (loopback.c) look the same to the
 * protocols above them.
 *
 *   socket write --> tcp/udp --> ip_output --> arp --> dev_queue_xmit
 *                                                           |
 *                                               dev->xmit (the card's ring,
 *                                               or lo: straight to netif_rx)
 *
 *   card interrupt --> netif_schedule(dev) --> wakes netd --> dev->poll
 *        --> netif_rx(skb) --> (netd) eth_rcv --> ip_rcv / arp_rcv --> ...
 *
 * The bottom half: an interrupt handler may not allocate memory or touch
 * a socket (it may arrive in the middle of either), so it only notes
 * that its device has work and wakes netd, the network's kernel thread
 * (netd.c). netd, in process context, takes the received frames off the
 * card, runs every received frame up the stack and runs the protocols'
 * timers. System calls and netd are never preempted, so nothing in net/
 * needs a lock.
 */
#ifndef _NET_NETDEV_H
#define _NET_NETDEV_H

#include "net/skb.h"
#include <sprout/if.h>

/* Byte order: the wire is big-endian ("network order"), the i386
   little-endian. */
static inline uint16_t htons(uint16_t x) { return __builtin_bswap16(x); }
static inline uint16_t ntohs(uint16_t x) { return __builtin_bswap16(x); }
static inline uint32_t htonl(uint32_t x) { return __builtin_bswap32(x); }
static inline uint32_t ntohl(uint32_t x) { return __builtin_bswap32(x); }

#define ETH_ALEN 6
#define ETH_HLEN 14
#define ETH_P_IP  0x0800
#define ETH_P_ARP 0x0806

/* The counters ifconfig and /proc/net/dev show (Linux's names). */
struct net_device_stats {
	uint32_t rx_packets, tx_packets;
	uint32_t rx_bytes, tx_bytes;
	uint32_t rx_errors, tx_errors;
	uint32_t rx_dropped, tx_dropped;
	/* What the fault injector did (fault.c, the netfault= option). */
	uint32_t fault_dropped, fault_duplicated, fault_reordered;
};

struct net_device {
	char name[IFNAMSIZ];            /* "eth0", "lo" */
	int ifindex;                    /* 1 for lo, 2 for eth0, ... */
	unsigned short flags;           /* IFF_UP, IFF_RUNNING, IFF_LOOPBACK */
	uint8_t hwaddr[ETH_ALEN];       /* the MAC; zeros for lo */
	uint32_t mtu;                   /* the largest IP packet: 1500 */
	unsigned features;              /* NETIF_F_*, below */
	/* Its IPv4 set-up (network order; 0: none yet). */
	uint32_t addr, netmask, gateway;
	struct net_device_stats stats;
	/* Send one Ethernet frame (skb->data, skb->len). It owns the skb
	   from here: frees it, sent or not. 0 or -errno. */
	int (*xmit)(struct net_device *dev, struct sk_buff *skb);
	/* netd: hand what the card received to netif_rx (NULL for lo). */
	void (*poll)(struct net_device *dev);
	/* The card's link state into IFF_RUNNING (NULL: always running). */
	void (*check_link)(struct net_device *dev);
	bool poll_pending;              /* set by netif_schedule */
	void *priv;                     /* the driver's own state */
	struct net_device *next;        /* in dev_base */
};

/* features: the device does the transport checksum of a CHECKSUM_PARTIAL
   packet itself, or (lo) knows that none is needed (Linux's name). */
#define NETIF_F_HW_CSUM 0x1

/* dev.c: the list of interfaces, sending and receiving */
extern struct net_device *dev_base;     /* lo first, then the cards */
#define for_each_netdev(d) for ((d) = dev_base; (d); (d) = (d)->next)
void register_netdev(struct net_device *dev);   /* gives it an ifindex */
struct net_device *dev_get_by_name(const char *name);
struct net_device *dev_get_by_index(int ifindex);
/* Send a frame: counts it, passes it through the fault injector, then
   dev->xmit. Takes the skb in every case. */
int dev_queue_xmit(struct sk_buff *skb);
/* A received frame, skb->dev set, data at its Ethernet header: counted,
   through the fault injector, queued for netd. Takes the skb. */
void netif_rx(struct sk_buff *skb);
/* From an interrupt handler: dev has work for its poll; wake netd. */
void netif_schedule(struct net_device *dev);
/* What netif_rx queued, for netd to carry up the stack. */
extern struct sk_buff_head netif_rx_queue;
/* dev_ioctl.c: SIOCGIF* / SIOCSIF* and SIOCGIFCONF, for any socket's
   ioctl: -ENOIOCTLCMD if cmd is none of them. */
int dev_ioctl(uint32_t cmd, uint32_t arg);
#define ENOIOCTLCMD 515         /* kernel-internal (Linux's): not mine */

/* fault.c: the netfault= kernel option ("drop:10,dup:2,reorder:5,seed:7",
   percentages of frames, deterministic from the seed), applied to the
   card's frames both ways (never to lo's). dev_queue_xmit and netif_rx
   hand each card frame to net_fault, which calls pass() for what goes
   on: nothing (dropped), the frame twice (duplicated), or the frame and
   then one it held back (reordered); without the option, just the frame. */
int net_fault_setup(const char *spec);          /* 0 or -EINVAL */
void net_fault(struct sk_buff *skb, bool rx, void (*pass)(struct sk_buff *));

/* netd.c: the bottom half and protocol timers. A net_timer's function
   runs in netd (process context), unlike a timer_list's, so it may
   allocate and send: TCP's retransmission timer is one. */
struct net_timer {
	uint32_t expires;               /* jiffies */
	void (*function)(struct net_timer *t);
	bool pending;
	struct net_timer *next;
};
void net_timer_setup(struct net_timer *t, void (*fn)(struct net_timer *));
void net_timer_mod(struct net_timer *t, uint32_t expires);
void net_timer_del(struct net_timer *t);
/* Make netd look for work (safe in an interrupt handler). */
void netd_wake(void);

/* loopback.c, e1000.c */
void loopback_init(void);
void e1000_init(void);                  /* finds the card on the PCI bus */

/* ether.c: the link layer */
void eth_rcv(struct sk_buff *skb);      /* netd: one frame up the stack */
/* Put an Ethernet header in front (dst NULL: broadcast) and send. */
int eth_output(struct sk_buff *skb, const uint8_t *dst, uint16_t proto);

#endif
