/*
 * Directories: a directory's blocks hold variable-length entries
 * (struct ext2_dir_entry); each entry's rec_len leads to the next, and
 * the last entry of a block reaches to the block's end.
 *
 *   | ino 12 | rec 12 | 1 | dir | "."  | ino 2 | rec 12 | 2 | dir | ".." |
 *   | ino 15 | rec 1000 | 5 | file | "hello" ...slack to the block end... |
 *
 * Adding a name splits an entry's slack; removing one merges the entry
 * into the one before it (or, first in its block, marks it unused: ino 0).
 */
#include "fs/ext2.h"
#include "lib/lib.h"
#include <sprout/errno.h>
#include <sprout/dirent.h>

/* A found entry: its buffer (held) and the entry before it in the block. */
struct dir_slot {
	struct buffer_head *bh;
	struct ext2_dir_entry *de, *prev;
};

uint8_t ext2_file_type(uint16_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:  return EXT2_FT_REG_FILE;
	case S_IFDIR:  return EXT2_FT_DIR;
	case S_IFCHR:  return EXT2_FT_CHRDEV;
	case S_IFBLK:  return EXT2_FT_BLKDEV;
	case S_IFIFO:  return EXT2_FT_FIFO;
	case S_IFSOCK: return EXT2_FT_SOCK;
	case S_IFLNK:  return EXT2_FT_SYMLINK;
	}
	return EXT2_FT_UNKNOWN;
}

/* getdents64 reports types as DT_... values. */
static uint8_t dt_type(uint8_t ft)
{
	static const uint8_t dt[] = { DT_UNKNOWN, DT_REG, DT_DIR, DT_CHR,
				      DT_BLK, DT_FIFO, DT_SOCK, DT_LNK };

	return ft < ARRAY_SIZE(dt) ? dt[ft] : DT_UNKNOWN;
}

static struct ext2_dir_entry *entry_at(struct buffer_head *bh, uint32_t off)
{
	return (struct ext2_dir_entry *)(bh->b_data + off);
}

/* A corrupt entry must not send us outside the block or into a loop. */
static bool entry_ok(const struct ext2_dir_entry *de, uint32_t off)
{
	return de->rec_len >= EXT2_DIR_REC_LEN(0) && de->rec_len % 4 == 0 &&
	       off + de->rec_len <= BLOCK_SIZE &&
	       EXT2_DIR_REC_LEN(de->name_len) <= de->rec_len;
}

/* Directory block fb, read; NULL for a hole or an I/O error. */
static struct buffer_head *dir_block(struct inode *dir, uint32_t fb)
{
	int err;
	uint32_t block = bmap(dir, fb, false, &err);

	return block ? bread(block) : NULL;
}

static void fill_entry(struct ext2_dir_entry *de, const char *name,
		       size_t len, struct inode *inode)
{
	de->inode = inode->i_ino;
	de->name_len = len;
	de->file_type = ext2_file_type(inode->i_mode);
	memcpy(de->name, name, len);
}

/* 1 and *slot filled if dir has an entry `name`, else 0. */
static int find_entry(struct inode *dir, const char *name, size_t len,
		      struct dir_slot *slot)
{
	for (uint32_t fb = 0; fb < dir->i_size / BLOCK_SIZE; fb++) {
		struct buffer_head *bh = dir_block(dir, fb);
		struct ext2_dir_entry *de, *prev = NULL;

		if (!bh)
			continue;
		for (uint32_t off = 0; off < BLOCK_SIZE; off += de->rec_len) {
			de = entry_at(bh, off);
			if (!entry_ok(de, off))
				break;
			if (de->inode && de->name_len == len &&
			    !memcmp(de->name, name, len)) {
				*slot = (struct dir_slot){ bh, de, prev };
				return 1;
			}
			prev = de;
		}
		brelse(bh);
	}
	return 0;
}

/* The name cache first; what the blocks say goes into it. */
int dir_find(struct inode *dir, const char *name, size_t len)
{
	struct dir_slot slot;
	int ino = namecache_lookup(dir->i_ino, name, len);

	if (ino)
		return ino;
	if (!find_entry(dir, name, len, &slot))
		return 0;
	ino = slot.de->inode;
	brelse(slot.bh);
	namecache_enter(dir->i_ino, name, len, ino);
	return ino;
}

/* The inode_operations lookup: the entry's inode, referenced. */
int ext2_lookup(struct inode *dir, const char *name, size_t len,
		struct inode **res)
{
	int ino = dir_find(dir, name, len);

	if (ino <= 0)
		return ino < 0 ? ino : -ENOENT;
	return (*res = iget(ino)) ? 0 : -EIO;
}

/* Make `name` name another inode (rename over an existing name, or a
   moved directory's ".."). */
int dir_set(struct inode *dir, const char *name, size_t len, struct inode *inode)
{
	struct dir_slot slot;

	if (!find_entry(dir, name, len, &slot))
		return -ENOENT;
	slot.de->inode = inode->i_ino;
	slot.de->file_type = ext2_file_type(inode->i_mode);
	mark_buffer_dirty(slot.bh);
	brelse(slot.bh);
	namecache_enter(dir->i_ino, name, len, inode->i_ino);
	inode_touch(dir, true);
	return 0;
}

