/*
 * AF_INET sockets, what every protocol shares (net/af_inet.c): which
 * socket() calls make one, the rules of bind() (one port per address,
 * INADDR_ANY covers them all, an address must be ours), ephemeral ports,
 * getsockname and getpeername, SO_PROTOCOL and IP_TTL; and the interface
 * ioctls (net/dev_ioctl.c) on lo, which every boot has.
 */
#define _GNU_SOURCE
#include "check.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sprout/if.h>
#include <sprout/sockios.h>

#define ERR(call) ((call) < 0 ? -errno : 0)

static int bind_to(int s, uint32_t host_addr, uint16_t port)
{
	struct sockaddr_in a = inet_sockaddr(host_addr, port);

	return ERR(bind(s, (struct sockaddr *)&a, sizeof(a)));
}

static int udp(void)
{
	return socket(AF_INET, SOCK_DGRAM, 0);
}

/* The port getsockname reports, in host order (0 on error). */
static int local_port(int s, uint32_t *host_addr)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);

	if (getsockname(s, (struct sockaddr *)&a, &len) < 0 ||
	    len != sizeof(a) || a.sin_family != AF_INET)
		return 0;
	if (host_addr)
		*host_addr = ntohl(a.sin_addr.s_addr);
	return ntohs(a.sin_port);
}

static void creating(void)
{
	int s = udp(), v = 0;
	socklen_t len = sizeof(v);

	expect("socket(AF_INET, SOCK_DGRAM, 0) makes a socket", s >= 0,
	       "errno %d", errno);
	getsockopt(s, SOL_SOCKET, SO_PROTOCOL, &v, &len);
	expect("SO_PROTOCOL of a UDP socket is IPPROTO_UDP", v == IPPROTO_UDP,
	       "got %d", v);
	len = sizeof(v);
	getsockopt(s, SOL_SOCKET, SO_DOMAIN, &v, &len);
	expect("SO_DOMAIN is AF_INET", v == AF_INET, "got %d", v);
	close(s);
	s = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
	expect("IPPROTO_UDP names UDP", s >= 0, "errno %d", errno);
	close(s);
	errno = 0;
	s = socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP);
	expect("SOCK_DGRAM with IPPROTO_TCP: EPROTONOSUPPORT",
	       s < 0 && errno == EPROTONOSUPPORT, "%d, errno %d", s, errno);
	errno = 0;
	s = socket(AF_INET, SOCK_SEQPACKET, 0);
	expect("SOCK_SEQPACKET: ESOCKTNOSUPPORT",
	       s < 0 && errno == ESOCKTNOSUPPORT, "%d, errno %d", s, errno);
}

static void binding(void)
{
	int a = udp(), b = udp(), c = udp(), d = udp(), r;
	uint32_t host;

	r = bind_to(a, INADDR_LOOPBACK, 40001);
	expect("bind to 127.0.0.1:40001", r == 0, "error %d", r);
	expect("getsockname shows the address and port",
	       local_port(a, &host) == 40001 && host == INADDR_LOOPBACK,
	       "port %d", local_port(a, NULL));
	r = bind_to(b, INADDR_LOOPBACK, 40001);
	expect("the same address and port again: EADDRINUSE",
	       r == -EADDRINUSE, "error %d", r);
	r = bind_to(b, INADDR_ANY, 40001);
	expect("INADDR_ANY on a port taken for 127.0.0.1: EADDRINUSE",
	       r == -EADDRINUSE, "error %d", r);
	r = bind_to(b, INADDR_LOOPBACK, 40002);
	expect("another port is free", r == 0, "error %d", r);
	r = bind_to(b, INADDR_LOOPBACK, 40003);
	expect("binding a bound socket again: EINVAL", r == -EINVAL,
	       "error %d", r);
	r = bind_to(c, 0x0a090909, 40004);       /* 10.9.9.9: not ours */
	expect("an address that is not ours: EADDRNOTAVAIL",
	       r == -EADDRNOTAVAIL, "error %d", r);
	r = bind_to(c, INADDR_ANY, 40005);
	r = r ? r : bind_to(d, INADDR_LOOPBACK, 40005);
	expect("127.0.0.1 on a port INADDR_ANY has: EADDRINUSE",
	       r == -EADDRINUSE, "error %d", r);
	close(a);
	a = udp();
	r = bind_to(a, INADDR_LOOPBACK, 40001);
	expect("a closed socket's port is free again", r == 0, "error %d", r);
	close(a);
	close(b);
	close(c);
	close(d);
}

