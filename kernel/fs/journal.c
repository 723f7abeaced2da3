/*
 * The ext3 journal: ordered mode, one transaction at a time.
 *
 * Every file-system call holds the fs lock from start to end, so when a
 * task takes it no operation is half done: the dirty buffers then are a
 * consistent set of changes, the running transaction. journal_commit()
 * makes them durable in six steps (docs/journal.md draws them):
 *
 *   1. data first (ordered mode): dirty file pages go to their blocks,
 *      dirty inodes into their inode-table buffers;
 *   2. the log: descriptor blocks and a copy of every dirty buffer into
 *      the journal, and the journal superblock pointing at them; FLUSH
 *   3. the commit block; FLUSH. From here on the transaction survives a
 *      crash: the next mount (or e2fsck, or Linux) replays it;
 *   4. checkpoint: the buffers to their home blocks; FLUSH
 *   5. the journal is empty again (s_start = 0); FLUSH;
 *   6. blocks freed in the transaction may be handed out again
 *      (ext2_blocks_committed): their old owners' deletion is durable.
 *
 * A crash before the commit block is on the disk loses the transaction
 * whole: replay ignores a transaction without its commit block, and no
 * buffer went home before (getblk() commits rather than write one back).
 * A crash after it is repaired by replay, which writes the copies home.
 *
 * Step 5 is also why Sprout never writes revoke records: the journal
 * holds at most the transaction being committed, and is empty before any
 * later write. A block freed in this transaction and reused for file
 * data in the next can therefore never be overwritten by an old copy at
 * replay (that is the danger Linux's revoke records guard against, as its
 * log keeps many transactions awaiting checkpoint).
 */
#include "fs/journal.h"
#include "fs/page_cache.h"
#include "block/block.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define MAP_PER_PAGE  (PAGE_SIZE / sizeof(uint32_t))
#define MAX_MAP_PAGES (PAGE_SIZE / sizeof(uint32_t *))
/* Tags in one descriptor block: the header, one uuid, 8-byte tags. */
#define TAGS_PER_DESC ((BLOCK_SIZE - sizeof(struct journal_header) - \
			JBD2_UUID_BYTES) / sizeof(struct journal_block_tag))

struct journal journal;

uint32_t journal_bmap(uint32_t pos)
{
	return journal.map[pos / MAP_PER_PAGE][pos % MAP_PER_PAGE];
}

uint32_t journal_next(uint32_t pos)
{
	return pos + 1 < journal.maxlen ? pos + 1 : journal.first;
}

/* One disk request per stretch of the journal whose blocks follow one
   another on the disk too (mke2fs lays the journal out in long runs,
   broken only by its indirect blocks). */
int journal_rw(int write, uint32_t pos, uint32_t count, char *const data[])
{
	uint32_t k;

	for (uint32_t i = 0; i < count; i += k) {
		uint32_t disk = journal_bmap(pos);

		for (k = 1; i + k < count && journal_next(pos) == pos + 1 &&
		     journal_bmap(pos + 1) == disk + k; k++)
			pos++;
		pos = journal_next(pos);
		if (ata_rw_blocks(write, disk * BLOCK_SECTS, k * BLOCK_SECTS, &data[i]))
			return -EIO;
	}
	return 0;
}

static int flush(void)
{
	return ata_flush() ? -EIO : 0;
}

int journal_write_super(void)
{
	char *data = (char *)journal.jsb;

	return journal_rw(BLK_WRITE, 0, 1, &data) ? -EIO : flush();
}

int journal_checkpoint(uint32_t n)
{
	int err = write_buffers(journal.trans, n);

	return flush() ? -EIO : err;
}

/* The ext2 superblock straight to the disk, not through the journal:
   for the RECOVER flag, while no transaction is running. */
static int write_ext2_super(void)
{
	if (ata_rw_blocks(BLK_WRITE, sbi.sbh->b_blocknr * BLOCK_SECTS,
			  BLOCK_SECTS, &sbi.sbh->b_data))
		return -EIO;
	return flush();
}

/* Something could not be written: stop. Nothing more goes to the disk
   through the journal (dirty buffers stay in memory; every commit, so
   every fsync and sync, fails with EIO), so the disk keeps its last
   committed state, which the next mount's replay or e2fsck completes.
   The journal superblock records the error for e2fsck, if it can. */
