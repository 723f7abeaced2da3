/*
 * The network card seen from a program: booted as process 1 by
 * tests/guest_nic.py with QEMU's e1000 on its restricted user network.
 *
 *   n_nic card   the PCI list, lspci, ifconfig, the ioctls, ARP and
 *                ping of the gateway 10.0.2.2, the counters
 *   n_nic dup    under netfault=dup:100: every frame twice, so each
 *                echo request brings duplicate replies
 *   n_nic none   no card, and a netfault= the kernel refused
 *   n_nic link   the cable pulled and put back (QEMU's set_link, sent by
 *                the test when this prints "link: waiting for ...")
 *
 * The gateway is QEMU's slirp, which answers ARP and ICMP echo itself.
 */
#include "check.h"
#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <unistd.h>
#include <sprout/if.h>
#include <sprout/sockios.h>

#define GATEWAY "10.0.2.2"
#define MAC "52:54:00:12:34:56"

/* An ICMP echo header (Linux's struct icmphdr, its echo part). */
struct echo {
	unsigned char type, code;
	unsigned short checksum, id, sequence;
	char data[56];
};

/* The output of a command line (popen), at most size - 1 bytes. */
static const char *output_of(const char *line, char *buf, size_t size)
{
	FILE *p = popen(line, "r");
	size_t n = p ? fread(buf, 1, size - 1, p) : 0;

	buf[n] = '\0';
	if (p)
		pclose(p);
	return buf;
}

/* A whole small file, as a string. */
static const char *file_text(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(buf, 1, size - 1, f) : 0;

	buf[n] = '\0';
	if (f)
		fclose(f);
	return buf;
}

/* eth0's received and sent packets, from /proc/net/dev. */
static void eth0_packets(unsigned long *rx, unsigned long *tx)
{
	char buf[2048], *line;
	unsigned long v[10];

	*rx = *tx = 0;
	line = strstr(file_text("/proc/net/dev", buf, sizeof(buf)), "eth0:");
	if (line && sscanf(line + 5, "%lu %lu %lu %lu %lu %lu %lu %lu %lu %lu",
			   &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6],
			   &v[7], &v[8], &v[9]) == 10) {
		*rx = v[1];
		*tx = v[9];
	}
}

static int ifreq_ioctl(int s, unsigned long req, const char *name,
		       struct ifreq *ifr)
{
	memset(ifr, 0, sizeof(*ifr));
	strcpy(ifr->ifr_name, name);
	return ioctl(s, req, ifr);
}

/* Send echo request seq to the gateway on a ping socket. */
static int send_echo(int s, unsigned short seq)
{
	struct sockaddr_in to = { .sin_family = AF_INET };
	struct echo e = { .type = 8, .sequence = htons(seq) };

	inet_aton(GATEWAY, &to.sin_addr);
	strcpy(e.data, "sprout n_nic");
	return sendto(s, &e, sizeof(e), 0, (struct sockaddr *)&to,
		      sizeof(to)) == sizeof(e) ? 0 : -1;
}

/* How many replies with sequence seq arrive before ms of quiet. */
static int count_replies(int s, unsigned short seq, int ms)
{
	struct pollfd pfd = { .fd = s, .events = POLLIN };
	struct echo e;
	int n = 0;

	while (poll(&pfd, 1, ms) == 1)
		if (recv(s, &e, sizeof(e), 0) >= 8 && e.type == 0 &&
		    ntohs(e.sequence) == seq)
			n++;
	return n;
}

/* Ping until the gateway answers (the first request also waits for
   ARP): the number of replies to the answered request, or 0. */
static int ping_gateway(int s, unsigned short *seq)
{
	for (int tries = 0; tries < 10; tries++) {
		int n;
		if (send_echo(s, ++*seq) < 0)
			return 0;
		if ((n = count_replies(s, *seq, 1000)) > 0)
			return n;
	}
	return 0;
}

