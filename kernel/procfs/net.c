/*
 * /proc/net: the network's tables, in Linux's formats, made by net/ at
 * each read (net/net.h's *_show functions):
 *
 *   dev   each interface's packet, byte, error and drop counters
 *
 * One line per file in net_table below; the protocols add theirs (arp,
 * udp, tcp) there.
 */
#include "procfs/internal.h"
#include "net/net.h"

PROC_BUF_SHOW(proc_net_dev, dev_show)

static const struct proc_entry net_table[] = {
	PROC_BUF_TEXT("dev", 33, proc_net_dev),
};

const struct proc_dir proc_net_dir = {
	PROC_NET_INDEX, net_table, ARRAY_SIZE(net_table), NULL,
};
