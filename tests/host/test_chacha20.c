/* The ChaCha20 block function (kernel/dev/chacha20.c) against known key
   streams: RFC 8439's appendix A.1 vector 1 (all-zero key, block 0), and
   one with a key of bytes 0..31 and a block number using both words,
   whose stream OpenSSL's chacha20 gave (iv = the block number, low word
   first, little-endian). */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "dev/chacha20.h"

static void stream(const uint32_t key[8], uint64_t block, const char *hex,
		   const char *name)
{
	uint32_t out[16];
	unsigned char want[64];

	for (int i = 0; i < 64; i++) {
		unsigned int byte;

		sscanf(hex + 2 * i, "%2x", &byte);
		want[i] = byte;
	}
	CASE(name) {
		chacha20_block(key, block, out);
		CHECK(memcmp(out, want, 64) == 0);
	}
}

int main(void)
{
	uint32_t zero[8] = { 0 }, counting[8];
	unsigned char bytes[32];

	for (int i = 0; i < 32; i++)
		bytes[i] = i;
	memcpy(counting, bytes, sizeof(bytes));
	stream(zero, 0,
	       "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
	       "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586",
	       "chacha20: RFC 8439 A.1 #1, zero key, block 0");
	stream(counting, 0x0000000500000007ULL,
	       "72dd3043735ecefed396c21f8b95ad8f7ed0a3f9e67a3f2f1a208acc1ad59b2c"
	       "89c4f4d4a8ecfbbfd97004bd93e75d937b3a5344b2f7de3d1549d17812cbf4fc",
	       "chacha20: key 0..31, block 5:7 (both counter words)");
	return 0;
}