static void check_card(int s)
{
	char buf[4096], *line;
	struct ifreq ifr;
	struct ifconf ifc;
	struct ifreq list[8];
	unsigned long rx0, tx0, rx1, tx1;
	unsigned short seq = 0;
	int ps;

	line = strstr(file_text("/proc/bus/pci/devices", buf, sizeof(buf)),
		      "0018\t8086100e\t");
	expect("/proc/bus/pci/devices: 00:03.0 is 8086:100e, driver e1000",
	       line && strstr(line, "\te1000\n"), "%s", buf);
	expect("lspci names the card",
	       strstr(output_of("lspci", buf, sizeof(buf)), "00:03.0 Ethernet "
		      "controller: Intel Corporation 82540EM") != NULL, "%s", buf);
	expect("lspci -n: 8086:100e", strstr(output_of("lspci -n", buf,
		sizeof(buf)), "00:03.0 8086:100e\n") != NULL, "%s", buf);

	output_of("ifconfig", buf, sizeof(buf));
	expect("ifconfig: eth0 UP BROADCAST RUNNING, mtu 1500",
	       strstr(buf, "eth0: flags=67<UP,BROADCAST,RUNNING>  mtu 1500\n")
	       != NULL, "%s", buf);
	expect("ifconfig: eth0's MAC from the EEPROM",
	       strstr(buf, "ether " MAC "  (Ethernet)") != NULL, "%s", buf);
	expect("ifconfig: eth0's address from DHCP",
	       strstr(buf, "inet 10.0.2.15  netmask 255.255.255.0  broadcast "
		      "10.0.2.255\n") != NULL, "%s", buf);

	expect("SIOCGIFHWADDR: ARPHRD_ETHER, the MAC",
	       ifreq_ioctl(s, SIOCGIFHWADDR, "eth0", &ifr) == 0 &&
	       ifr.ifr_hwaddr.sa_family == ARPHRD_ETHER &&
	       !memcmp(ifr.ifr_hwaddr.sa_data, "\x52\x54\x00\x12\x34\x56", 6),
	       "errno %d", errno);
	expect("SIOCGIFFLAGS: IFF_UP | IFF_RUNNING",
	       ifreq_ioctl(s, SIOCGIFFLAGS, "eth0", &ifr) == 0 &&
	       (ifr.ifr_flags & (IFF_UP | IFF_RUNNING)) ==
	       (IFF_UP | IFF_RUNNING), "flags %#x", ifr.ifr_flags);
	expect("SIOCGIFINDEX: lo 1, eth0 2",
	       ifreq_ioctl(s, SIOCGIFINDEX, "eth0", &ifr) == 0 &&
	       ifr.ifr_ifindex == 2 &&
	       ifreq_ioctl(s, SIOCGIFINDEX, "lo", &ifr) == 0 &&
	       ifr.ifr_ifindex == 1, "errno %d", errno);
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_ifindex = 2;
	expect("SIOCGIFNAME: 2 is eth0",
	       ioctl(s, SIOCGIFNAME, &ifr) == 0 &&
	       !strcmp(ifr.ifr_name, "eth0"), "errno %d", errno);
	ifc.ifc_len = sizeof(list);
	ifc.ifc_req = list;
	expect("SIOCGIFCONF: lo and eth0 with their addresses",
	       ioctl(s, SIOCGIFCONF, &ifc) == 0 &&
	       ifc.ifc_len == 2 * (int)sizeof(struct ifreq) &&
	       !strcmp(list[0].ifr_name, "lo") &&
	       !strcmp(list[1].ifr_name, "eth0") &&
	       !strcmp(inet_ntoa(((struct sockaddr_in *)&list[1].ifr_addr)
				 ->sin_addr), "10.0.2.15"),
	       "errno %d, len %d", errno, ifc.ifc_len);
	expect("SIOCGIFMTU of eth1: ENODEV",
	       ifreq_ioctl(s, SIOCGIFMTU, "eth1", &ifr) < 0 && errno == ENODEV,
	       "errno %d", errno);
	expect("SIOCGIFFLAGS with a bad pointer: EFAULT",
	       ioctl(s, SIOCGIFFLAGS, (void *)16) < 0 && errno == EFAULT,
	       "errno %d", errno);

	eth0_packets(&rx0, &tx0);
	ps = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	expect("ping " GATEWAY ": an echo reply through the card",
	       ps >= 0 && ping_gateway(ps, &seq) > 0, "errno %d", errno);
	eth0_packets(&rx1, &tx1);
	expect("/proc/net/dev: eth0's packet counters moved",
	       rx1 > rx0 && tx1 > tx0, "rx %lu -> %lu, tx %lu -> %lu",
	       rx0, rx1, tx0, tx1);
	expect("/proc/net/arp: " GATEWAY " resolved to slirp's MAC",
	       (line = strstr(file_text("/proc/net/arp", buf, sizeof(buf)),
			      GATEWAY " ")) &&
	       strstr(line, "52:55:0a:00:02:02"), "%s", buf);
	close(ps);
}

