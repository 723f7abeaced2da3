/*
 * wget: fetch one file over HTTP/1.0.
 *
 *   wget [-q] [-O file] http://host[:port]/path
 *
 * The file is saved under the URL's last part (index.html for a
 * folder), or as -O says ("-O -": standard output). The client side of
 * httpd's conversation: connect, send the request line and a Host
 * header, read the status line and headers up to the empty line; the
 * rest is the file. A status other than 2xx is an error (exit 8, as GNU
 * wget's "server issued an error response"), and so is a body shorter
 * than its Content-Length.
 */
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "endpoint.h"

#define MAX_HEAD 8192

static void usage(void)
{
	fprintf(stderr, "usage: wget [-q] [-O file] http://host[:port]/path\n");
	exit(2);
}

struct url {
	char host[256], port[8];
	const char *path;               /* "/..." */
};

/* "http://host[:port]/path" into u; false if it is not one. */
static int parse_url(const char *text, struct url *u)
{
	const char *host, *end, *colon, *host_end;

	if (strncmp(text, "http://", 7))
		return 0;
	host = text + 7;
	end = host + strcspn(host, "/");
	colon = memchr(host, ':', end - host);
	host_end = colon ? colon : end;
	if (host_end == host || host_end - host >= 256)
		return 0;
	snprintf(u->host, sizeof(u->host), "%.*s", (int)(host_end - host), host);
	if (colon && (end - colon - 1 < 1 || end - colon - 1 > 5))
		return 0;
	snprintf(u->port, sizeof(u->port), "%.*s",
		 colon ? (int)(end - colon - 1) : 2, colon ? colon + 1 : "80");
	u->path = *end ? end : "/";
	return 1;
}

/* The name to save under: the path's last part, or index.html. */
static const char *local_name(const char *path)
{
	static char name[256];
	const char *last = strrchr(path, '/') + 1;
	size_t n = strcspn(last, "?");

	if (n == 0 || n >= sizeof(name))
		return "index.html";
	memcpy(name, last, n);
	name[n] = '\0';
	return name;
}

static void send_request(int sock, const struct url *u)
{
	char req[MAX_HEAD];
	int n = snprintf(req, sizeof(req), "GET %s HTTP/1.0\r\nHost: %s:%s\r\n"
			 "User-Agent: sprout-wget\r\nConnection: close\r\n\r\n",
			 u->path, u->host, u->port);

	if (n >= (int)sizeof(req))
		errx(1, "URL too long");
	if (write(sock, req, n) != n)
		err(1, "send");
}

/* Reads the answer's head into buf; returns where the body starts in
   buf, *got the bytes read. */
static char *read_head(int sock, char *buf, size_t *got)
{
	char *end;

	*got = 0;
	for (;;) {
		ssize_t n = read(sock, buf + *got, MAX_HEAD - 1 - *got);
		if (n < 0)
			err(1, "read");
		*got += n;
		buf[*got] = '\0';
		if ((end = strstr(buf, "\r\n\r\n")))
			return end + 4;
		if (n == 0 || *got == MAX_HEAD - 1)
			errx(1, "no HTTP answer");
	}
}

/* The Content-Length header's value, or -1 if there is none. */
static long long content_length(char *head)
{
	for (char *line = strstr(head, "\r\n"); line; line = strstr(line + 2, "\r\n"))
		if (!strncasecmp(line + 2, "Content-Length:", 15))
			return atoll(line + 17);
	return -1;
}

int main(int argc, char **argv)
{
	const char *out_name = NULL, *url_text;
	char head[MAX_HEAD], *body, status[64];
	int quiet = 0, opt, sock, out;
	long long length, saved;
	struct url u;
	size_t got;

	while ((opt = getopt(argc, argv, "qO:")) != -1) {
		if (opt == 'q')
			quiet = 1;
		else if (opt == 'O')
			out_name = optarg;
		else
			usage();
	}
	if (argc - optind != 1)
		usage();
	url_text = argv[optind];
	if (!parse_url(url_text, &u))
		errx(1, "%s: not an http://host[:port]/path URL", url_text);

	struct addrinfo *addr = inet_endpoint(u.host, u.port, SOCK_STREAM, 0);
	sock = socket(addr->ai_family, addr->ai_socktype, addr->ai_protocol);
	if (sock < 0)
		err(1, "socket");
	if (connect(sock, addr->ai_addr, addr->ai_addrlen) < 0)
		err(1, "%s port %s", u.host, u.port);
	send_request(sock, &u);

	body = read_head(sock, head, &got);
	snprintf(status, sizeof(status), "%.*s", (int)strcspn(head, "\r"), head);
	if (strncmp(head, "HTTP/1.", 7) || head[8] != ' ')
		errx(1, "%s: not an HTTP answer", url_text);
	if (head[9] != '2')
		errx(8, "%s: %s", url_text, status + 9);
	length = content_length(head);

	if (!out_name)
		out_name = local_name(u.path);
	out = !strcmp(out_name, "-") ? STDOUT_FILENO :
		open(out_name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (out < 0)
		err(1, "%s", out_name);
	saved = got - (body - head);
	if (write(out, body, saved) != saved)
		err(1, "%s", out_name);
	for (;;) {
		char buf[8192];
		ssize_t n = read(sock, buf, sizeof(buf));
		if (n < 0)
			err(1, "read");
		if (n == 0)
			break;
		if (write(out, buf, n) != n)
			err(1, "%s", out_name);
		saved += n;
	}
	if (length >= 0 && saved != length)
		errx(1, "%s: %lld bytes of %lld: connection closed early",
		     url_text, saved, length);
	if (out != STDOUT_FILENO && close(out) < 0)
		err(1, "%s", out_name);
	if (!quiet)
		fprintf(stderr, "'%s' saved [%lld]\n", out_name, saved);
	return 0;
}
