/*
 * The ext3 journal as it lies on the disk: the JBD2 format that mke2fs -j
 * creates and that e2fsck and Linux replay (docs/journal.md draws it).
 * Every field is big-endian, unlike ext2's own structures: the format
 * came from a journaling layer meant for any file system on any CPU.
 *
 * The journal is an ordinary file (inode 8), s_maxlen blocks long. Its
 * block 0 is the journal superblock; blocks s_first .. s_maxlen - 1 are
 * the log, used as a ring. A transaction in the log:
 *
 *   +------------+--------+--------+-----+------------+--------+
 *   | descriptor | copy of| copy of| ... | descriptor | commit |
 *   | tags: 17,  | block  | block  |     | (if more   | block  |
 *   | 1, 290 ... |   17   |    1   |     |  than 124) |        |
 *   +------------+--------+--------+-----+------------+--------+
 *
 * Each log block that is not a copy starts with a header (magic, type,
 * the transaction's sequence number). A copy that happens to start with
 * the magic itself is written with those 4 bytes zeroed and its tag
 * flagged ESCAPE, so that no copy is ever taken for a header.
 *
 * Only the features this code writes or honours: 1 KiB blocks, 32-bit
 * block numbers (8-byte tags: no 64bit feature, no checksums), revoke
 * records (Linux writes them; we only read them).
 */
#ifndef _FS_JBD_H
#define _FS_JBD_H

#include "include/types.h"

#define JBD2_MAGIC_NUMBER    0xC03B3998u    /* first 4 bytes of each header */

/* h_blocktype */
#define JBD2_DESCRIPTOR_BLOCK 1
#define JBD2_COMMIT_BLOCK     2
#define JBD2_SUPERBLOCK_V1    3
#define JBD2_SUPERBLOCK_V2    4
#define JBD2_REVOKE_BLOCK     5

/* The one incompatible feature we understand (revoke records). */
#define JBD2_FEATURE_INCOMPAT_REVOKE 0x1

static inline uint32_t be32_to_cpu(uint32_t x) { return __builtin_bswap32(x); }
static inline uint32_t cpu_to_be32(uint32_t x) { return __builtin_bswap32(x); }
static inline uint16_t be16_to_cpu(uint16_t x) { return __builtin_bswap16(x); }
static inline uint16_t cpu_to_be16(uint16_t x) { return __builtin_bswap16(x); }

struct journal_header {                 /* 12 bytes */
	uint32_t h_magic;
	uint32_t h_blocktype;
	uint32_t h_sequence;            /* the transaction (its "tid") */
};

/* Block 0 of the journal. */
struct journal_superblock {
	struct journal_header s_header;
	uint32_t s_blocksize;           /* 1024 here */
	uint32_t s_maxlen;              /* blocks in the journal */
	uint32_t s_first;               /* the log's first block (1) */
	/* The log's state: where replay starts and which transaction it
	   expects there; s_start == 0 says the log is empty. */
	uint32_t s_sequence;
	uint32_t s_start;
	int32_t  s_errno;               /* set when a journal aborted */
	/* version 2 */
	uint32_t s_feature_compat;
	uint32_t s_feature_incompat;
	uint32_t s_feature_ro_compat;
	uint8_t  s_uuid[16];            /* the journal's id, echoed in tags */
	uint32_t s_nr_users;
	uint32_t s_dynsuper;
	uint32_t s_max_transaction;
	uint32_t s_max_trans_data;
	uint8_t  s_rest[1024 - 0x50];   /* checksums, users: unused here */
};
_Static_assert(sizeof(struct journal_superblock) == 1024, "one block");

/* A descriptor's tag: one per copy that follows it, in order. The
   first tag of a descriptor is followed by the 16-byte uuid; the others
   say SAME_UUID and are not. */
struct journal_block_tag {              /* 8 bytes */
	uint32_t t_blocknr;             /* where the copy belongs */
	uint16_t t_checksum;            /* 0: no checksum feature */
	uint16_t t_flags;
};
#define JBD2_FLAG_ESCAPE    1           /* the copy's magic was zeroed */
#define JBD2_FLAG_SAME_UUID 2           /* no uuid after this tag */
#define JBD2_FLAG_DELETED   4
#define JBD2_FLAG_LAST_TAG  8           /* the descriptor's last tag */
#define JBD2_UUID_BYTES     16

/* The commit block: the transaction is whole once this is on the disk. */
struct commit_header {
	struct journal_header h;
	uint8_t  h_chksum_type, h_chksum_size, h_padding[2];
	uint32_t h_chksum[8];           /* zeros: no checksum feature */
	uint32_t h_commit_sec_hi, h_commit_sec;  /* a big-endian 64-bit */
	uint32_t h_commit_nsec;
};

/* A revoke block: the blocks listed (big-endian 32-bit numbers from
   byte 16 to byte r_count) must not be replayed from this transaction
   or any before it: they were freed, and may hold new data since. */
struct journal_revoke_header {
	struct journal_header r_header;
	uint32_t r_count;               /* bytes used, header included */
};

#endif
