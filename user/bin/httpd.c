/*
 * httpd: a small HTTP/1.0 server of the files under one folder.
 *
 *   httpd [-p port] [dir]       (port 80, dir the current folder)
 *
 * It is the lecture's echo server v3 with another conversation: accept
 * a connection, fork a child for it, and the child reads one request,
 *
 *     GET /docs/index.html HTTP/1.0\r\n
 *     Host: 127.0.0.1:8080\r\n
 *     \r\n
 *
 * and answers with a status line, headers and the file:
 *
 *     HTTP/1.0 200 OK\r\n
 *     Content-Type: text/html\r\n
 *     Content-Length: 1234\r\n
 *     \r\n
 *     <the 1234 bytes>
 *
 * then closes the connection (HTTP/1.0: one request per connection).
 * A folder is answered with its index.html. Paths never leave dir: a
 * ".." part is refused (403). Each request is logged on standard output.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "endpoint.h"

#define MAX_QUEUE 16
#define MAX_REQUEST 4096

static void usage(void)
{
	fprintf(stderr, "usage: httpd [-p port] [dir]\n");
	exit(2);
}

/* All of buf, or false when the client has gone. */
static int send_all(int sock, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t w = write(sock, buf, n);
		if (w <= 0)
			return 0;
		buf += w;
		n -= w;
	}
	return 1;
}

static const struct {
	const char *suffix, *type;
} types[] = {
	{ ".html", "text/html" }, { ".htm", "text/html" },
	{ ".txt", "text/plain" }, { ".c", "text/plain" }, { ".h", "text/plain" },
	{ ".md", "text/plain" }, { ".css", "text/css" },
	{ ".js", "text/javascript" }, { ".json", "application/json" },
	{ ".png", "image/png" }, { ".jpg", "image/jpeg" },
	{ ".gif", "image/gif" }, { ".svg", "image/svg+xml" },
	{ ".pdf", "application/pdf" },
};

/* The Content-Type a file's name suffix says. */
static const char *content_type(const char *path)
{
	size_t len = strlen(path);

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		size_t n = strlen(types[i].suffix);
		if (len >= n && !strcmp(path + len - n, types[i].suffix))
			return types[i].type;
	}
	return "application/octet-stream";
}

static void send_head(int sock, const char *status, const char *type,
		      long long length)
{
	char head[256];
	int n = snprintf(head, sizeof(head), "HTTP/1.0 %s\r\n"
			 "Server: sprout-httpd\r\n"
			 "Content-Type: %s\r\n"
			 "Content-Length: %lld\r\n"
			 "Connection: close\r\n\r\n", status, type, length);

	send_all(sock, head, n);
}

/* An error's answer: its status and a line of HTML saying it. */
static void send_error(int sock, const char *status, int with_body)
{
	char body[128];
	int n = snprintf(body, sizeof(body), "<h1>%s</h1>\n", status);

	send_head(sock, status, "text/html", n);
	if (with_body)
		send_all(sock, body, n);
}

/* %41 is 'A': the path as the client meant it, decoded in place. False
   for a broken escape or a NUL. */
static int url_decode(char *s)
{
	char *out = s;

	for (; *s; s++) {
		unsigned int c;

		if (*s != '%') {
			*out++ = *s;
			continue;
		}
		if (sscanf(s + 1, "%2x", &c) != 1 || !s[1] || !s[2] || c == 0)
			return 0;
		*out++ = c;
		s += 2;
	}
	*out = '\0';
	return 1;
}

/* A path that could leave the folder we serve: a ".." part. */
static int escapes(const char *path)
{
	for (const char *p = path; (p = strstr(p, "..")); p += 2)
		if ((p == path || p[-1] == '/') && (p[2] == '/' || !p[2]))
			return 1;
	return 0;
}

/* The status for a failed open of the file asked for. */
static const char *open_error(int e)
{
	if (e == ENOENT || e == ENOTDIR)
		return "404 Not Found";
	return "403 Forbidden";
}

/* Opens what the request names under the current folder (dir): a
   folder's index.html. -1 with the status to send in *status. */
