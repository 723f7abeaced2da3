/*
 * ifconfig: the network interfaces, as Linux's net-tools ifconfig shows
 * them, and a few settings.
 *
 *   ifconfig [-a]                 every interface that is up (-a: all)
 *   ifconfig IFACE                one interface
 *   ifconfig IFACE [ADDR] [netmask MASK] [up|down]
 *
 *   eth0: flags=67<UP,BROADCAST,RUNNING>  mtu 1500
 *           inet 10.0.2.15  netmask 255.255.255.0  broadcast 10.0.2.255
 *           ether 52:54:00:12:34:56  (Ethernet)
 *           RX packets 12  bytes 1412 (1.3 KiB)
 *           ...
 *
 * The names and counters come from /proc/net/dev (as net-tools reads
 * them); everything else from the SIOCGIF* ioctls, on any socket.
 */
#include <arpa/inet.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <sprout/if.h>          /* struct ifreq, IFF_* (<net/if.h>) */
#include <sprout/sockios.h>     /* SIOCGIFFLAGS ... */

/* One line of /proc/net/dev: a name and its sixteen counters. */
struct counters {
	char name[IFNAMSIZ];
	unsigned long rx_bytes, rx_packets, rx_errs, rx_drop, rx_fifo,
		rx_frame, rx_compressed, rx_multicast;
	unsigned long tx_bytes, tx_packets, tx_errs, tx_drop, tx_fifo,
		tx_colls, tx_carrier, tx_compressed;
};

static int sock;

static int read_counters(FILE *f, struct counters *c)
{
	char line[512], *colon;

	if (!fgets(line, sizeof(line), f) || !(colon = strchr(line, ':')))
		return 0;
	*colon = ' ';
	return sscanf(line, "%15s %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu "
		      "%lu %lu %lu %lu %lu", c->name, &c->rx_bytes,
		      &c->rx_packets, &c->rx_errs, &c->rx_drop, &c->rx_fifo,
		      &c->rx_frame, &c->rx_compressed, &c->rx_multicast,
		      &c->tx_bytes, &c->tx_packets, &c->tx_errs, &c->tx_drop,
		      &c->tx_fifo, &c->tx_colls, &c->tx_carrier,
		      &c->tx_compressed) == 17;
}

/* An ioctl on the interface: 0, or -1 with errno. */
static int if_ioctl(const char *name, unsigned long req, struct ifreq *ifr)
{
	strncpy(ifr->ifr_name, name, IFNAMSIZ - 1);
	ifr->ifr_name[IFNAMSIZ - 1] = '\0';
	return ioctl(sock, req, ifr);
}

static const char *inet_of(const struct sockaddr *sa)
{
	return inet_ntoa(((const struct sockaddr_in *)sa)->sin_addr);
}

static void print_flags(short flags)
{
	static const struct { short bit; const char *name; } names[] = {
		{ IFF_UP, "UP" }, { IFF_BROADCAST, "BROADCAST" },
		{ IFF_DEBUG, "DEBUG" }, { IFF_LOOPBACK, "LOOPBACK" },
		{ IFF_POINTOPOINT, "POINTOPOINT" },
		{ IFF_NOTRAILERS, "NOTRAILERS" }, { IFF_RUNNING, "RUNNING" },
		{ IFF_NOARP, "NOARP" }, { IFF_PROMISC, "PROMISC" },
		{ IFF_MULTICAST, "MULTICAST" },
	};
	const char *sep = "";

	printf("flags=%d<", flags);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (flags & names[i].bit) {
			printf("%s%s", sep, names[i].name);
			sep = ",";
		}
	printf(">");
}

/* "(1.3 KiB)": tenths of the largest binary unit below the count. */
static void print_bytes(unsigned long bytes)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB" };
	unsigned long long tenths = (unsigned long long)bytes * 10;
	int u = 0;

	while (tenths >= 10 * 1024 && u < 3) {
		tenths /= 1024;
		u++;
	}
	printf(" (%llu.%llu %s)\n", tenths / 10, tenths % 10, units[u]);
}

