/* The Internet checksum (kernel/net/checksum.c) against RFC 1071's
   example and against the plain definition - big-endian 16-bit words
   added one at a time - for every length, alignment and starting sum. */
#include <stdlib.h>
#include "check.h"
#include "net/inet.h"

static uint16_t plain_checksum(const uint8_t *p, uint32_t len, uint32_t sum)
{
	for (uint32_t i = 0; i < len; i += 2)
		sum += (uint32_t)p[i] << 8 | (i + 1 < len ? p[i + 1] : 0);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons(~sum & 0xffff);
}

int main(void)
{
	CASE("checksum: RFC 1071's example sums to ddf2") {
		const uint8_t ex[] = { 0x00, 0x01, 0xf2, 0x03,
				       0xf4, 0xf5, 0xf6, 0xf7 };
		CHECK(ip_checksum(ex, sizeof(ex), 0) == htons(0x220d));
	}
	CASE("checksum: every length 0..200 at every alignment, any sum") {
		static uint8_t buf[256];
		int bad = 0;

		srand(1);
		for (size_t i = 0; i < sizeof(buf); i++)
			buf[i] = rand();
		for (uint32_t len = 0; len <= 200; len++)
			for (int off = 0; off < 4; off++) {
				uint32_t sum = rand() & 0x3ffff;
				if (ip_checksum(buf + off, len, sum) !=
				    plain_checksum(buf + off, len, sum))
					bad++;
			}
		CHECK(bad == 0);
	}
	CASE("checksum: data with its checksum in it sums to zero") {
		uint8_t pkt[20] = { 0x45, 0, 0, 20, 0, 1, 0, 0, 64, 17 };
		uint16_t c = ip_checksum(pkt, sizeof(pkt), 0);

		pkt[10] = c & 0xff;     /* network order, as stored */
		pkt[11] = c >> 8;
		CHECK(ip_checksum(pkt, sizeof(pkt), 0) == 0);
	}
	return 0;
}