static int open_target(const char *url, const char **status)
{
	char path[MAX_REQUEST + 16];
	struct stat st;
	int fd;

	snprintf(path, sizeof(path), ".%s", url);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		strcat(path, "/index.html");
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		*status = open_error(errno);
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		*status = "403 Forbidden";
		return -1;
	}
	*status = "200 OK";
	return fd;
}

/* Reads the request up to its empty line; the request line, cut into
   method, url and version, or false if there is none. */
static int read_request(int sock, char *buf, char **method, char **url,
			char **version)
{
	size_t got = 0;
	char *rest;

	while (got < MAX_REQUEST - 1) {
		ssize_t n = read(sock, buf + got, MAX_REQUEST - 1 - got);
		if (n <= 0)
			break;
		got += n;
		buf[got] = '\0';
		if (strstr(buf, "\r\n\r\n") || strstr(buf, "\n\n"))
			break;
	}
	buf[got] = '\0';
	buf[strcspn(buf, "\r\n")] = '\0';       /* the request line only */
	*method = strtok_r(buf, " ", &rest);
	*url = strtok_r(NULL, " ", &rest);
	*version = strtok_r(NULL, " ", &rest);
	return *method && *url && *version && !strtok_r(NULL, " ", &rest) &&
	       !strncmp(*version, "HTTP/", 5);
}

/* One connection: one request, one answer. */
static void serve(int sock, const char *client)
{
	char buf[MAX_REQUEST], *method, *url, *version, data[8192];
	const char *status = "400 Bad Request";
	int fd = -1, head = 0;
	struct stat st;
	ssize_t n;

	if (read_request(sock, buf, &method, &url, &version)) {
		head = !strcmp(method, "HEAD");
		url[strcspn(url, "?")] = '\0';  /* no queries: files only */
		if (strcmp(method, "GET") && !head)
			status = "501 Not Implemented";
		else if (url[0] != '/' || !url_decode(url))
			status = "400 Bad Request";
		else if (escapes(url))
			status = "403 Forbidden";
		else
			fd = open_target(url, &status);
	}
	printf("%s \"%s %s\" %.3s\n", client, method ? method : "-",
	       url ? url : "-", status);
	fflush(stdout);
	if (fd < 0) {
		send_error(sock, status, !head);
		return;
	}
	fstat(fd, &st);
	send_head(sock, status, content_type(url), st.st_size);
	while (!head && (n = read(fd, data, sizeof(data))) > 0)
		if (!send_all(sock, data, n))
			break;
	close(fd);
}

/* The client's address as text, for the log. */
static void describe(struct sockaddr_storage *addr, socklen_t len,
		     char *out, size_t size)
{
	if (getnameinfo((struct sockaddr *)addr, len, out, size, NULL, 0,
			NI_NUMERICHOST))
		snprintf(out, size, "-");
}

int main(int argc, char **argv)
{
	const char *port = "80";
	int opt, on = 1;

	while ((opt = getopt(argc, argv, "p:")) != -1) {
		if (opt == 'p')
			port = optarg;
		else
			usage();
	}
	if (argc - optind > 1)
		usage();
	if (optind < argc && chdir(argv[optind]) < 0)
		err(1, "%s", argv[optind]);

	struct addrinfo *addr = inet_endpoint(NULL, port, SOCK_STREAM, AI_PASSIVE);
	int server = socket(addr->ai_family, addr->ai_socktype, addr->ai_protocol);
	if (server < 0)
		err(1, "socket");
	setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	if (bind(server, addr->ai_addr, addr->ai_addrlen) < 0)
		err(1, "port %s", port);
	if (listen(server, MAX_QUEUE) < 0)
		err(1, "listen");
	signal(SIGCHLD, SIG_IGN);               /* no zombies: v3 */
	signal(SIGPIPE, SIG_IGN);               /* a client gone: write fails */
	while (1) {
		struct sockaddr_storage from;
		socklen_t len = sizeof(from);
		int conn = accept(server, (struct sockaddr *)&from, &len);
		char client[NI_MAXHOST];

		if (conn < 0) {
			if (errno == EINTR)
				continue;
			err(1, "accept");
		}
		pid_t pid = fork();
		if (pid < 0) {
			warn("fork");
		} else if (pid == 0) {
			close(server);
			describe(&from, len, client, sizeof(client));
			serve(conn, client);
			close(conn);
			exit(0);
		}
		close(conn);
	}
}
