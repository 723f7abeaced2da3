/*
 * libc's inet_pton/ntop/aton/addr (libc/inet.c), getaddrinfo
 * (libc/getaddrinfo.c), getnameinfo (libc/getnameinfo.c) and the
 * /etc/hosts and /etc/services readers (libc/hosts.c, libc/services.c),
 * renamed our_*, against glibc's. glibc also returns IPv6 answers and a
 * SOCK_RAW entry where Sprout has none: only its AF_INET stream and
 * datagram entries are compared. Names come from this machine's own
 * /etc/hosts, which both read: nothing here asks a name server.
 */
#undef inet_pton
#undef inet_ntop
#undef inet_aton
#undef inet_addr
#undef inet_ntoa
#undef getaddrinfo
#undef freeaddrinfo
#undef gai_strerror
#undef getnameinfo
#undef gethostbyname
#undef gethostbyaddr
#undef getservbyname
#undef getservbyport
#include <errno.h>
#include <string.h>
#include "check.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *addresses[] = {
	"0.0.0.0", "127.0.0.1", "255.255.255.255", "10.1.2.3", "1.2.3",
	"1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "0x7f.0.0.1",
	"127.1", "127.0.1", "0x7f000001", "017700000001", "", ".", "1..2.3",
	"1.2.3.", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4x", "4294967295",
	"4294967296", "1.16777215", "1.16777216", "1.2.65535", "1.2.65536",
	"00.0.0.0", "1000.0.0.0", "08.1.1.1", "localhost", "-1.2.3.4",
};

/* glibc's AF_INET stream/datagram entries, in order, as text. */
static void describe(struct addrinfo *list, char *out, size_t size)
{
	out[0] = '\0';
	for (struct addrinfo *a = list; a; a = a->ai_next) {
		struct sockaddr_in *sin = (struct sockaddr_in *)a->ai_addr;
		char line[100];

		if (a->ai_family != AF_INET || a->ai_socktype == SOCK_RAW)
			continue;
		snprintf(line, sizeof(line), "[%d %d %d %u %s:%u %s]",
			 a->ai_socktype, a->ai_protocol, (int)a->ai_addrlen,
			 sin->sin_family, inet_ntoa(sin->sin_addr),
			 ntohs(sin->sin_port),
			 a->ai_canonname ? a->ai_canonname : "-");
		strncat(out, line, size - strlen(out) - 1);
	}
}

/* No name that glibc would ask a DNS server about: the test must not
   need the network (or wait for its absence). Other names are below. */
static const char *hosts[] = {
	NULL, "127.0.0.1", "10.0.0.1", "127.1", "localhost",
};
static const char *services[] = {
	NULL, "0", "80", "8080", "65535", "65536", "http", "echo",
	"no-such-service", "12ab",
};
static const int families[] = { AF_UNSPEC, AF_INET, AF_UNIX, 12345 };
static const int socktypes[] = { 0, SOCK_STREAM, SOCK_DGRAM };
static const int flag_sets[] = {
	0, AI_PASSIVE, AI_NUMERICHOST, AI_NUMERICSERV, AI_CANONNAME,
	AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV, 0x10000,
};

static void compare_getaddrinfo(const char *host, const char *service,
				const struct addrinfo *hints)
{
	struct addrinfo *mine = NULL, *theirs = NULL;
	int want = getaddrinfo(host, service, hints, &theirs);
	int got = our_getaddrinfo(host, service, hints, &mine);
	char a[2000], b[2000];

	if (want == 0) {
		describe(theirs, a, sizeof(a));
		freeaddrinfo(theirs);
	} else {
		snprintf(a, sizeof(a), "error %d", want);
	}
	if (got == 0) {
		describe(mine, b, sizeof(b));
		our_freeaddrinfo(mine);
	} else {
		snprintf(b, sizeof(b), "error %d", got);
	}
	if (strcmp(a, b) && !check_failed++)
		printf("FAIL %s -- host %s service %s family %d type %d flags %#x: "
		       "glibc %s, ours %s\n", check_case, host ? host : "NULL",
		       service ? service : "NULL", hints->ai_family,
		       hints->ai_socktype, hints->ai_flags, a, b);
}