static int journal_abort(void)
{
	printk("ext3: journal write failed: journal aborted, "
	       "nothing more is written\n");
	journal.aborted = true;
	journal.jsb->s_errno = cpu_to_be32((uint32_t)-EIO);
	journal_write_super();
	return -EIO;
}

static void set_header(void *block, uint32_t type, uint32_t tid)
{
	struct journal_header *h = block;

	h->h_magic = cpu_to_be32(JBD2_MAGIC_NUMBER);
	h->h_blocktype = cpu_to_be32(type);
	h->h_sequence = cpu_to_be32(tid);
}

/* Tag i of a descriptor: after the header, the first tag and the uuid
   that follows it, then the others. */
static struct journal_block_tag *tag_at(char *desc, uint32_t i)
{
	uint32_t off = sizeof(struct journal_header) + i * sizeof(struct journal_block_tag);

	if (i)
		off += JBD2_UUID_BYTES;
	return (struct journal_block_tag *)(desc + off);
}

/* A copy must not start with the magic, or replay would take it for a
   header: zero it in the buffer itself for the write (we hold the fs
   lock: nobody else looks at the buffer meanwhile), flag the tag, and
   put the magic back once the write is done. */
static bool escape(struct buffer_head *bh)
{
	uint32_t *word = (uint32_t *)bh->b_data;

	if (*word != cpu_to_be32(JBD2_MAGIC_NUMBER))
		return false;
	*word = 0;
	return true;
}

/* Descriptor d and the copies of the k buffers from trans[i] on that it
   describes, into the log at *pos. */
static int log_group(uint32_t d, uint32_t i, uint32_t k, uint32_t *pos)
{
	char *desc = journal.desc[d], *data[1 + TAGS_PER_DESC];
	int err;

	memset(desc, 0, BLOCK_SIZE);
	set_header(desc, JBD2_DESCRIPTOR_BLOCK, journal.tid);
	memcpy(desc + sizeof(struct journal_header) + sizeof(struct journal_block_tag),
	       journal.jsb->s_uuid, JBD2_UUID_BYTES);
	data[0] = desc;
	for (uint32_t j = 0; j < k; j++) {
		struct journal_block_tag *tag = tag_at(desc, j);
		struct buffer_head *bh = journal.trans[i + j];
		uint16_t flags = j ? JBD2_FLAG_SAME_UUID : 0;

		if (escape(bh))
			flags |= JBD2_FLAG_ESCAPE;
		if (j == k - 1)
			flags |= JBD2_FLAG_LAST_TAG;
		tag->t_blocknr = cpu_to_be32(bh->b_blocknr);
		tag->t_flags = cpu_to_be16(flags);
		data[1 + j] = bh->b_data;
	}
	err = journal_rw(BLK_WRITE, *pos, 1 + k, data);
	for (uint32_t j = 0; j < k; j++)
		if (be16_to_cpu(tag_at(desc, j)->t_flags) & JBD2_FLAG_ESCAPE)
			*(uint32_t *)journal.trans[i + j]->b_data =
				cpu_to_be32(JBD2_MAGIC_NUMBER);
	for (uint32_t j = 0; j < 1 + k; j++)
		*pos = journal_next(*pos);
	return err;
}

/* Steps 2 and 3 for trans[0..n): after this the transaction is durable. */
static int write_log(uint32_t n)
{
	struct commit_header *c = (struct commit_header *)journal.commit_block;
	uint32_t pos = journal.first, k;
	char *data = journal.commit_block;

	for (uint32_t i = 0; i < n; i += k) {
		k = n - i < TAGS_PER_DESC ? n - i : TAGS_PER_DESC;
		if (log_group(i / TAGS_PER_DESC, i, k, &pos))
			return -EIO;
	}
	/* Replay starts at the log's first block, expecting this tid. */
	journal.jsb->s_start = cpu_to_be32(journal.first);
	journal.jsb->s_sequence = cpu_to_be32(journal.tid);
	if (journal_write_super())      /* flushes the log, too */
		return -EIO;
	memset(c, 0, BLOCK_SIZE);
	set_header(c, JBD2_COMMIT_BLOCK, journal.tid);
	c->h_commit_sec = cpu_to_be32(fs_now());
	if (journal_rw(BLK_WRITE, pos, 1, &data))
		return -EIO;
	return flush();
}

