/*
 * The name cache: the inode numbers of names recently looked up, so that
 * walking "/bin/sh" again reads no directory block. It maps
 * (directory's inode number, name) to the entry's inode number - the
 * idea of Linux's dentry cache and BSD's namecache, in its smallest form.
 *
 * A fixed table, direct-mapped like a CPU cache: the pair's hash picks
 * one slot, and a new pair simply overwrites whatever was there, so the
 * cache never grows and needs no list to find its oldest entry.
 *
 *   hash("bin" in dir 2) % NC_SLOTS --> [ dir 2 | "bin"   | ino 12 ]
 *   hash("sh" in dir 12) % NC_SLOTS --> [ dir 12 | "sh"   | ino 40 ]
 *                                       [ dir 0: an empty slot     ]
 *
 * It must never answer what the disk would not: ext2_dir.c tells it of
 * every entry it adds, points elsewhere (rename) or removes, so every
 * unlink, rename, rmdir, link, mkdir, mknod and symlink updates it the
 * moment it changes the directory block. A directory is deleted only when
 * empty, by then each of its names has been removed, so no slot outlives
 * the directory and a reused inode number never meets an old entry.
 * "." and ".." are not cached: a removed directory must stop finding
 * them (its size is 0), and a moved one's ".." changes.
 */
#include "fs/ext2.h"
#include "lib/lib.h"

#define NC_SLOTS 512                    /* a power of two */
#define NC_NAME_LEN 27                  /* longer names are not cached */

struct nc_slot {
	uint32_t dir;                   /* 0: empty (no inode has number 0) */
	uint32_t ino;
	uint8_t len;
	char name[NC_NAME_LEN];
};

static struct nc_slot slots[NC_SLOTS];

/* FNV-1a over the name, started from the directory's number. */
static struct nc_slot *slot_of(uint32_t dir, const char *name, size_t len)
{
	uint32_t h = 2166136261u ^ dir;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (uint8_t)name[i]) * 16777619u;
	return &slots[h % NC_SLOTS];
}

static bool holds(const struct nc_slot *s, uint32_t dir, const char *name,
		  size_t len)
{
	return s->dir == dir && s->len == len && !memcmp(s->name, name, len);
}

static bool cacheable(const char *name, size_t len)
{
	bool dots = name[0] == '.' && (len == 1 || (len == 2 && name[1] == '.'));

	return len > 0 && len <= NC_NAME_LEN && !dots;
}

uint32_t namecache_lookup(uint32_t dir, const char *name, size_t len)
{
	struct nc_slot *s;

	if (len > NC_NAME_LEN)
		return 0;
	s = slot_of(dir, name, len);
	return holds(s, dir, name, len) ? s->ino : 0;
}

void namecache_enter(uint32_t dir, const char *name, size_t len, uint32_t ino)
{
	struct nc_slot *s;

	if (!cacheable(name, len))
		return;
	s = slot_of(dir, name, len);
	s->dir = dir;
	s->ino = ino;
	s->len = len;
	memcpy(s->name, name, len);
}

void namecache_forget(uint32_t dir, const char *name, size_t len)
{
	struct nc_slot *s;

	if (len > NC_NAME_LEN)
		return;
	s = slot_of(dir, name, len);
	if (holds(s, dir, name, len))
		s->dir = 0;
}