/* This machine's /etc/hosts, its IPv4 lines: names and addresses. */
static char host_names[64][64];
static struct in_addr host_addrs[64];
static size_t n_host_names, n_host_addrs;

static void read_host_names(void)
{
	FILE *f = fopen("/etc/hosts", "r");
	char line[512];

	while (f && fgets(line, sizeof(line), f)) {
		char *rest, *w = strtok_r(line, " \t\n#", &rest);
		struct in_addr addr;

		if (!w || inet_pton(AF_INET, w, &addr) != 1)
			continue;
		if (n_host_addrs < N(host_addrs))
			host_addrs[n_host_addrs++] = addr;
		while ((w = strtok_r(NULL, " \t\n", &rest)) && *w != '#')
			if (n_host_names < N(host_names) && strlen(w) < 64)
				strcpy(host_names[n_host_names++], w);
	}
	if (f)
		fclose(f);
}

/* A hostent as text: its name and first address, or "none". */
static void describe_host(struct hostent *h, char *out, size_t size)
{
	if (!h)
		snprintf(out, size, "none");
	else
		snprintf(out, size, "%s %d %d %s", h->h_name, h->h_addrtype,
			 h->h_length, inet_ntoa(*(struct in_addr *)h->h_addr));
}

static void describe_serv(struct servent *s, char *out, size_t size)
{
	if (!s)
		snprintf(out, size, "none");
	else
		snprintf(out, size, "%s %d %s %s", s->s_name, ntohs(s->s_port),
			 s->s_proto, s->s_aliases[0] ? s->s_aliases[0] : "-");
}

static void compare_getnameinfo(struct in_addr addr, int port, int hostlen,
				int servlen, int flags)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET, .sin_port = htons(port), .sin_addr = addr,
	};
	char wh[NI_MAXHOST] = "", ws[NI_MAXSERV] = "";
	char gh[NI_MAXHOST] = "", gs[NI_MAXSERV] = "";
	int w = getnameinfo((struct sockaddr *)&sin, sizeof(sin),
			    hostlen ? wh : NULL, hostlen, servlen ? ws : NULL,
			    servlen, flags);
	int g = our_getnameinfo((struct sockaddr *)&sin, sizeof(sin),
				hostlen ? gh : NULL, hostlen, servlen ? gs : NULL,
				servlen, flags);

	if ((w != g || (!w && (strcmp(wh, gh) || strcmp(ws, gs)))) &&
	    !check_failed++)
		printf("FAIL %s -- %s:%d sizes %d %d flags %#x: glibc %d '%s' '%s',"
		       " ours %d '%s' '%s'\n", check_case, inet_ntoa(addr), port,
		       hostlen, servlen, flags, w, wh, ws, g, gh, gs);
}

