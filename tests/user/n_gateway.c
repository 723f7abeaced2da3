/*
 * With a card (tests/guest_ip.py boots QEMU's e1000 on its restricted
 * user network): the address DHCP gave, ARP and ping of the gateway
 * 10.0.2.2 (QEMU answers it itself; nothing leaves the emulator), the
 * ARP cache in /proc/net/arp, and a ping of our own card address, which
 * the route sends over lo; a neighbour that never answers ARP
 * (EHOSTUNREACH). Last, IP fragments: the host sends datagrams
 * to our UDP port 7 through QEMU's forward, which QEMU cuts into 1500-byte
 * fragments: 3000 bytes are put back together; 6000 bytes do not fit
 * one buffer and are dropped; the small datagram after them arrives.
 */
#define _GNU_SOURCE
#include "check.h"
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/mount.h>
#include <sys/socket.h>

#define GATEWAY 0x0a000202              /* 10.0.2.2 */
#define GUEST   0x0a00020f              /* 10.0.2.15 */

struct echo {
	uint8_t type, code;
	uint16_t checksum, id, sequence;
	char data[56];
};

static void our_address(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a = inet_sockaddr(GATEWAY, 7);
	socklen_t len = sizeof(a);

	connect(s, (struct sockaddr *)&a, sizeof(a));
	getsockname(s, (struct sockaddr *)&a, &len);
	expect("a socket connected to the gateway has DHCP's address 10.0.2.15",
	       a.sin_addr.s_addr == htonl(GUEST), "got %s",
	       inet_ntoa(a.sin_addr));
	close(s);
	s = socket(AF_INET, SOCK_DGRAM, 0);
	a = inet_sockaddr(INADDR_LOOPBACK, 0);
	bind(s, (struct sockaddr *)&a, sizeof(a));
	a = inet_sockaddr(GATEWAY, 7);
	expect("a socket bound to 127.0.0.1 sending to the gateway: EINVAL, "
	       "as Linux (127/8 never leaves by a card)",
	       sendto(s, "x", 1, 0, (struct sockaddr *)&a, sizeof(a)) < 0 &&
	       errno == EINVAL, "errno %d", errno);
	close(s);
}

/* Ping host_addr `count` times: how many replies with the right
   sequence numbers came back (each waited for up to 5 s). */
static int ping(uint32_t host_addr, int count)
{
	int s = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), got = 0;
	struct sockaddr_in a = inet_sockaddr(host_addr, 0);

	for (int seq = 1; seq <= count; seq++) {
		struct echo e = { .type = 8, .sequence = htons(seq) };
		struct pollfd pfd = { s, POLLIN, 0 };

		sendto(s, &e, sizeof(e), 0, (struct sockaddr *)&a, sizeof(a));
		if (poll(&pfd, 1, 5000) == 1 &&
		    recv(s, &e, sizeof(e), 0) == sizeof(e) && e.type == 0 &&
		    ntohs(e.sequence) == seq)
			got++;
	}
	close(s);
	return got;
}

/* The /proc/net/arp line of 10.0.2.2, or "" if none. */
static void arp_line(char *line, size_t size)
{
	FILE *f = fopen("/proc/net/arp", "r");
	char buf[256];

	*line = '\0';
	if (!f)
		return;
	while (fgets(buf, sizeof(buf), f))
		if (!strncmp(buf, "10.0.2.2 ", 9))
			snprintf(line, size, "%s", buf);
	fclose(f);
}

/* 10.0.2.99 is on our subnet but nobody: ARP asks three times, then a
   connected socket learns EHOSTUNREACH. The datagrams waiting for the
   answer are bounded, but a send is not refused for that: as on Linux,
   the oldest waiting one is dropped. */
static void nobody_there(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a = inet_sockaddr(0x0a000263, 9);
	char c;
	int r, refused = 0;

	connect(s, (struct sockaddr *)&a, sizeof(a));
	for (int i = 0; i < 5; i++)
		refused += send(s, "x", 1, 0) != 1;
	expect("5 datagrams while ARP asks: all sent", refused == 0,
	       "%d refused, errno %d", refused, errno);
	r = recv(s, &c, 1, 0) < 0 ? errno : 0;
	expect("a neighbour that never answers ARP: EHOSTUNREACH",
	       r == EHOSTUNREACH, "error %d", r);
	close(s);
}

/* The counter `name` of /proc/net/snmp's Ip lines, or -1. */
static int snmp_ip(const char *name)
{
	FILE *f = fopen("/proc/net/snmp", "r");
	char names[512], values[512], *n, *v, *sn, *sv;
	int result = -1;

	if (!f)
		return -1;
	if (fgets(names, sizeof(names), f) && fgets(values, sizeof(values), f))
		for (n = strtok_r(names, " \n", &sn),
		     v = strtok_r(values, " \n", &sv); n && v;
		     n = strtok_r(NULL, " \n", &sn),
		     v = strtok_r(NULL, " \n", &sv))
			if (!strcmp(n, name))
				result = atoi(v);
	fclose(f);
	return result;
}

static void fragments(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0), whole = 1;
	int oks = snmp_ip("ReasmOKs"), fails = snmp_ip("ReasmFails");
	struct sockaddr_in a = inet_sockaddr(0, 7);
	static char buf[8192];
	ssize_t n;

	bind(s, (struct sockaddr *)&a, sizeof(a));
	write(1, "udp 7 ready\n", 12);         /* the host sends now */
	n = recv(s, buf, sizeof(buf), 0);
	for (ssize_t i = 0; i < n; i++)
		whole &= buf[i] == 'x';
	expect("3000 bytes in three fragments arrive as one datagram",
	       n == 3000 && whole, "got %zd bytes", n);
	n = recv(s, buf, sizeof(buf), 0);
	expect("6000 bytes are too big to put together: the next one arrives",
	       n == 4 && !memcmp(buf, "done", 4), "got %zd bytes", n);
	expect("/proc/net/snmp counts one datagram put together (ReasmOKs)",
	       snmp_ip("ReasmOKs") == oks + 1, "%d before, %d after", oks,
	       snmp_ip("ReasmOKs"));
	expect("and the failure (ReasmFails)", snmp_ip("ReasmFails") > fails,
	       "%d before, %d after", fails, snmp_ip("ReasmFails"));
	close(s);
}

int main(int argc, char **argv)
{
	char line[256];
	int n;

	check_init(argc, argv);
	mount("proc", "/proc", "proc", 0, NULL);        /* we are process 1 */
	our_address();
	n = ping(GATEWAY, 3);
	expect("3 pings of the gateway 10.0.2.2, 3 replies", n == 3,
	       "%d replies", n);
	arp_line(line, sizeof(line));
	expect("/proc/net/arp: 10.0.2.2 complete (0x2) at QEMU's MAC, eth0",
	       strstr(line, " 0x1         0x2         52:55:0a:00:02:02     *"
			    "        eth0") != NULL, "line \"%s\"", line);
	n = ping(GUEST, 2);
	expect("our own address 10.0.2.15 answers pings (over lo)", n == 2,
	       "%d replies", n);
	nobody_there();
	fragments();
	return check_done();
}
