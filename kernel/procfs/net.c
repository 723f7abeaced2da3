/*
 * /proc/net: the network's tables, in Linux's formats, made by net/ at
 * each read (net/net.h's *_show functions):
 *
 *   dev       each interface's packet, byte, error and drop counters
 *   arp       the ARP cache
 *   udp       the UDP sockets
 *   tcp       the TCP connections and listeners: addresses, state,
 *             queues, timer
 *   sockstat  sockets per protocol, and the packet buffers in use
 *   netfault  the netfault= option and what it did (Sprout's own)
 *   snmp      IP's counters: packets in and out, errors, fragments
 *
 * One line per file in net_table below; the protocols add theirs (arp,
 * udp, tcp) there.
 */
#include "procfs/internal.h"
#include "net/net.h"

PROC_BUF_SHOW(proc_net_dev, dev_show)
PROC_BUF_SHOW(proc_net_arp, arp_show)
PROC_BUF_SHOW(proc_net_udp, udp_show)
PROC_BUF_SHOW(proc_net_tcp, tcp_show)
PROC_BUF_SHOW(proc_net_sockstat, sockstat_show)
PROC_BUF_SHOW(proc_net_netfault, fault_show)
PROC_BUF_SHOW(proc_net_snmp, snmp_show)

static const struct proc_entry net_table[] = {
	PROC_BUF_TEXT("dev", 33, proc_net_dev),
	PROC_BUF_TEXT("arp", 34, proc_net_arp),
	PROC_BUF_TEXT("udp", 35, proc_net_udp),
	PROC_BUF_TEXT("tcp", 36, proc_net_tcp),
	PROC_BUF_TEXT("sockstat", 37, proc_net_sockstat),
	PROC_BUF_TEXT("netfault", 38, proc_net_netfault),
	PROC_BUF_TEXT("snmp", 39, proc_net_snmp),
};

const struct proc_dir proc_net_dir = {
	PROC_NET_INDEX, net_table, ARRAY_SIZE(net_table), NULL,
};
