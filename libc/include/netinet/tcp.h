/*
 * TCP's socket options: setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, ...).
 * The numbers are Linux's, in <sprout/in.h>.
 */
#ifndef _NETINET_TCP_H
#define _NETINET_TCP_H

#include <netinet/in.h>

#endif
