/*
 * The Internet checksum (RFC 1071) that IPv4, ICMP, UDP and TCP headers
 * carry: a receiver that adds up the words of what arrived, the checksum
 * field included, gets all ones unless a bit changed on the way.
 */
#include "net/inet.h"

/* RFC 1071: the 16-bit ones' complement sum of the data, complemented.
   Two properties of that sum make it quick (RFC 1071 section 2):
   carries can be added back in at the end (so 32-bit words go into a
   64-bit sum, folded to 16 bits once), and it does not care about byte
   order (so the words are added as the little-endian i386 reads them,
   and the result is byte-swapped once). sum: a partial sum the caller
   made of big-endian 16-bit values, such as ip_pseudo_sum's. */
uint16_t ip_checksum(const void *data, uint32_t len, uint32_t sum)
{
	const uint8_t *p = data;
	uint64_t native = 0;
	uint32_t word;

	for (; len >= 4; p += 4, len -= 4) {
		__builtin_memcpy(&word, p, 4);
		native += word;
	}
	for (; len >= 2; p += 2, len -= 2)
		native += (uint32_t)p[1] << 8 | p[0];
	if (len)
		native += p[0];         /* a last odd byte: the word's first */
	/* Fold the carries back in: 64 bits to 32, then 32 to 16, each
	   twice (the first add may carry once more). */
	native = (native & 0xffffffff) + (native >> 32);
	word = (uint32_t)native + (uint32_t)(native >> 32);
	word = (word & 0xffff) + (word >> 16);
	word = (word & 0xffff) + (word >> 16);
	sum += __builtin_bswap16((uint16_t)word);
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return htons(~sum & 0xffff);
}

/* The pseudo-header TCP and UDP sum along with their own bytes, so a
   segment delivered to the wrong address fails its checksum. */
uint32_t ip_pseudo_sum(uint32_t saddr, uint32_t daddr, uint8_t proto,
		       uint16_t len)
{
	saddr = ntohl(saddr);
	daddr = ntohl(daddr);
	return (saddr >> 16) + (saddr & 0xffff) + (daddr >> 16) +
	       (daddr & 0xffff) + proto + len;
}
