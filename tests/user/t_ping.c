/*
 * Ping sockets (net/ping.c, net/icmp.c): socket(AF_INET, SOCK_DGRAM,
 * IPPROTO_ICMP) as Linux's ping uses it. An echo request to 127.0.0.1
 * (or any 127/8 address) comes back as a reply with our sequence number
 * and data and the socket's own identifier; what is not an echo request
 * is refused.
 */
#define _GNU_SOURCE
#include "check.h"
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/mount.h>
#include <sys/socket.h>

#define ERR(call) ((call) < 0 ? -errno : 0)

struct echo {
	uint8_t type, code;
	uint16_t checksum, id, sequence;
	char data[56];
};

/* RFC 1071, to check the reply's checksum. */
static uint16_t sum16(const void *data, size_t len)
{
	const uint8_t *p = data;
	uint32_t sum = 0;

	for (; len > 1; p += 2, len -= 2)
		sum += p[0] << 8 | p[1];
	if (len)
		sum += p[0] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return ~sum & 0xffff;
}

static int send_echo(int s, uint32_t host_addr, uint16_t seq)
{
	struct echo e;
	struct sockaddr_in a = inet_sockaddr(host_addr, 0);

	memset(&e, 0, sizeof(e));
	e.type = 8;                             /* ICMP_ECHO */
	e.sequence = htons(seq);
	snprintf(e.data, sizeof(e.data), "ping %u", seq);
	return ERR(sendto(s, &e, sizeof(e), 0, (struct sockaddr *)&a,
			  sizeof(a)));
}

static uint16_t ident(int s)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);

	getsockname(s, (struct sockaddr *)&a, &len);
	return a.sin_port;
}

static void echo_reply(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), v = 0, r;
	socklen_t len = sizeof(v);
	struct sockaddr_in from;
	struct echo e;
	ssize_t n;
	char want[56] = "";

	expect("socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP) makes a ping socket",
	       s >= 0, "errno %d", errno);
	getsockopt(s, SOL_SOCKET, SO_PROTOCOL, &v, &len);
	expect("its SO_PROTOCOL is IPPROTO_ICMP", v == IPPROTO_ICMP,
	       "got %d", v);
	r = send_echo(s, INADDR_LOOPBACK, 7);
	expect("an echo request to 127.0.0.1 is sent", r == 0, "error %d", r);
	len = sizeof(from);
	n = recvfrom(s, &e, sizeof(e), 0, (struct sockaddr *)&from, &len);
	snprintf(want, sizeof(want), "ping %u", 7);
	expect("the reply comes back whole: an echo reply (type 0)",
	       n == sizeof(e) && e.type == 0 && e.code == 0, "n %zd type %d",
	       n, e.type);
	expect("with our sequence number and data",
	       ntohs(e.sequence) == 7 && !memcmp(e.data, want, sizeof(want)),
	       "seq %d", ntohs(e.sequence));
	expect("with the socket's identifier (its port)",
	       e.id == ident(s) && e.id != 0, "id %d, port %d", e.id,
	       ident(s));
	expect("with a correct checksum", sum16(&e, n) == 0,
	       "sum %#x", sum16(&e, n));
	expect("from 127.0.0.1, port 0",
	       from.sin_addr.s_addr == htonl(INADDR_LOOPBACK) &&
	       from.sin_port == 0 && len == sizeof(from), "from %x:%d",
	       ntohl(from.sin_addr.s_addr), ntohs(from.sin_port));
	send_echo(s, 0x7f000005, 8);            /* 127.0.0.5 */
	len = sizeof(from);
	n = recvfrom(s, &e, sizeof(e), 0, (struct sockaddr *)&from, &len);
	expect("127.0.0.5 answers too, from 127.0.0.5",
	       n == sizeof(e) && ntohs(e.sequence) == 8 &&
	       from.sin_addr.s_addr == htonl(0x7f000005),
	       "n %zd from %x", n, ntohl(from.sin_addr.s_addr));
	close(s);
}

static void two_sockets(void)
{
	int a = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	int b = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	struct pollfd pfd = { a, POLLIN, 0 };
	struct echo e;
	ssize_t n;

	send_echo(b, INADDR_LOOPBACK, 2);
	send_echo(a, INADDR_LOOPBACK, 1);
	n = recv(a, &e, sizeof(e), 0);
	expect("each socket gets the replies to its own requests",
	       n == sizeof(e) && ntohs(e.sequence) == 1, "seq %d",
	       ntohs(e.sequence));
	n = recv(b, &e, sizeof(e), 0);
	expect("and the other its own", n == sizeof(e) &&
	       ntohs(e.sequence) == 2, "seq %d", ntohs(e.sequence));
	expect("the two have different identifiers", ident(a) != ident(b),
	       "both %d", ident(a));
	n = poll(&pfd, 1, 0);
	expect("nothing more to read: poll says not readable", n == 0,
	       "revents %#x", pfd.revents);
	close(a);
	close(b);
}

static void refused(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), r;
	struct sockaddr_in a = inet_sockaddr(INADDR_LOOPBACK, 0);
	struct echo e;

	memset(&e, 0, sizeof(e));
	e.type = 0;                             /* a reply, not a request */
	r = ERR(sendto(s, &e, sizeof(e), 0, (struct sockaddr *)&a,
		       sizeof(a)));
	expect("sending anything but an echo request: EINVAL", r == -EINVAL,
	       "error %d", r);
	expect("and the refused send took no identifier", ident(s) == 0,
	       "port %d", ntohs(ident(s)));
	r = ERR(send(s, &e, sizeof(e), 0));
	expect("no address either: still EINVAL (the header is looked at "
	       "first, as Linux)", r == -EINVAL, "error %d", r);
	e.type = 8;
	r = ERR(sendto(s, &e, 4, 0, (struct sockaddr *)&a, sizeof(a)));
	expect("shorter than an ICMP header: EINVAL", r == -EINVAL,
	       "error %d", r);
	r = ERR(sendto(s, (void *)1, 64, 0, (struct sockaddr *)&a,
		       sizeof(a)));
	expect("from a bad buffer: EFAULT", r == -EFAULT, "error %d", r);
	close(s);
}

int main(int argc, char **argv)
{
	int buffers;

	check_init(argc, argv);
	if (is_init())
		mount("proc", "/proc", "proc", 0, NULL);
	buffers = sockstat("SKB");
	echo_reply();
	two_sockets();
	refused();
	expect_buffers_back(buffers);
	return check_done();
}