/* One transaction of trans[0..n), through steps 2 to 5. */
static int commit_trans(uint32_t n)
{
	if (!journal.map)               /* ext2: only step 4 */
		return write_buffers(journal.trans, n);
	if (write_log(n) || journal_checkpoint(n))
		return journal_abort();
	journal.jsb->s_start = 0;
	journal.jsb->s_sequence = cpu_to_be32(++journal.tid);
	return journal_write_super() ? journal_abort() : 0;
}

int journal_commit(void)
{
	uint32_t n;
	int err = 0;

	/* getblk() may call us from inside a commit (sync_inodes reading
	   an inode table): a commit cannot nest. */
	if (journal.aborted || journal.committing || !journal.trans)
		return -EIO;
	journal.committing = true;
	writeback_pages();      /* its failures are fsync's: writeback_error() */
	if (sync_inodes())
		err = -EIO;
	if (buffers_dirty()) {          /* an empty transaction writes nothing */
		sbi.s->s_wtime = fs_now();
		mark_buffer_dirty(sbi.sbh);
	}
	/* Normally one pass. A transaction larger than the log (one huge
	   operation) goes in several: each is atomic, the whole is not. */
	while (!journal.aborted && (n = dirty_buffers(journal.trans, journal.max_trans)))
		if (commit_trans(n))
			err = -EIO;
	/* Step 6, after every part: not if the transaction never
	   committed. */
	if (!journal.aborted)
		ext2_blocks_committed();
	journal.committing = false;
	return journal.aborted ? -EIO : err;
}

/* Blocks freed since the last commit wait for it before they are given
   out again (ext2_balloc.c). On a disk nearly full without them, commit
   now, so that the operation about to start finds them free. */
static bool short_of_blocks(void)
{
	uint32_t waiting = ext2_blocks_waiting();
	uint32_t margin = sbi.s->s_blocks_count / 64;

	if (margin < 64)
		margin = 64;
	return waiting && sbi.s->s_free_blocks_count < waiting + margin;
}

void journal_safe_point(void)
{
	if (journal.trans && (buffers_dirty() > journal.threshold || short_of_blocks()))
		journal_commit();
}

/* The journal file's block map, read once into pages of numbers. */
static int map_journal(struct inode *inode)
{
	uint32_t pages;
	int err = 0;

	journal.maxlen = inode->i_size / BLOCK_SIZE;
	pages = (journal.maxlen + MAP_PER_PAGE - 1) / MAP_PER_PAGE;
	if (!S_ISREG(inode->i_mode) || pages == 0 || pages > MAX_MAP_PAGES) {
		printk("ext3: the journal inode is not a journal we can use\n");
		return -EINVAL;
	}
	if (!(journal.map = kzalloc(pages * sizeof(uint32_t *))))
		return -ENOMEM;
	for (uint32_t p = 0; p < pages; p++)
		if (!(journal.map[p] = __get_free_page()))
			return -ENOMEM;
	for (uint32_t pos = 0; pos < journal.maxlen && !err; pos++) {
		uint32_t block = bmap(inode, pos, false, &err);

		journal.map[pos / MAP_PER_PAGE][pos % MAP_PER_PAGE] = block;
		if (!block && !err) {
			printk("ext3: the journal has a hole at block %u\n", pos);
			err = -EINVAL;
		}
	}
	return err;
}

/* Only what we can write and replay: version 1 or 2, 1 KiB blocks, a
   log inside the file, no incompatible feature but revoke records. */
static int check_journal_super(void)
{
	struct journal_superblock *j = journal.jsb;
	uint32_t type = be32_to_cpu(j->s_header.h_blocktype);
	uint32_t maxlen = be32_to_cpu(j->s_maxlen), first = be32_to_cpu(j->s_first);
	uint32_t start = be32_to_cpu(j->s_start);

	if (be32_to_cpu(j->s_header.h_magic) != JBD2_MAGIC_NUMBER ||
	    (type != JBD2_SUPERBLOCK_V1 && type != JBD2_SUPERBLOCK_V2)) {
		printk("ext3: bad journal superblock\n");
		return -EINVAL;
	}
	if (be32_to_cpu(j->s_blocksize) != BLOCK_SIZE ||
	    (type == JBD2_SUPERBLOCK_V2 &&
	     (j->s_feature_incompat & ~cpu_to_be32(JBD2_FEATURE_INCOMPAT_REVOKE)))) {
		printk("ext3: journal block size or features unsupported "
		       "(incompat %#x)\n", be32_to_cpu(j->s_feature_incompat));
		return -EINVAL;
	}
	if (maxlen > journal.maxlen || first == 0 || first >= maxlen ||
	    (start && (start < first || start >= maxlen))) {
		printk("ext3: journal superblock: bad length or start\n");
		return -EINVAL;
	}
	journal.maxlen = maxlen;
	journal.first = first;
	return 0;
}

