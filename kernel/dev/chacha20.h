/*
 * ChaCha20, Daniel Bernstein's stream cipher (RFC 8439 describes it):
 * a 256-bit key and a 64-bit block number give 64 bytes of key stream.
 * Without the key, the stream cannot be told from random bytes, nor run
 * backwards to the key; dev/random.c runs it as the kernel's generator.
 * This file knows nothing of the kernel: the host tests check it
 * against the RFC's vectors.
 */
#ifndef _DEV_CHACHA20_H
#define _DEV_CHACHA20_H

#include "include/types.h"

#define CHACHA20_KEY_WORDS 8    /* 256 bits */
#define CHACHA20_BLOCK     64   /* bytes per block number */

/* Block `block` of the key stream of `key` (nonce 0), as 16 words; in
   memory, little-endian, they are the stream's 64 bytes in order. */
void chacha20_block(const uint32_t key[CHACHA20_KEY_WORDS], uint64_t block,
		    uint32_t out[16]);

#endif