static void bad_addresses(void)
{
	int s = udp(), r;
	struct sockaddr_in a = inet_sockaddr(INADDR_LOOPBACK, 40010);

	r = ERR(bind(s, (struct sockaddr *)&a, sizeof(a) - 1));
	expect("bind with a short address: EINVAL", r == -EINVAL,
	       "error %d", r);
	a.sin_family = AF_UNIX;
	r = ERR(bind(s, (struct sockaddr *)&a, sizeof(a)));
	expect("bind with another family: EAFNOSUPPORT", r == -EAFNOSUPPORT,
	       "error %d", r);
	a.sin_family = AF_UNSPEC;
	r = ERR(bind(s, (struct sockaddr *)&a, sizeof(a)));
	expect("bind AF_UNSPEC to 127.0.0.1: EAFNOSUPPORT",
	       r == -EAFNOSUPPORT, "error %d", r);
	a.sin_addr.s_addr = htonl(INADDR_ANY);
	r = ERR(bind(s, (struct sockaddr *)&a, sizeof(a)));
	expect("bind AF_UNSPEC to INADDR_ANY: taken as AF_INET, as Linux",
	       r == 0 && local_port(s, NULL) == 40010, "error %d", r);
	close(s);
	s = udp();
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	r = ERR(bind(s, (struct sockaddr *)(void *)1, sizeof(a)));
	expect("bind with a bad pointer: EFAULT", r == -EFAULT,
	       "error %d", r);
	close(s);
}

static void ephemeral(void)
{
	int a = udp(), b = udp(), pa, pb, r;
	uint32_t host = 1;

	r = bind_to(a, INADDR_ANY, 0);
	pa = local_port(a, &host);
	expect("bind to port 0 picks a port in 32768..60999",
	       r == 0 && pa >= 32768 && pa <= 60999 && host == INADDR_ANY,
	       "error %d, port %d", r, pa);
	sendto(b, "x", 1, 0, (struct sockaddr *)&(struct sockaddr_in){
		AF_INET, htons(pa), { htonl(INADDR_LOOPBACK) }, {0} },
	       sizeof(struct sockaddr_in));
	pb = local_port(b, NULL);
	expect("sendto binds an unbound socket to a port of its own",
	       pb >= 32768 && pb <= 60999 && pb != pa, "port %d", pb);
	close(a);
	close(b);
}

static void names(void)
{
	int s = udp(), r, port;
	struct sockaddr_in a = inet_sockaddr(INADDR_LOOPBACK, 40020), p;
	socklen_t len = sizeof(p);
	uint32_t host;

	r = ERR(getpeername(s, (struct sockaddr *)&p, &len));
	expect("getpeername before connect: ENOTCONN", r == -ENOTCONN,
	       "error %d", r);
	r = ERR(connect(s, (struct sockaddr *)&a, sizeof(a)));
	len = sizeof(p);
	getpeername(s, (struct sockaddr *)&p, &len);
	expect("connect: getpeername gives the peer",
	       r == 0 && len == sizeof(p) && p.sin_family == AF_INET &&
	       ntohs(p.sin_port) == 40020 &&
	       ntohl(p.sin_addr.s_addr) == INADDR_LOOPBACK,
	       "error %d, port %d", r, ntohs(p.sin_port));
	port = local_port(s, &host);
	expect("connect binds a port and the route's address",
	       port >= 32768 && host == INADDR_LOOPBACK,
	       "port %d addr %x", port, host);
	len = 2;
	r = ERR(getsockname(s, (struct sockaddr *)&p, &len));
	expect("getsockname with a short buffer: the full length",
	       r == 0 && len == sizeof(p), "error %d len %u", r, len);
	r = ERR(getsockname(s, (struct sockaddr *)&p, (socklen_t *)1));
	expect("getsockname with a bad length pointer: EFAULT",
	       r == -EFAULT, "error %d", r);
	a.sin_family = AF_UNSPEC;
	r = ERR(connect(s, (struct sockaddr *)&a, sizeof(a)));
	len = sizeof(p);
	expect("connect to AF_UNSPEC dissolves the association",
	       r == 0 && getpeername(s, (struct sockaddr *)&p, &len) < 0 &&
	       errno == ENOTCONN, "error %d", r);
	port = local_port(s, &host);
	expect("AF_UNSPEC also forgets the connect's address and port",
	       port == 0 && host == 0, "port %d addr %x", port, host);
	close(s);
	s = udp();
	bind_to(s, INADDR_ANY, 40021);
	a.sin_family = AF_INET;
	connect(s, (struct sockaddr *)&a, sizeof(a));
	a.sin_family = AF_UNSPEC;
	connect(s, (struct sockaddr *)&a, sizeof(a));
	port = local_port(s, &host);
	expect("AF_UNSPEC keeps a port bind() gave",
	       port == 40021 && host == 0, "port %d addr %x", port, host);
	close(s);
}

