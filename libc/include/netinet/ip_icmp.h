/*
 * ICMP messages (RFC 792) as a ping socket sends and receives them:
 * socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP) carries the ICMP header and
 * its data, without the IP header; Linux's struct icmphdr.
 */
#ifndef _NETINET_IP_ICMP_H
#define _NETINET_IP_ICMP_H

#include <stdint.h>
#include <netinet/in.h>

struct icmphdr {
	uint8_t type;                   /* ICMP_ECHO ... */
	uint8_t code;
	uint16_t checksum;              /* a ping socket's kernel fills it */
	union {
		struct {
			uint16_t id;    /* a ping socket's kernel sets it */
			uint16_t sequence;
		} echo;
		uint32_t gateway;
	} un;
};

#define ICMP_ECHOREPLY 0
#define ICMP_DEST_UNREACH 3
#define ICMP_ECHO 8
#define ICMP_TIME_EXCEEDED 11

#endif
