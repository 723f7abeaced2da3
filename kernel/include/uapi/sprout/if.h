/*
 * Network interfaces as ioctl() shows them (SIOCGIFADDR & co., see
 * <sprout/sockios.h>): Linux i386's struct ifreq and struct ifconf, and
 * the IFF_* flags (<net/if.h> includes this file).
 */
#ifndef _SPROUT_IF_H
#define _SPROUT_IF_H

#include <sprout/socket.h>

#define IFNAMSIZ 16

/* ifr_flags */
#define IFF_UP          0x1     /* the administrator turned it on */
#define IFF_BROADCAST   0x2
#define IFF_DEBUG       0x4
#define IFF_LOOPBACK    0x8
#define IFF_POINTOPOINT 0x10
#define IFF_NOTRAILERS  0x20
#define IFF_RUNNING     0x40    /* the link is up (a cable, for a card) */
#define IFF_NOARP       0x80
#define IFF_PROMISC     0x100
#define IFF_MULTICAST   0x1000

/* One interface's name and one of its settings, in and out of ioctl. */
struct ifreq {
	char ifr_name[IFNAMSIZ];        /* "eth0", "lo" */
	union {
		struct sockaddr ifru_addr;
		struct sockaddr ifru_netmask;
		struct sockaddr ifru_broadaddr;
		struct sockaddr ifru_hwaddr;    /* sa_family ARPHRD_* */
		short ifru_flags;
		int ifru_ivalue;
		int ifru_mtu;
		char ifru_pad[16];
	} ifr_ifru;
};

#define ifr_addr      ifr_ifru.ifru_addr
#define ifr_netmask   ifr_ifru.ifru_netmask
#define ifr_broadaddr ifr_ifru.ifru_broadaddr
#define ifr_hwaddr    ifr_ifru.ifru_hwaddr
#define ifr_flags     ifr_ifru.ifru_flags
#define ifr_ifindex   ifr_ifru.ifru_ivalue
#define ifr_mtu       ifr_ifru.ifru_mtu

/* SIOCGIFCONF: the user's array, filled with one ifreq per interface. */
struct ifconf {
	int ifc_len;                    /* in: bytes of room; out: used */
	union {
		char *ifcu_buf;
		struct ifreq *ifcu_req;
	} ifc_ifcu;
};

#define ifc_buf ifc_ifcu.ifcu_buf
#define ifc_req ifc_ifcu.ifcu_req

/* ifr_hwaddr.sa_family */
#define ARPHRD_ETHER    1
#define ARPHRD_LOOPBACK 772

#endif
