/*
 * The ChaCha20 block function. Its state is a 4x4 square of 32-bit
 * words:
 *
 *     "expa"  "nd 3"  "2-by"  "te k"     constants
 *     key0    key1    key2    key3
 *     key4    key5    key6    key7
 *     block   block   nonce   nonce      (block number: low word first)
 *
 * Twenty rounds - ten times the four columns, then the four diagonals -
 * each made of quarter rounds: add, xor, rotate. Only additions mod 2^32,
 * xors and rotations, so the time taken never depends on the key. The
 * input added back at the end is what makes the function one-way.
 */
#include "dev/chacha20.h"
#include "lib/lib.h"

static uint32_t rotl(uint32_t x, int n)
{
	return x << n | x >> (32 - n);
}

#define QUARTER(a, b, c, d) do {                         \
	a += b; d = rotl(d ^ a, 16);                     \
	c += d; b = rotl(b ^ c, 12);                     \
	a += b; d = rotl(d ^ a, 8);                      \
	c += d; b = rotl(b ^ c, 7);                      \
} while (0)

void chacha20_block(const uint32_t key[CHACHA20_KEY_WORDS], uint64_t block,
		    uint32_t out[16])
{
	uint32_t in[16] = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 };
	uint32_t *x = out;

	memcpy(&in[4], key, CHACHA20_KEY_WORDS * sizeof(uint32_t));
	in[12] = (uint32_t)block;
	in[13] = (uint32_t)(block >> 32);
	memcpy(x, in, sizeof(in));
	for (int i = 0; i < 10; i++) {
		QUARTER(x[0], x[4], x[8], x[12]);       /* columns */
		QUARTER(x[1], x[5], x[9], x[13]);
		QUARTER(x[2], x[6], x[10], x[14]);
		QUARTER(x[3], x[7], x[11], x[15]);
		QUARTER(x[0], x[5], x[10], x[15]);      /* diagonals */
		QUARTER(x[1], x[6], x[11], x[12]);
		QUARTER(x[2], x[7], x[8], x[13]);
		QUARTER(x[3], x[4], x[9], x[14]);
	}
	for (int i = 0; i < 16; i++)
		x[i] += in[i];
}
