/*
 * /etc/services: the names of well-known ports. Each line is a name, the
 * port and protocol, and aliases:
 *
 *     http    80/tcp    www
 *
 * getservbyname and getservbyport answer from a static struct servent
 * that the next call overwrites; s_port is in network order.
 */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "netdb_files.h"

/* word[1] is "80/tcp": cut it in two, the port into s. */
static int parse_port(struct serv_line *l)
{
	char *slash = l->word[1] ? strchr(l->word[1], '/') : NULL;
	char *end;
	unsigned long port;

	if (!slash)
		return -1;
	*slash = '\0';
	port = strtoul(l->word[1], &end, 10);
	if (end == l->word[1] || *end || port > 65535)
		return -1;
	l->s.s_name = l->word[0];
	l->s.s_port = htons(port);
	l->s.s_proto = slash + 1;
	l->s.s_aliases = &l->word[2];
	return 0;
}

static int matches(struct serv_line *l, const char *name, int port,
		   const char *proto)
{
	if (proto && strcmp(l->s.s_proto, proto))
		return 0;
	if (!name)
		return l->s.s_port == port;
	if (!strcmp(l->s.s_name, name))
		return 1;
	for (char **alias = l->s.s_aliases; *alias; alias++)
		if (!strcmp(*alias, name))
			return 1;
	return 0;
}

struct servent *__services_find(const char *name, int port, const char *proto,
				struct serv_line *l)
{
	FILE *f = fopen("/etc/services", "r");
	int found = 0;

	while (f && !found && __db_words(&l->db, f, l->word, DB_MAX_WORDS) >= 0)
		found = parse_port(l) == 0 && matches(l, name, port, proto);
	if (f)
		fclose(f);
	return found ? &l->s : NULL;
}

static struct serv_line last;

struct servent *getservbyname(const char *name, const char *proto)
{
	return __services_find(name, 0, proto, &last);
}

struct servent *getservbyport(int port, const char *proto)
{
	return __services_find(NULL, port, proto, &last);
}