int main(void)
{
	read_host_names();
	CASE("inet_pton: dotted quads as glibc takes them")
		for (size_t i = 0; i < N(addresses); i++) {
			unsigned char want[4] = { 0 }, got[4] = { 0 };
			int w = inet_pton(AF_INET, addresses[i], want);
			int g = our_inet_pton(AF_INET, addresses[i], got);

			if ((w != g || memcmp(want, got, 4)) && !check_failed++)
				printf("FAIL %s -- '%s': glibc %d, ours %d\n",
				       check_case, addresses[i], w, g);
		}
	CASE("inet_pton: an unknown family is EAFNOSUPPORT")
		CHECK(our_inet_pton(12345, "1.2.3.4", &(int){0}) == -1 &&
		      errno == EAFNOSUPPORT);
	CASE("inet_aton and inet_addr: the BSD forms as glibc takes them")
		for (size_t i = 0; i < N(addresses); i++) {
			struct in_addr want = { 0 }, got = { 0 };
			int w = inet_aton(addresses[i], &want);
			int g = our_inet_aton(addresses[i], &got);

			if ((w != g || want.s_addr != got.s_addr ||
			     inet_addr(addresses[i]) != our_inet_addr(addresses[i])) &&
			    !check_failed++)
				printf("FAIL %s -- '%s': glibc %d %#x, ours %d %#x\n",
				       check_case, addresses[i], w, want.s_addr, g,
				       got.s_addr);
		}
	CASE("inet_ntop and inet_ntoa: every byte value, and too small a buffer") {
		for (unsigned v = 0; v < 256; v++) {
			unsigned char addr[4] = { v, 255 - v, v / 3, 7 };
			char want[INET_ADDRSTRLEN], got[INET_ADDRSTRLEN];
			struct in_addr in;

			memcpy(&in, addr, 4);
			CHECK(our_inet_ntop(AF_INET, addr, got, sizeof(got)) == got);
			inet_ntop(AF_INET, addr, want, sizeof(want));
			CHECK(!strcmp(want, got));
			CHECK(!strcmp(want, our_inet_ntoa(in)));
		}
		errno = 0;
		CHECK(our_inet_ntop(AF_INET, "\1\2\3\4", (char[7]){0}, 7) == NULL &&
		      errno == ENOSPC);
		CHECK(our_inet_ntop(AF_INET, "\1\2\3\4", (char[8]){0}, 8) != NULL);
	}
	CASE("getaddrinfo: numeric and local hosts, services, hints as glibc")
		for (size_t h = 0; h < N(hosts); h++)
		for (size_t s = 0; s < N(services); s++)
		for (size_t f = 0; f < N(families); f++)
		for (size_t t = 0; t < N(socktypes); t++)
		for (size_t fl = 0; fl < N(flag_sets); fl++) {
			struct addrinfo hints = {
				.ai_family = families[f],
				.ai_socktype = socktypes[t],
				.ai_flags = flag_sets[fl],
			};

			compare_getaddrinfo(hosts[h], services[s], &hints);
		}
	CASE("getaddrinfo: a name that is not numeric or localhost: EAI_NONAME") {
		struct addrinfo hints = { .ai_flags = AI_NUMERICHOST }, *res;

		CHECK(our_getaddrinfo("no.such.host", "80", NULL, &res) == EAI_NONAME);
		CHECK(our_getaddrinfo("1.2.3.4.5", NULL, NULL, &res) == EAI_NONAME);
		compare_getaddrinfo("no.such.host", "80", &hints);
		compare_getaddrinfo("1.2.3.4.5", "80", &hints);
	}
	CASE("getaddrinfo: no hints at all, as glibc")
		compare_getaddrinfo("127.0.0.1", "80", &(struct addrinfo){ 0 });
	CASE("getaddrinfo: the names in /etc/hosts, as glibc")
		for (size_t h = 0; h < n_host_names; h++) {
			struct addrinfo hints = { .ai_family = AF_INET };

			compare_getaddrinfo(host_names[h], "80", &hints);
			hints.ai_flags = AI_CANONNAME;
			compare_getaddrinfo(host_names[h], "http", &hints);
		}
	CASE("gethostbyname and gethostbyaddr: /etc/hosts and numbers as glibc") {
		static const char *numbers[] = { "127.0.0.1", "10.0.2.15", "127.1" };
		char a[200], b[200];

		for (size_t h = 0; h < n_host_names; h++) {
			describe_host(gethostbyname(host_names[h]), a, sizeof(a));
			describe_host(our_gethostbyname(host_names[h]), b, sizeof(b));
			CHECK(!strcmp(a, b));
		}
		for (size_t h = 0; h < N(numbers); h++) {
			describe_host(gethostbyname(numbers[h]), a, sizeof(a));
			describe_host(our_gethostbyname(numbers[h]), b, sizeof(b));
			CHECK(!strcmp(a, b));
		}
		for (size_t h = 0; h < n_host_addrs; h++) {
			describe_host(gethostbyaddr(&host_addrs[h], 4, AF_INET), a,
				      sizeof(a));
			describe_host(our_gethostbyaddr(&host_addrs[h], 4, AF_INET),
				      b, sizeof(b));
			CHECK(!strcmp(a, b));
		}
		CHECK(!our_gethostbyname("no.such.host") &&
		      our_h_errno == HOST_NOT_FOUND);
		CHECK(!our_gethostbyaddr(&host_addrs[0], 3, AF_INET));
	}
	CASE("getservbyname and getservbyport: /etc/services as glibc") {
		static const char *names[] = { "http", "www", "echo", "ssh", "domain",
					       "no-such-service" };
		static const char *protos[] = { "tcp", "udp", NULL };
		static const int ports[] = { 7, 22, 53, 80, 12345 };
		char a[200], b[200];

		for (size_t p = 0; p < N(protos); p++) {
			for (size_t n = 0; n < N(names); n++) {
				describe_serv(getservbyname(names[n], protos[p]), a,
					      sizeof(a));
				describe_serv(our_getservbyname(names[n], protos[p]),
					      b, sizeof(b));
				CHECK(!strcmp(a, b));
			}
			for (size_t n = 0; n < N(ports); n++) {
				describe_serv(getservbyport(htons(ports[n]), protos[p]),
					      a, sizeof(a));
				describe_serv(our_getservbyport(htons(ports[n]),
								protos[p]), b, sizeof(b));
				CHECK(!strcmp(a, b));
			}
		}
	}
	CASE("getnameinfo: names from /etc/hosts and /etc/services, as glibc") {
		static const int ports[] = { 7, 80, 22, 53, 12345, 0 };
		static const int flags[] = { 0, NI_NUMERICHOST, NI_NUMERICSERV,
					     NI_DGRAM, NI_NAMEREQD,
					     NI_NUMERICHOST | NI_NUMERICSERV };

		for (size_t h = 0; h < n_host_addrs; h++)
		for (size_t p = 0; p < N(ports); p++)
		for (size_t f = 0; f < N(flags); f++) {
			compare_getnameinfo(host_addrs[h], ports[p], NI_MAXHOST,
					    NI_MAXSERV, flags[f]);
			compare_getnameinfo(host_addrs[h], ports[p], 0, NI_MAXSERV,
					    flags[f]);
			compare_getnameinfo(host_addrs[h], ports[p], NI_MAXHOST, 0,
					    flags[f]);
		}
	}
	CASE("getnameinfo: numbers, short buffers and errors, as glibc") {
		struct in_addr addr = { htonl(0x0a00020f) };   /* 10.0.2.15 */
		struct sockaddr_in sin = { .sin_family = AF_INET };
		struct sockaddr_in odd = { .sin_family = 12345 };
		char host[NI_MAXHOST], serv[NI_MAXSERV];

		for (int size = 1; size <= 12; size++) {
			compare_getnameinfo(addr, 8080, size, NI_MAXSERV,
					    NI_NUMERICHOST);
			compare_getnameinfo(addr, 8080, NI_MAXHOST, size / 2,
					    NI_NUMERICHOST);
			compare_getnameinfo(host_addrs[0], 80, size, size / 2, 0);
		}
		compare_getnameinfo(addr, 0, 0, 0, NI_NUMERICHOST);
		compare_getnameinfo(addr, 0, 0, 0, NI_NAMEREQD);
		compare_getnameinfo(addr, 80, NI_MAXHOST, NI_MAXSERV, 0x1000);
		CHECK(our_getnameinfo((struct sockaddr *)&odd, sizeof(odd), host,
				      sizeof(host), serv, sizeof(serv), 0) ==
		      getnameinfo((struct sockaddr *)&odd, sizeof(odd), host,
				  sizeof(host), serv, sizeof(serv), 0));
		CHECK(our_getnameinfo((struct sockaddr *)&sin, sizeof(sin) - 1, host,
				      sizeof(host), serv, sizeof(serv), 0) ==
		      getnameinfo((struct sockaddr *)&sin, sizeof(sin) - 1, host,
				  sizeof(host), serv, sizeof(serv), 0));
	}
	CASE("getnameinfo: an address with no name and NI_NAMEREQD is EAI_NONAME") {
		struct sockaddr_in sin = {
			.sin_family = AF_INET, .sin_addr = { htonl(0x0a00020f) },
		};
		char host[NI_MAXHOST];

		CHECK(our_getnameinfo((struct sockaddr *)&sin, sizeof(sin), host,
				      sizeof(host), NULL, 0, NI_NAMEREQD) == EAI_NONAME);
		CHECK(our_getnameinfo((struct sockaddr *)&sin, sizeof(sin), host,
				      sizeof(host), NULL, 0, 0) == 0 &&
		      !strcmp(host, "10.0.2.15"));
	}
	CASE("gai_strerror: glibc's messages")
		for (int e = -12; e <= 0; e++)
			CHECK(!strcmp(gai_strerror(e), our_gai_strerror(e)));
	return 0;
}