/* Room for a commit: the largest transaction the log holds (with its
   descriptors and commit block), at most a page of buffer pointers. */
static int alloc_commit_space(void)
{
	uint32_t log = journal.maxlen - journal.first;
	uint32_t ndesc;

	if (!(journal.trans = __get_free_page()))
		return -ENOMEM;
	journal.max_trans = PAGE_SIZE / sizeof(struct buffer_head *);
	if (!journal.map)
		return 0;
	if (log < 3) {
		printk("ext3: journal too small\n");
		return -EINVAL;
	}
	ndesc = (log + TAGS_PER_DESC - 1) / TAGS_PER_DESC;
	if (journal.max_trans > log - 1 - ndesc)
		journal.max_trans = log - 1 - ndesc;
	ndesc = (journal.max_trans + TAGS_PER_DESC - 1) / TAGS_PER_DESC;
	if (!(journal.desc = kzalloc(ndesc * sizeof(char *))) ||
	    !(journal.commit_block = kmalloc(BLOCK_SIZE)))
		return -ENOMEM;
	for (uint32_t d = 0; d < ndesc; d++)
		if (!(journal.desc[d] = kmalloc(BLOCK_SIZE)))
			return -ENOMEM;
	return 0;
}

/* Find the journal (inode s_journal_inum), check it, read its map. */
static int open_journal(void)
{
	struct inode *inode;
	char *data;
	int err;

	if (!sbi.s->s_journal_inum || sbi.s->s_journal_dev) {
		printk("ext3: external journals are not supported\n");
		return -EINVAL;
	}
	if (!(inode = iget(sbi.s->s_journal_inum)))
		return -EIO;
	err = map_journal(inode);
	iput(inode);
	if (err)
		return err;
	if (!(journal.jsb = kmalloc(BLOCK_SIZE)))
		return -ENOMEM;
	data = (char *)journal.jsb;
	if (journal_rw(BLK_READ, 0, 1, &data))
		return -EIO;
	return check_journal_super();
}

int journal_load(void)
{
	int err, replayed = 0;

	if (sbi.s->s_feature_compat & EXT3_FEATURE_COMPAT_HAS_JOURNAL) {
		if ((err = open_journal()) < 0)
			return err;
	}
	if ((err = alloc_commit_space()) < 0)
		return err;
	/* Commit at half of what the log or the buffer pool holds: one
	   more operation then still fits. */
	journal.threshold = journal.max_trans < buffers_total() ?
			    journal.max_trans / 2 : buffers_total() / 2;
	if (!journal.map)
		return 0;
	journal.tid = be32_to_cpu(journal.jsb->s_sequence);
	if (journal.jsb->s_start) {     /* a crash left transactions */
		if ((replayed = journal_recover()) < 0)
			return replayed;
		journal.jsb->s_start = 0;
		journal.jsb->s_sequence = cpu_to_be32(journal.tid);
		if (journal_write_super())
			return -EIO;
	}
	/* Until power-off clears it: the journal may need replaying. */
	sbi.s->s_feature_incompat |= EXT3_FEATURE_INCOMPAT_RECOVER;
	if (write_ext2_super())
		return -EIO;
	if (replayed)
		printk("ext3: journal of %u blocks, replayed %d transactions\n",
		       journal.maxlen, replayed);
	else
		printk("ext3: journal of %u blocks, clean\n", journal.maxlen);
	return 0;
}

void journal_release(void)
{
	if (!journal.map || journal.aborted || journal.jsb->s_start)
		return;
	sbi.s->s_feature_incompat &= ~EXT3_FEATURE_INCOMPAT_RECOVER;
	write_ext2_super();
}