static void show(const struct counters *c)
{
	struct ifreq ifr;
	short flags;
	int mtu;

	if (if_ioctl(c->name, SIOCGIFFLAGS, &ifr) < 0)
		err(1, "%s", c->name);
	flags = ifr.ifr_flags;
	mtu = if_ioctl(c->name, SIOCGIFMTU, &ifr) < 0 ? 0 : ifr.ifr_mtu;
	printf("%s: ", c->name);
	print_flags(flags);
	printf("  mtu %d\n", mtu);
	if (if_ioctl(c->name, SIOCGIFADDR, &ifr) == 0) {
		printf("        inet %s", inet_of(&ifr.ifr_addr));
		if (if_ioctl(c->name, SIOCGIFNETMASK, &ifr) == 0)
			printf("  netmask %s", inet_of(&ifr.ifr_netmask));
		if ((flags & IFF_BROADCAST) &&
		    if_ioctl(c->name, SIOCGIFBRDADDR, &ifr) == 0)
			printf("  broadcast %s", inet_of(&ifr.ifr_broadaddr));
		printf("\n");
	}
	if (flags & IFF_LOOPBACK) {
		printf("        loop  (Local Loopback)\n");
	} else if (if_ioctl(c->name, SIOCGIFHWADDR, &ifr) == 0) {
		unsigned char *m = (unsigned char *)ifr.ifr_hwaddr.sa_data;
		printf("        ether %02x:%02x:%02x:%02x:%02x:%02x  (Ethernet)\n",
		       m[0], m[1], m[2], m[3], m[4], m[5]);
	}
	printf("        RX packets %lu  bytes %lu", c->rx_packets, c->rx_bytes);
	print_bytes(c->rx_bytes);
	printf("        RX errors %lu  dropped %lu  overruns %lu  frame %lu\n",
	       c->rx_errs, c->rx_drop, c->rx_fifo, c->rx_frame);
	printf("        TX packets %lu  bytes %lu", c->tx_packets, c->tx_bytes);
	print_bytes(c->tx_bytes);
	printf("        TX errors %lu  dropped %lu overruns %lu  carrier %lu"
	       "  collisions %lu\n\n", c->tx_errs, c->tx_drop, c->tx_fifo,
	       c->tx_carrier, c->tx_colls);
}

/* Show the interfaces: all, the ones up, or the one named. */
static void list(const char *only, int all)
{
	FILE *f = fopen("/proc/net/dev", "r");
	struct counters c;
	char skip[256];
	int found = 0;

	if (!f)
		err(1, "/proc/net/dev");
	fgets(skip, sizeof(skip), f);           /* the two header lines */
	fgets(skip, sizeof(skip), f);
	while (read_counters(f, &c)) {
		struct ifreq ifr;

		if (only && strcmp(only, c.name))
			continue;
		found = 1;
		if (all || only || (if_ioctl(c.name, SIOCGIFFLAGS, &ifr) == 0 &&
				    (ifr.ifr_flags & IFF_UP)))
			show(&c);
	}
	fclose(f);
	if (only && !found)
		errx(1, "%s: error fetching interface information: Device not "
		     "found", only);
}

static void set_addr(const char *name, unsigned long req, const char *text)
{
	struct ifreq ifr;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;

	memset(&ifr, 0, sizeof(ifr));
	sin->sin_family = AF_INET;
	if (!inet_aton(text, &sin->sin_addr))
		errx(1, "%s: bad address", text);
	if (if_ioctl(name, req, &ifr) < 0)
		err(1, "%s", name);
}

static void set_up(const char *name, int up)
{
	struct ifreq ifr;

	if (if_ioctl(name, SIOCGIFFLAGS, &ifr) < 0)
		err(1, "%s", name);
	ifr.ifr_flags = up ? ifr.ifr_flags | IFF_UP : ifr.ifr_flags & ~IFF_UP;
	if (if_ioctl(name, SIOCSIFFLAGS, &ifr) < 0)
		err(1, "%s", name);
}

/* ifconfig IFACE settings...: each in the order given. */
static void configure(const char *name, char **argv)
{
	for (; *argv; argv++) {
		if (!strcmp(*argv, "up") || !strcmp(*argv, "down"))
			set_up(name, !strcmp(*argv, "up"));
		else if (!strcmp(*argv, "netmask") && argv[1])
			set_addr(name, SIOCSIFNETMASK, *++argv);
		else if (strcmp(*argv, "netmask"))
			set_addr(name, SIOCSIFADDR, *argv);
		else
			errx(1, "netmask: an address must follow");
	}
}

int main(int argc, char **argv)
{
	int all = argc > 1 && !strcmp(argv[1], "-a");

	if (all) {
		argv++;
		argc--;
	}
	if (argc > 1 && argv[1][0] == '-') {
		fprintf(stderr, "usage: ifconfig [-a] [interface [address] "
			"[netmask mask] [up|down]]\n");
		return 2;
	}
	if ((sock = socket(AF_INET, SOCK_DGRAM, 0)) < 0)
		err(1, "socket");
	if (argc > 2)
		configure(argv[1], argv + 2);
	else
		list(argc > 1 ? argv[1] : NULL, all);
	return 0;
}