int dir_remove(struct inode *dir, const char *name, size_t len)
{
	struct dir_slot slot;

	if (!find_entry(dir, name, len, &slot))
		return -ENOENT;
	if (slot.prev)
		slot.prev->rec_len += slot.de->rec_len;
	else
		slot.de->inode = 0;
	mark_buffer_dirty(slot.bh);
	brelse(slot.bh);
	namecache_forget(dir->i_ino, name, len);
	inode_touch(dir, true);
	return 0;
}

/* Room for a `need`-byte entry in this block: the entry to write. */
static struct ext2_dir_entry *find_room(struct buffer_head *bh, uint32_t need)
{
	struct ext2_dir_entry *de;

	for (uint32_t off = 0; off < BLOCK_SIZE; off += de->rec_len) {
		uint32_t used;

		de = entry_at(bh, off);
		if (!entry_ok(de, off))
			return NULL;
		used = de->inode ? EXT2_DIR_REC_LEN(de->name_len) : 0;
		if (de->rec_len - used < need)
			continue;
		if (used) {             /* split: the slack becomes the new entry */
			struct ext2_dir_entry *next = entry_at(bh, off + used);

			next->rec_len = de->rec_len - used;
			de->rec_len = used;
			de = next;
		}
		return de;
	}
	return NULL;
}

/* Add `name` -> inode (the caller checked that name is new). */
int dir_add(struct inode *dir, const char *name, size_t len, struct inode *inode)
{
	uint32_t need = EXT2_DIR_REC_LEN(len), nblocks = dir->i_size / BLOCK_SIZE;
	struct ext2_dir_entry *de = NULL;
	struct buffer_head *bh = NULL;
	uint32_t block;
	int err;

	for (uint32_t fb = 0; fb < nblocks && !de; fb++) {
		brelse(bh);
		if ((bh = dir_block(dir, fb)))
			de = find_room(bh, need);
	}
	if (!de) {                      /* every block is full: one more */
		brelse(bh);
		if (!(block = bmap(dir, nblocks, true, &err)))
			return err;
		if (!(bh = bread(block)))
			return -EIO;
		de = entry_at(bh, 0);
		de->rec_len = BLOCK_SIZE;
		dir->i_size += BLOCK_SIZE;
	}
	fill_entry(de, name, len, inode);
	mark_buffer_dirty(bh);
	brelse(bh);
	namecache_enter(dir->i_ino, name, len, inode->i_ino);
	inode_touch(dir, true);
	return 0;
}

/* A new directory's first block: "." and "..". */
int dir_init(struct inode *dir, struct inode *parent)
{
	struct ext2_dir_entry *de;
	struct buffer_head *bh;
	uint32_t block;
	int err;

	if (!(block = bmap(dir, 0, true, &err)))
		return err;
	if (!(bh = bread(block)))
		return -EIO;
	de = entry_at(bh, 0);
	fill_entry(de, ".", 1, dir);
	de->rec_len = EXT2_DIR_REC_LEN(1);
	de = entry_at(bh, EXT2_DIR_REC_LEN(1));
	fill_entry(de, "..", 2, parent);
	de->rec_len = BLOCK_SIZE - EXT2_DIR_REC_LEN(1);
	mark_buffer_dirty(bh);
	brelse(bh);
	dir->i_size = BLOCK_SIZE;
	return 0;
}

static bool is_dot_or_dotdot(const struct ext2_dir_entry *de)
{
	return (de->name_len == 1 && de->name[0] == '.') ||
	       (de->name_len == 2 && de->name[0] == '.' && de->name[1] == '.');
}

/* Nothing but "." and ".."? (An unreadable block counts as not empty.) */
bool dir_empty(struct inode *dir)
{
	for (uint32_t fb = 0; fb < dir->i_size / BLOCK_SIZE; fb++) {
		struct buffer_head *bh = dir_block(dir, fb);
		struct ext2_dir_entry *de;

		if (!bh)
			return false;
		for (uint32_t off = 0; off < BLOCK_SIZE; off += de->rec_len) {
			de = entry_at(bh, off);
			if (!entry_ok(de, off))
				break;
			if (de->inode && !is_dot_or_dotdot(de)) {
				brelse(bh);
				return false;
			}
		}
		brelse(bh);
	}
	return true;
}

/* *pos is a byte offset in the directory; it ends up just past the last
   entry handed to filldir, so the next call goes on from there. */
int ext2_readdir(struct inode *dir, loff_t *pos, filldir_t filldir, void *ctx)
{
	while (*pos >= 0 && *pos < dir->i_size) {
		uint32_t fb = (uint32_t)*pos / BLOCK_SIZE;
		uint32_t start = (uint32_t)*pos % BLOCK_SIZE;
		struct buffer_head *bh = dir_block(dir, fb);
		struct ext2_dir_entry *de;

		for (uint32_t off = 0; bh && off < BLOCK_SIZE; off += de->rec_len) {
			de = entry_at(bh, off);
			if (!entry_ok(de, off))
				break;
			if (off < start)
				continue;
			if (de->inode && filldir(ctx, de->name, de->name_len,
						 de->inode, dt_type(de->file_type))) {
				brelse(bh);
				return 0;
			}
			*pos = (loff_t)fb * BLOCK_SIZE + off + de->rec_len;
		}
		brelse(bh);
		*pos = (loff_t)(fb + 1) * BLOCK_SIZE;
	}
	return 0;
}
