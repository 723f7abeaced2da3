/*
 * ext2 as it lies on the disk (revision 1, 1 KiB blocks; see docs/ext2.md
 * for the picture), and the functions the ext2 files share.
 *
 *   block 0      1          2 ...         bitmap  bitmap  inode    data
 *   +--------+----------+-------------+  +------+-------+--------+------
 *   | boot   | super-   | group       |  |block |inode  | inode  | ...
 *   | block  | block    | descriptors |  |bitmap|bitmap | table  |
 *   +--------+----------+-------------+  +------+-------+--------+------
 *             \______ group 0 starts at block 1 (s_first_data_block) ...
 */
#ifndef _FS_EXT2_H
#define _FS_EXT2_H

#include "fs/fs.h"
#include "fs/buffer.h"

#define EXT2_SUPER_MAGIC   0xEF53       /* also statfs()'s f_type */
#define EXT2_SUPER_BLOCK   1            /* with 1 KiB blocks */
#define EXT2_ROOT_INO      2
#define EXT2_DYNAMIC_REV   1
#define EXT2_LINK_MAX      32000
#define EXT2_NDIR_BLOCKS   12
#define EXT2_N_BLOCKS      15
#define EXT2_ADDR_PER_BLOCK (BLOCK_SIZE / 4)
#define EXT2_MAX_SIZE      0xFFFFFFFFu  /* i_size is 32 bits here */
#define SECTORS_PER_BLOCK  (BLOCK_SIZE / 512)  /* i_blocks counts these */

/* Features: the only incompatible one we understand is "filetype". */
#define EXT2_FEATURE_INCOMPAT_FILETYPE 0x0002
/* Backup superblocks only in groups 0, 1 and powers of 3, 5 and 7. */
#define EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER 0x0001
/* ext3: the file system has a journal (in inode s_journal_inum), and,
   while it is mounted or after a crash, one that may need replaying. */
#define EXT3_FEATURE_COMPAT_HAS_JOURNAL  0x0004
#define EXT3_FEATURE_INCOMPAT_RECOVER    0x0004
#define EXT3_JOURNAL_INO   8            /* where mke2fs -j puts it */

struct ext2_super_block {
	uint32_t s_inodes_count;
	uint32_t s_blocks_count;
	uint32_t s_r_blocks_count;
	uint32_t s_free_blocks_count;
	uint32_t s_free_inodes_count;
	uint32_t s_first_data_block;
	uint32_t s_log_block_size;      /* block size = 1024 << this */
	uint32_t s_log_frag_size;
	uint32_t s_blocks_per_group;
	uint32_t s_frags_per_group;
	uint32_t s_inodes_per_group;
	uint32_t s_mtime, s_wtime;
	uint16_t s_mnt_count;
	int16_t  s_max_mnt_count;
	uint16_t s_magic;
	uint16_t s_state, s_errors, s_minor_rev_level;
	uint32_t s_lastcheck, s_checkinterval, s_creator_os;
	uint32_t s_rev_level;
	uint16_t s_def_resuid, s_def_resgid;
	/* revision 1 (EXT2_DYNAMIC_REV) */
	uint32_t s_first_ino;           /* first inode for ordinary files */
	uint16_t s_inode_size;
	uint16_t s_block_group_nr;
	uint32_t s_feature_compat;
	uint32_t s_feature_incompat;
	uint32_t s_feature_ro_compat;
	uint8_t  s_uuid[16];            /* the file system's own id */
	char     s_volume_name[16];
	char     s_last_mounted[64];
	uint32_t s_algorithm_usage_bitmap;
	uint8_t  s_prealloc_blocks, s_prealloc_dir_blocks;
	uint16_t s_reserved_gdt_blocks;
	/* ext3 (offset 208) */
	uint8_t  s_journal_uuid[16];    /* an external journal's: unused */
	uint32_t s_journal_inum;        /* the journal's inode */
	uint32_t s_journal_dev;         /* an external journal: unsupported */
	uint32_t s_last_orphan;         /* the first inode of the orphan list */
	uint8_t  s_rest[1024 - 236];    /* hash seeds, ... unused here */
};
_Static_assert(sizeof(struct ext2_super_block) == 1024, "one block");

struct ext2_group_desc {                /* 32 bytes, in blocks 2... */
	uint32_t bg_block_bitmap;
	uint32_t bg_inode_bitmap;
	uint32_t bg_inode_table;
	uint16_t bg_free_blocks_count;
	uint16_t bg_free_inodes_count;
	uint16_t bg_used_dirs_count;
	uint16_t bg_pad;
	uint32_t bg_reserved[3];
};

struct ext2_inode {                     /* the first 128 bytes of each slot */
	uint16_t i_mode;
	uint16_t i_uid;
	uint32_t i_size;
	uint32_t i_atime, i_ctime, i_mtime, i_dtime;
	uint16_t i_gid;
	uint16_t i_links_count;
	uint32_t i_blocks;
	uint32_t i_flags;
	uint32_t i_osd1;
	uint32_t i_block[EXT2_N_BLOCKS];
	uint32_t i_generation;
	uint32_t i_file_acl;
	uint32_t i_size_high;           /* "i_dir_acl" before large_file */
	uint32_t i_faddr;
	uint8_t  i_frag, i_fsize;       /* "osd2", as Linux fills it: */
	uint16_t i_pad1;
	uint16_t i_uid_high;            /* owner and group are 32 bits: */
	uint16_t i_gid_high;            /*   the high halves live here */
	uint32_t i_reserved2;
};

