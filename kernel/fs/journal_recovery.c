/*
 * Replay: after a crash, the journal's log may hold transactions whose
 * commit block reached the disk but whose buffers did not all reach their
 * home blocks. Writing every copy home again makes the file system what
 * it was after the last commit (a copy written twice is harmless: replay
 * can itself be interrupted and run again).
 *
 * The log is read like Linux's and e2fsck's recovery does, from s_start
 * expecting transaction s_sequence, in three passes:
 *
 *   SCAN    find the end: the first transaction without its commit
 *           block (its descriptor and copies are skipped, never written);
 *   REVOKE  note the revoke records (Linux writes them; Sprout does not,
 *           see journal.c) with the newest transaction revoking each;
 *   REPLAY  write each copy home through the buffer cache, unless a
 *           revoke record of the same or a later transaction forbids it.
 *
 *   s_start                                            the end
 *   v                                                  v
 *   [desc 7][copies][commit 7][revoke 8][desc 8][commit 8][desc 9][copies]...
 *   \____ transaction 7 ____/ \_______ transaction 8 _____/ \__ 9: no commit,
 *                                                               dropped
 *
 * Anything unexpected (a block that is no header, a wrong sequence
 * number) ends the log there, as it ends after the last transaction. The
 * journal comes from the disk: every number in it is checked before use.
 */
#include "fs/journal.h"
#include "block/block.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

enum pass { PASS_SCAN, PASS_REVOKE, PASS_REPLAY };

#define NR_REVOKE_HASH 64

struct revoke {
	uint32_t block, tid;            /* the newest tid that revoked it */
	struct revoke *next;
};

struct recovery {
	uint32_t end;                   /* the first tid not committed */
	uint32_t replayed;              /* blocks written, for the printk */
	struct revoke *revoked[NR_REVOKE_HASH];
	char *block;                    /* the header block being read */
};

/* Sequence numbers wrap around: compare them as Linux does. */
static bool tid_after(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) > 0;
}

static struct revoke *find_revoke(struct recovery *r, uint32_t block)
{
	struct revoke *rv;

	for (rv = r->revoked[block % NR_REVOKE_HASH]; rv; rv = rv->next)
		if (rv->block == block)
			return rv;
	return NULL;
}

static int set_revoke(struct recovery *r, uint32_t block, uint32_t tid)
{
	struct revoke *rv = find_revoke(r, block);

	if (rv) {
		if (tid_after(tid, rv->tid))
			rv->tid = tid;
		return 0;
	}
	if (!(rv = kmalloc(sizeof(*rv))))
		return -ENOMEM;
	rv->block = block;
	rv->tid = tid;
	rv->next = r->revoked[block % NR_REVOKE_HASH];
	r->revoked[block % NR_REVOKE_HASH] = rv;
	return 0;
}

static void free_revokes(struct recovery *r)
{
	for (int i = 0; i < NR_REVOKE_HASH; i++)
		while (r->revoked[i]) {
			struct revoke *rv = r->revoked[i];

			r->revoked[i] = rv->next;
			kfree(rv);
		}
}

/* A revoke block of transaction tid: its records, 4 bytes each. */
static int note_revokes(struct recovery *r, uint32_t tid)
{
	struct journal_revoke_header *h = (struct journal_revoke_header *)r->block;
	uint32_t count = be32_to_cpu(h->r_count);
	int err = 0;

	if (count > BLOCK_SIZE)
		return -EINVAL;
	for (uint32_t off = sizeof(*h); off + 4 <= count && !err; off += 4)
		err = set_revoke(r, be32_to_cpu(*(uint32_t *)(r->block + off)), tid);
	return err;
}

/* Calls fn for each tag of the descriptor in r->block (the log block of
   its copy comes next, from *pos on), as the tags' flags chain them:
   each has 8 bytes, the ones without SAME_UUID 16 more, the LAST_TAG
   ends the list, and so does the end of the block. The number of tags,
   or fn's error. */
static int for_each_tag(struct recovery *r, uint32_t *pos, uint32_t tid,
			int (*fn)(struct recovery *, struct journal_block_tag *,
				  uint32_t pos, uint32_t tid))
{
	uint32_t off = sizeof(struct journal_header);
	int err, n = 0;

	while (off + sizeof(struct journal_block_tag) <= BLOCK_SIZE) {
		struct journal_block_tag *tag =
			(struct journal_block_tag *)(r->block + off);
		uint16_t flags = be16_to_cpu(tag->t_flags);

		if (fn && (err = fn(r, tag, *pos, tid)))
			return err;
		*pos = journal_next(*pos);
		n++;
		off += sizeof(*tag);
		if (!(flags & JBD2_FLAG_SAME_UUID))
			off += JBD2_UUID_BYTES;
		if (flags & JBD2_FLAG_LAST_TAG)
			break;
	}
	return n;
}