static void ttl(void)
{
	int s = udp(), v = 0, r;
	socklen_t len = sizeof(v);

	getsockopt(s, IPPROTO_IP, IP_TTL, &v, &len);
	expect("IP_TTL is 64 by default", v == 64 && len == sizeof(v),
	       "got %d", v);
	v = 7;
	setsockopt(s, IPPROTO_IP, IP_TTL, &v, sizeof(v));
	v = 0;
	len = sizeof(v);
	getsockopt(s, IPPROTO_IP, IP_TTL, &v, &len);
	expect("IP_TTL set to 7 reads back 7", v == 7, "got %d", v);
	v = 256;
	r = ERR(setsockopt(s, IPPROTO_IP, IP_TTL, &v, sizeof(v)));
	expect("IP_TTL 256: EINVAL", r == -EINVAL, "error %d", r);
	close(s);
}

static unsigned int lo_netmask(int s)
{
	struct ifreq ifr = { .ifr_name = "lo" };

	if (ioctl(s, SIOCGIFNETMASK, &ifr) < 0)
		return 0;
	return ntohl(((struct sockaddr_in *)&ifr.ifr_netmask)->sin_addr.s_addr);
}

static void interfaces(void)
{
	int s = udp(), r;
	struct ifreq ifr = { .ifr_name = "lo" }, list[4];
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_netmask;
	struct ifconf ifc = { .ifc_len = sizeof(list[0]) + 3, .ifc_req = list };

	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = htonl(0xff00ff00);
	r = ERR(ioctl(s, SIOCSIFNETMASK, &ifr));
	expect("SIOCSIFNETMASK 255.0.255.0 (not contiguous): EINVAL",
	       r == -EINVAL && lo_netmask(s) == 0xff000000,
	       "error %d, netmask %x", r, lo_netmask(s));
	r = ERR(ioctl(s, SIOCGIFCONF, &ifc));
	expect("SIOCGIFCONF with room for 1.5 entries: one",
	       r == 0 && ifc.ifc_len == sizeof(list[0]) &&
	       !strcmp(list[0].ifr_name, "lo"), "error %d len %d", r,
	       ifc.ifc_len);
	ifc.ifc_len = sizeof(list);
	ifc.ifc_req = (struct ifreq *)16;
	r = ERR(ioctl(s, SIOCGIFCONF, &ifc));
	expect("SIOCGIFCONF with a bad buffer: EFAULT", r == -EFAULT,
	       "error %d", r);
	memset(ifr.ifr_name, 'l', IFNAMSIZ);
	r = ERR(ioctl(s, SIOCGIFFLAGS, &ifr));
	expect("SIOCGIFFLAGS with a name filling ifr_name: ENODEV",
	       r == -ENODEV, "error %d", r);
	close(s);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	creating();
	binding();
	bad_addresses();
	ephemeral();
	names();
	ttl();
	interfaces();
	return check_done();
}
