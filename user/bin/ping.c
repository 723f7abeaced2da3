/*
 * ping: is a host there, and how long does an answer take?
 *
 *   ping [-c count] [-i interval] [-W timeout] host
 *
 * Each second (-i) an ICMP echo request goes to host; the host's kernel
 * answers it with an echo reply carrying the same data back, and ping
 * prints the round trip time. At the end (count requests, or Ctrl-C) a
 * summary: sent, received, loss, and the times' min/avg/max/mdev. Each
 * request waits up to -W seconds (10) for its answer.
 *
 * The socket is a "ping socket", socket(AF_INET, SOCK_DGRAM,
 * IPPROTO_ICMP), as Linux's ping uses: no root needed, because the kernel
 * sets the request's identifier and checksum and hands this socket only
 * the replies to its own requests. The data starts with the time of
 * sending, so the reply says when its request left.
 */
#include <arpa/inet.h>
#include <err.h>
#include <errno.h>
#include <math.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "endpoint.h"

#define DATA_LEN 56                     /* Linux's default: 64 with header */

struct packet {
	struct icmphdr icmp;
	struct timespec sent;
	unsigned char pad[DATA_LEN - sizeof(struct timespec)];
};

/* The summary's numbers. */
static struct {
	long sent, received;
	double min, max, sum, sum2;     /* of the round trips, ms */
} stats;

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void usage(void)
{
	fprintf(stderr, "usage: ping [-c count] [-i interval] [-W timeout] host\n");
	exit(2);
}

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

static double ms_of(const struct timespec *t)
{
	return t->tv_sec * 1000.0 + t->tv_nsec / 1e6;
}

static void send_request(int sock, const struct addrinfo *to, int seq)
{
	struct packet p;

	memset(&p, 0, sizeof(p));
	p.icmp.type = ICMP_ECHO;
	p.icmp.un.echo.sequence = htons(seq);
	for (size_t i = 0; i < sizeof(p.pad); i++)
		p.pad[i] = 0x10 + i;            /* a pattern, as Linux's ping */
	clock_gettime(CLOCK_MONOTONIC, &p.sent);
	if (sendto(sock, &p, sizeof(p), 0, to->ai_addr, to->ai_addrlen) < 0)
		warn("sendto");
	else
		stats.sent++;
}

/* One reply taken from the socket and printed; true if it answers seq. */
static int take_reply(int sock, int seq)
{
	struct packet p;
	struct sockaddr_in from;
	socklen_t len = sizeof(from);
	char who[INET_ADDRSTRLEN];
	ssize_t n = recvfrom(sock, &p, sizeof(p), 0, (struct sockaddr *)&from, &len);
	double rtt;

	if (n < 0) {
		if (errno != EINTR)
			warn("recvfrom");
		return 0;
	}
	if (n < (ssize_t)sizeof(p) || p.icmp.type != ICMP_ECHOREPLY)
		return 0;                       /* not ours to count */
	rtt = now_ms() - ms_of(&p.sent);
	inet_ntop(AF_INET, &from.sin_addr, who, sizeof(who));
	printf("%zd bytes from %s: icmp_seq=%u time=%.3f ms\n", n, who,
	       ntohs(p.icmp.un.echo.sequence), rtt);
	fflush(stdout);
	stats.received++;
	stats.min = stats.received == 1 || rtt < stats.min ? rtt : stats.min;
	stats.max = rtt > stats.max ? rtt : stats.max;
	stats.sum += rtt;
	stats.sum2 += rtt * rtt;
	return ntohs(p.icmp.un.echo.sequence) == seq;
}

/* Replies until seq's comes or the time is past deadline (ms). */
static void wait_reply(int sock, int seq, double deadline)
{
	struct pollfd pfd = { .fd = sock, .events = POLLIN };

	while (!interrupted) {
		double left = deadline - now_ms();

		if (left <= 0 || poll(&pfd, 1, (int)left + 1) <= 0)
			return;
		if (take_reply(sock, seq))
			return;
	}
}

static void sleep_until(double when)
{
	double left = when - now_ms();

	if (left > 0 && !interrupted) {
		struct timespec t = { (time_t)(left / 1000),
				      (long)(fmod(left, 1000) * 1e6) };
		nanosleep(&t, NULL);
	}
}

static void summary(const char *host, double elapsed)
{
	printf("\n--- %s ping statistics ---\n", host);
	printf("%ld packets transmitted, %ld received, %ld%% packet loss, "
	       "time %.0fms\n", stats.sent, stats.received,
	       stats.sent ? (stats.sent - stats.received) * 100 / stats.sent : 0,
	       elapsed);
	if (stats.received) {
		double avg = stats.sum / stats.received;
		double var = stats.sum2 / stats.received - avg * avg;

		printf("rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms\n",
		       stats.min, avg, stats.max, var > 0 ? sqrt(var) : 0.0);
	}
}

int main(int argc, char **argv)
{
	long count = -1;
	double interval = 1000, timeout = 10000;
	char address[INET_ADDRSTRLEN];
	int opt;

	while ((opt = getopt(argc, argv, "c:i:W:")) != -1) {
		char *end;
		double v = strtod(optarg, &end);

		if (*end || v <= 0 || (opt == 'c' && v != (long)v))
			errx(2, "bad value for -%c: %s", opt, optarg);
		if (opt == 'c')
			count = (long)v;
		else if (opt == 'i')
			interval = v * 1000;
		else if (opt == 'W')
			timeout = v * 1000;
		else
			usage();
	}
	if (argc - optind != 1)
		usage();

	const char *host = argv[optind];
	struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_DGRAM },
		*to;
	int rv = getaddrinfo(host, NULL, &hints, &to);
	if (rv)
		errx(2, "%s: %s", host, gai_strerror(rv));
	int sock = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	if (sock < 0)
		err(2, "socket");
	signal(SIGINT, on_sigint);

	inet_ntop(AF_INET, &((struct sockaddr_in *)to->ai_addr)->sin_addr,
		  address, sizeof(address));
	printf("PING %s (%s) %d(%d) bytes of data.\n", host, address, DATA_LEN,
	       DATA_LEN + 8 + 20);
	fflush(stdout);
	double start = now_ms();
	for (int seq = 1; !interrupted && (count < 0 || seq <= count); seq++) {
		double sent = now_ms();

		send_request(sock, to, seq);
		wait_reply(sock, seq, sent + timeout);
		if (count < 0 || seq < count)
			sleep_until(sent + interval);
	}
	summary(host, now_ms() - start);
	return stats.received ? 0 : 1;
}
