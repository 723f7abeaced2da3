/*
 * Inside libc: one line of /etc/hosts or /etc/services found by name or
 * by number (libc/hosts.c, libc/services.c). gethostbyname and
 * getservbyname answer from a static one; getaddrinfo and getnameinfo
 * each use their own, so that they do not spoil what a program got from
 * gethostbyname.
 */
#ifndef _LIBC_NETDB_FILES_H
#define _LIBC_NETDB_FILES_H
#include <netdb.h>
#include <netinet/in.h>
#include "fields.h"

#define DB_MAX_WORDS 16

/* "127.0.0.1  localhost  loopback": the address, the official name,
   its aliases; h and the lists point into db.line. */
struct host_line {
	struct db db;
	char *word[DB_MAX_WORDS + 1];
	struct in_addr addr;
	char *addr_list[2];
	struct hostent h;
};

/* By name (a name or an alias, in any case, as glibc) or, name NULL, by
   address: the first IPv4 line that matches, or NULL. "localhost" is
   127.0.0.1 even when /etc/hosts does not say so. */
struct hostent *__hosts_find(const char *name, const struct in_addr *addr,
			     struct host_line *line);

/* "http  80/tcp  www": the name, port/protocol, aliases. */
struct serv_line {
	struct db db;
	char *word[DB_MAX_WORDS + 1];
	struct servent s;
};

/* By name (or alias) or, name NULL, by port (network order); proto
   "tcp", "udp" or NULL for either: the first line that matches, or NULL. */
struct servent *__services_find(const char *name, int port, const char *proto,
				struct serv_line *line);

#endif