/* The copy at log block pos goes home, into the buffer cache (so that
   the buffers the mount already holds, the superblock's, see it) and
   from there to the disk. */
static int replay_tag(struct recovery *r, struct journal_block_tag *tag,
		      uint32_t pos, uint32_t tid)
{
	uint32_t block = be32_to_cpu(tag->t_blocknr);
	struct revoke *rv = find_revoke(r, block);
	struct buffer_head *bh;
	int err;

	if (rv && !tid_after(tid, rv->tid))
		return 0;               /* freed later: leave it be */
	if (block < sbi.s->s_first_data_block || block >= sbi.s->s_blocks_count) {
		printk("ext3: journal copy of block %u is outside the disk\n", block);
		return -EINVAL;
	}
	if (buffers_dirty() >= journal.threshold) {     /* room for more */
		uint32_t n = dirty_buffers(journal.trans, journal.max_trans);

		if ((err = journal_checkpoint(n)))
			return err;
	}
	if (!(bh = getblk(block)))
		return -ENOMEM;
	err = journal_rw(BLK_READ, pos, 1, &bh->b_data);
	if (!err && (be16_to_cpu(tag->t_flags) & JBD2_FLAG_ESCAPE))
		*(uint32_t *)bh->b_data = cpu_to_be32(JBD2_MAGIC_NUMBER);
	bh->b_uptodate = !err;
	if (!err)
		mark_buffer_dirty(bh);
	brelse(bh);
	r->replayed++;
	return err;
}

/* Walk the log from s_start; stop at its end (found by PASS_SCAN). A
   log that would take more blocks than it has is corrupt (a loop). */
static int one_pass(struct recovery *r, enum pass pass)
{
	uint32_t pos = be32_to_cpu(journal.jsb->s_start);
	uint32_t tid = be32_to_cpu(journal.jsb->s_sequence);
	uint32_t walked = 0, size = journal.maxlen - journal.first;
	struct journal_header *h = (struct journal_header *)r->block;
	int err = 0;

	while (pass == PASS_SCAN || tid != r->end) {
		int tags = 0;

		if (journal_rw(BLK_READ, pos, 1, &r->block))
			return -EIO;
		pos = journal_next(pos);
		if (be32_to_cpu(h->h_magic) != JBD2_MAGIC_NUMBER ||
		    be32_to_cpu(h->h_sequence) != tid)
			break;
		switch (be32_to_cpu(h->h_blocktype)) {
		case JBD2_DESCRIPTOR_BLOCK:
			tags = for_each_tag(r, &pos, tid,
					    pass == PASS_REPLAY ? replay_tag : NULL);
			break;
		case JBD2_COMMIT_BLOCK:
			tid++;
			break;
		case JBD2_REVOKE_BLOCK:
			if (pass == PASS_REVOKE)
				err = note_revokes(r, tid);
			break;
		default:
			goto end;
		}
		if (tags < 0 || err)
			return tags < 0 ? tags : err;
		walked += 1 + tags;
		if (walked > size) {
			printk("ext3: the journal's log loops\n");
			return -EINVAL;
		}
	}
end:
	if (pass == PASS_SCAN)
		r->end = tid;
	else if (tid != r->end)         /* the disk changed under us? */
		return -EIO;
	return 0;
}

int journal_recover(void)
{
	struct recovery r = { 0 };
	uint32_t start = be32_to_cpu(journal.jsb->s_sequence);
	int err;

	if (!(r.block = kmalloc(BLOCK_SIZE)))
		return -ENOMEM;
	journal.committing = true;      /* getblk() must not commit now */
	err = one_pass(&r, PASS_SCAN);
	if (!err)
		err = one_pass(&r, PASS_REVOKE);
	if (!err)
		err = one_pass(&r, PASS_REPLAY);
	while (!err && buffers_dirty())
		err = journal_checkpoint(dirty_buffers(journal.trans, journal.max_trans));
	journal.committing = false;
	free_revokes(&r);
	kfree(r.block);
	if (err) {
		printk("ext3: journal replay failed (%d)\n", err);
		return err;
	}
	/* The next transaction skips one number: a stray block of the
	   dropped transaction can never pass for one of ours. */
	journal.tid = r.end + 1;
	return r.end - start;
}