static void check_dup(void)
{
	char buf[1024];
	unsigned long dups = 0;
	unsigned short seq = 0;
	int ps = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), n;

	n = ps >= 0 ? ping_gateway(ps, &seq) : 0;
	expect("dup:100: each echo reply arrives more than once", n >= 2,
	       "%d replies", n);
	file_text("/proc/net/netfault", buf, sizeof(buf));
	expect("/proc/net/netfault: the settings", !strncmp(buf,
	       "drop 0 dup 100 reorder 0 seed 9\n", 32), "%s", buf);
	expect("/proc/net/netfault: eth0's frames were duplicated",
	       sscanf(buf, "%*[^\n]\neth0 dropped 0 duplicated %lu", &dups) == 1
	       && dups > 0, "%s", buf);
	close(ps);
}

static void check_none(void)
{
	char buf[4096];

	expect("/proc/net/netfault: faults off after a refused option",
	       !strcmp(file_text("/proc/net/netfault", buf, sizeof(buf)),
		       "drop 0 dup 0 reorder 0 seed 1\n"), "%s", buf);
	file_text("/proc/net/dev", buf, sizeof(buf));
	expect("/proc/net/dev: lo, and no eth0 without a card",
	       strstr(buf, "    lo:") && !strstr(buf, "eth0"), "%s", buf);
	file_text("/proc/bus/pci/devices", buf, sizeof(buf));
	expect("/proc/bus/pci/devices: the host bridge, and no e1000",
	       !strncmp(buf, "0000\t80861237\t", 14) &&
	       !strstr(buf, "8086100e"), "%s", buf);
	expect("ifconfig eth0 without a card: an error",
	       strstr(output_of("ifconfig eth0 2>&1; echo status $?", buf,
				sizeof(buf)), "eth0: error fetching interface "
		      "information: Device not found\nstatus 1\n") != NULL,
	       "%s", buf);
}

static int running(int s)
{
	struct ifreq ifr;

	return ifreq_ioctl(s, SIOCGIFFLAGS, "eth0", &ifr) == 0 &&
	       (ifr.ifr_flags & IFF_RUNNING);
}

/* Say what the test should do to the link, then wait (30 s at most)
   until IFF_RUNNING is want. */
static int link_becomes(int s, int want, const char *what)
{
	printf("link: waiting for %s\n", what);
	fflush(stdout);
	for (int i = 0; i < 600 && running(s) != want; i++)
		sleep_ms(50);
	return running(s) == want;
}

static void check_link(int s)
{
	char buf[1024];

	expect("eth0 starts RUNNING", running(s), "flags off");
	expect("link down (STATUS.LU off) clears IFF_RUNNING",
	       link_becomes(s, 0, "down"), "still running");
	expect("ifconfig shows eth0 UP, not RUNNING",
	       strstr(output_of("ifconfig eth0", buf, sizeof(buf)),
		      "flags=3<UP,BROADCAST>") != NULL, "%s", buf);
	expect("link up again sets IFF_RUNNING", link_becomes(s, 1, "up"),
	       "not running");
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "card";

	check_init(argc, argv);
	/* Process 1 finds /proc not mounted yet (init mounts it). */
	mount("proc", "/proc", "proc", 0, NULL);
	if (!strcmp(mode, "dup"))
		check_dup();
	else if (!strcmp(mode, "none"))
		check_none();
	else if (!strcmp(mode, "link"))
		check_link(socket(AF_INET, SOCK_DGRAM, 0));
	else
		check_card(socket(AF_INET, SOCK_DGRAM, 0));
	return check_done();
}
