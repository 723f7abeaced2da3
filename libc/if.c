/*
 * Interface names and numbers. The kernel answers through ioctl() on any
 * socket (SIOCGIFINDEX: name to number, SIOCGIFNAME: number to name), so
 * each call opens a datagram socket for the question and closes it.
 */
#include <errno.h>
#include <net/if.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

/* ioctl(request) on a throwaway socket: 0, or -1 with errno set. */
static int ask(unsigned long request, struct ifreq *ifr)
{
	int sock = socket(AF_INET, SOCK_DGRAM, 0), rv, saved;

	if (sock < 0)
		return -1;
	rv = ioctl(sock, request, ifr);
	saved = errno;
	close(sock);
	errno = saved;
	return rv;
}

unsigned int if_nametoindex(const char *name)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	if (strlen(name) >= IFNAMSIZ) {
		errno = ENODEV;
		return 0;
	}
	strcpy(ifr.ifr_name, name);
	return ask(SIOCGIFINDEX, &ifr) < 0 ? 0 : (unsigned int)ifr.ifr_ifindex;
}

char *if_indextoname(unsigned int index, char *name)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_ifindex = index;
	if (ask(SIOCGIFNAME, &ifr) < 0) {
		if (errno == ENODEV)
			errno = ENXIO;          /* as glibc says it */
		return NULL;
	}
	memcpy(name, ifr.ifr_name, IFNAMSIZ);
	name[IFNAMSIZ - 1] = '\0';
	return name;
}