/* A directory entry: rec_len covers the name and any slack after it, so
   the entries of a block chain to its end. */
struct ext2_dir_entry {
	uint32_t inode;                 /* 0: unused */
	uint16_t rec_len;
	uint8_t  name_len;
	uint8_t  file_type;             /* EXT2_FT_... */
	char     name[];
};
#define EXT2_DIR_REC_LEN(name_len)  (((name_len) + 8 + 3) & ~3)

#define EXT2_FT_UNKNOWN  0
#define EXT2_FT_REG_FILE 1
#define EXT2_FT_DIR      2
#define EXT2_FT_CHRDEV   3
#define EXT2_FT_BLKDEV   4
#define EXT2_FT_FIFO     5
#define EXT2_FT_SOCK     6
#define EXT2_FT_SYMLINK  7

/* The mounted file system (ext2_super.c): the disk, hda, as Linux
   numbers it, mounted on "/". */
#define ROOT_DEV MKDEV(3, 0)
extern struct super_block ext2_sb;
extern const struct inode_operations ext2_iops;   /* ext2_inode.c */
struct ext2_sb_info {
	struct buffer_head *sbh;        /* the superblock's buffer, held */
	struct ext2_super_block *s;     /* = sbh->b_data */
	struct buffer_head **gdh;       /* the group descriptor blocks, held */
	uint32_t groups;
	uint32_t inode_size;
	uint32_t first_ino;
};
extern struct ext2_sb_info sbi;
struct ext2_group_desc *ext2_group(uint32_t group);
void ext2_group_dirty(uint32_t group);  /* its descriptor and the counts */
uint32_t fs_now(void);                  /* Unix time for timestamps */

/* ext2_balloc.c: bitmaps. new_* give 0 when the disk is full. A freed
   block is not handed out again before the commit that freed it: */
uint32_t ext2_new_block(uint32_t goal);
void ext2_free_block(uint32_t block);
void ext2_blocks_committed(void);       /* the commit is on the disk */
int ext2_balloc_init(void);             /* mount: 0 or -ENOMEM */
uint32_t ext2_new_inode(struct inode *dir, uint16_t mode);
void ext2_free_inode(uint32_t ino, uint16_t mode);
bool ext2_inode_in_use(uint32_t ino);   /* its bitmap bit */

/* ext2_orphan.c: inodes with no name left but not yet deleted, listed
   on the disk from the superblock's s_last_orphan through each one's
   i_dtime, so that the next mount finishes them if the machine stops. */
void ext2_orphan_add(struct inode *inode);      /* i_nlink reached 0 */
void ext2_orphan_del(struct inode *inode);      /* deleted (or not listed) */
void ext2_orphan_cleanup(void);                 /* at mount */
uint32_t ext2_blocks_waiting(void);     /* freed, waiting for the commit */

/* ext2_inode.c */
struct inode *ext2_new_inode_get(struct inode *dir, uint16_t mode, int *err);
void inode_touch(struct inode *inode, bool modified);   /* c/mtime = now */
int write_inode(struct inode *inode);
void ext2_delete_inode(struct inode *inode);    /* blocks, then the inode */
/* A pipe's or a socket's (alloc_anon_inode): cached, on no disk. */
bool is_anon_inode(const struct inode *inode);
int sync_inodes(void);                  /* write every dirty inode */

/* ext2_bmap.c: file block -> disk block (0: a hole). With create, fills
   holes with new zeroed blocks; *err then says why 0 came back. */
uint32_t bmap(struct inode *inode, uint32_t fblock, bool create, int *err);
/* Map file blocks [fblock, fblock + count) into out[] (0: a hole),
   reading each indirect block once, as sequential reads want: 0 or
   -EIO. */
int bmap_many(struct inode *inode, uint32_t fblock, uint32_t count,
	      uint32_t *out);
void truncate_blocks(struct inode *inode, uint32_t keep);

/* ext2_dir.c: entries of one directory. */
int dir_find(struct inode *dir, const char *name, size_t len); /* ino, 0, -EIO */
int dir_add(struct inode *dir, const char *name, size_t len, struct inode *inode);
int dir_remove(struct inode *dir, const char *name, size_t len);
int dir_set(struct inode *dir, const char *name, size_t len, struct inode *inode);
bool dir_empty(struct inode *dir);
int dir_init(struct inode *dir, struct inode *parent);  /* . and .. */
uint8_t ext2_file_type(uint16_t mode);
/* The inode_operations (ext2_inode.c has the table): */
int ext2_lookup(struct inode *dir, const char *name, size_t len,
		struct inode **res);
int ext2_readdir(struct inode *dir, loff_t *pos, filldir_t filldir, void *ctx);
ssize_t ext2_readlink(struct inode *link, char *buf, size_t n);    /* symlink.c */
int ext2_truncate(struct inode *inode, loff_t size);               /* rw.c */

/* ext2_symlink.c: a link's target into a new link inode, fast or slow. */
int ext2_symlink_write(struct inode *link, const char *target, size_t len);

/* ext2_namecache.c: (directory inode number, name) -> inode number, for
   names recently looked up; ext2_dir.c keeps it in step with the disk. */
uint32_t namecache_lookup(uint32_t dir, const char *name, size_t len); /* 0: not cached */
void namecache_enter(uint32_t dir, const char *name, size_t len, uint32_t ino);
void namecache_forget(uint32_t dir, const char *name, size_t len);

#endif
