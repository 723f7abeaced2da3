/*
 * netstat: the machine's TCP and UDP sockets, from /proc/net/tcp and
 * /proc/net/udp (one line per socket, in Linux's format: addresses and
 * ports in hex, the TCP state as a number).
 *
 *   netstat [-t] [-u] [-l | -a] [-n]
 *
 * -t, -u: TCP, UDP sockets only (both by default). Without -l or -a the
 * connections are shown, -l the listening sockets (servers), -a both.
 * -n: numbers; without it addresses and ports are named from /etc/hosts
 * and /etc/services, and the "any" address and port show as "*".
 */
#include <arpa/inet.h>
#include <err.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The states, as /proc/net/tcp numbers them (Linux's TCP_ESTABLISHED is 1). */
static const char *const states[] = {
	"", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
	"TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING",
};
#define TCP_CLOSE 7
#define TCP_LISTEN 10

static int numeric, show_listening, show_connected = 1;

static void usage(void)
{
	fprintf(stderr, "usage: netstat [-t] [-u] [-l | -a] [-n]\n");
	exit(2);
}

/* "0100007F:0050" (the address as the kernel holds it, the port in host
   order) as "127.0.0.1:80", or "localhost:http" without -n. */
static void show_address(const char *hex, const char *proto, char *out,
			 size_t size)
{
	unsigned int addr, port;
	struct sockaddr_in sin = { .sin_family = AF_INET };
	char host[NI_MAXHOST], serv[NI_MAXSERV];
	int flags = !strcmp(proto, "udp") ? NI_DGRAM : 0;

	if (sscanf(hex, "%x:%x", &addr, &port) != 2) {
		snprintf(out, size, "?");
		return;
	}
	sin.sin_addr.s_addr = addr;
	sin.sin_port = htons(port);
	if (numeric)
		flags |= NI_NUMERICHOST | NI_NUMERICSERV;
	getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host),
		    serv, sizeof(serv), flags);
	if (!numeric && addr == INADDR_ANY)
		strcpy(host, "*");
	if (port == 0)
		strcpy(serv, "*");
	snprintf(out, size, "%s:%s", host, serv);
}

/* Whether a socket in this state is asked for: a listener is a TCP
   socket in LISTEN or a UDP socket with no peer (CLOSE). */
static int wanted(const char *proto, unsigned int state)
{
	int listener = state == (strcmp(proto, "tcp") ? TCP_CLOSE : TCP_LISTEN);

	return listener ? show_listening : show_connected;
}

static void show_file(const char *proto)
{
	char path[32], line[512];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/net/%s", proto);
	f = fopen(path, "r");
	if (!f) {
		warn("%s", path);
		return;
	}
	fgets(line, sizeof(line), f);           /* the heading */
	while (fgets(line, sizeof(line), f)) {
		char local[64], remote[64], local_text[300], remote_text[300];
		char out[700];
		unsigned int state;
		unsigned long txq, rxq;

		if (sscanf(line, "%*s %63s %63s %x %lx:%lx", local, remote, &state,
			   &txq, &rxq) != 5 || !wanted(proto, state))
			continue;
		show_address(local, proto, local_text, sizeof(local_text));
		show_address(remote, proto, remote_text, sizeof(remote_text));
		const char *name = !strcmp(proto, "tcp") ?
			(state < sizeof(states) / sizeof(states[0]) ? states[state] : "?") :
			(state == 1 ? "ESTABLISHED" : "");      /* a connected UDP socket */
		int n = snprintf(out, sizeof(out), "%-4s  %6lu %6lu %-23s %-23s %s",
				 proto, rxq, txq, local_text, remote_text, name);

		while (n > 0 && out[n - 1] == ' ')
			n--;                    /* UDP's empty state */
		printf("%.*s\n", n, out);
	}
	fclose(f);
}

int main(int argc, char **argv)
{
	int tcp = 0, udp = 0, opt;

	while ((opt = getopt(argc, argv, "tulan")) != -1) {
		if (opt == 't')
			tcp = 1;
		else if (opt == 'u')
			udp = 1;
		else if (opt == 'l')
			show_listening = 1, show_connected = 0;
		else if (opt == 'a')
			show_listening = show_connected = 1;
		else if (opt == 'n')
			numeric = 1;
		else
			usage();
	}
	if (optind != argc)
		usage();
	if (!tcp && !udp)
		tcp = udp = 1;
	printf("Active Internet connections (%s)\n",
	       !show_connected ? "only servers" :
	       show_listening ? "servers and established" : "w/o servers");
	printf("Proto Recv-Q Send-Q Local Address           "
	       "Foreign Address         State\n");
	if (tcp)
		show_file("tcp");
	if (udp)
		show_file("udp");
	return 0;
}
