/*
 * The file system's in-memory objects and the interface the rest of the
 * kernel uses. The course's three levels:
 *
 *   task->files->fd[n] ---> struct file ---------> struct inode
 *   (per process:           (system-wide open-file  (one per file in use:
 *    fs/fdtable.c)           description: offset,    the on-disk inode's
 *                            flags, operations)      fields, cached)
 *
 * fork() copies the fd table but shares the struct files, so parent and
 * child move one offset together; dup() makes two fds share one file.
 *
 * fs/ sits above the disk driver (block/) and below the character
 * devices (dev/), which implement its file_operations. This is its public
 * header; file.h and fdtable.h are parts of it, buffer.h, ext2.h and
 * pipe.h are fs/'s own.
 */
#ifndef _FS_FS_H
#define _FS_FS_H

#include "include/types.h"
#include <sprout/stat.h>
#include <sprout/fcntl.h>
#include <sprout/poll.h>

#define NAME_MAX  255
#define PATH_MAX  4096
#define NR_OPEN   64            /* fds per process: EMFILE beyond */
#define NR_FILE   256           /* open files system-wide: ENFILE beyond */

#define MAJOR(d)   ((d) >> 8)
#define MINOR(d)   ((d) & 0xFF)
#define MKDEV(ma, mi) (((ma) << 8) | (mi))

struct file;
struct inode;
struct pipe_inode_info;
struct poll_table;
struct super_block;
struct wait_queue;

/* Call filldir for each entry from *pos on; stop when it returns non-zero. */
typedef int (*filldir_t)(void *ctx, const char *name, size_t len,
			 uint32_t ino, uint8_t type);

/* What each kind of file (regular, directory, tty, pipe, /dev/null ...)
   does on read, write, ... One table per kind; NULL means "not supported"
   and the system call returns the error POSIX names for it. */
struct file_operations {
	ssize_t (*read)(struct file *f, char *buf, size_t n);
	ssize_t (*write)(struct file *f, const char *buf, size_t n);
	loff_t (*lseek)(struct file *f, loff_t off, int whence);  /* NULL: ESPIPE */
	int (*ioctl)(struct file *f, uint32_t cmd, uint32_t arg);
	int (*open)(struct inode *inode, struct file *f);
	void (*release)(struct file *f);    /* last reference closed */
	/* pread/pwrite: at pos, leaving f_pos alone (NULL: ESPIPE) */
	ssize_t (*pread)(struct file *f, char *buf, size_t n, loff_t pos);
	ssize_t (*pwrite)(struct file *f, const char *buf, size_t n,
			  loff_t pos);
	/* The POLL* bits true now, after poll_wait() on every wait queue
	   whose wake_up() may change them (NULL: DEFAULT_POLLMASK). */
	unsigned int (*poll)(struct file *f, struct poll_table *pt);
};

/* A file that never makes anyone wait, like a regular file, is always
   ready for reading and writing (Linux's DEFAULT_POLLMASK). */
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

/*
 * How poll() and select() learn which wait queues to sleep on: they hand
 * each file's poll operation a poll_table, and the operation passes every
 * queue it knows to poll_wait(), which calls the table's queue_proc.
 * fs/select.c's queue_proc gives the polling task one wait-queue entry
 * per queue, so one task sleeps on many files' queues at once. The file
 * need not know any of that; and a NULL table means "just tell me now".
 */
struct poll_table {
	void (*queue_proc)(struct file *f, struct wait_queue *wq,
			   struct poll_table *pt);
};

static inline void poll_wait(struct file *f, struct wait_queue *wq,
			     struct poll_table *pt)
{
	if (pt)
		pt->queue_proc(f, wq, pt);
}

/* What a file system does with its inodes: one table per file system
   (ext2's in ext2_inode.c, /proc's in procfs/), reached through each
   inode's i_op. Reading and writing a file are its file_operations. */
struct inode_operations {
	/* The entry `name` of directory dir, referenced, or -ENOENT. */
	int (*lookup)(struct inode *dir, const char *name, size_t len,
		      struct inode **res);
	int (*readdir)(struct inode *dir, loff_t *pos, filldir_t filldir,
		       void *ctx);
	ssize_t (*readlink)(struct inode *link, char *buf, size_t n);
	int (*truncate)(struct inode *inode, loff_t size);   /* NULL: no-op */
	/* The last reference is gone: free the in-memory inode, or keep
	   it cached for the next user (ext2 does, see ext2_inode.c); a disk
	   file system also deletes a file that no name is left for. */
	void (*evict)(struct inode *inode);
};

/* An in-memory inode: the on-disk ext2 inode's fields, plus references. */
struct inode {
	uint32_t i_ino;
	uint16_t i_mode;            /* type and permission bits (S_IF..., 0755) */
	uint16_t i_nlink;
	uint32_t i_uid, i_gid;      /* owner and group */
	uint32_t i_size;
	uint32_t i_atime, i_mtime, i_ctime;
	uint32_t i_dtime;           /* deletion time; an orphan's: the next one */
	uint32_t i_blocks;          /* in 512-byte units, as ext2 counts */
	uint32_t i_block[15];       /* 12 direct, indirect, double, triple */
	dev_t i_rdev;               /* device nodes: major and minor */
	int i_count;                /* references held in memory */
	bool i_dirty;               /* must be written back */
	struct super_block *i_sb;   /* the mounted file system it belongs to */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct pipe_inode_info *i_pipe;  /* a pipe's or open FIFO's ring (pipe.h) */
	/* ext2's inode cache (ext2_inode.c): the hash chain of its bucket,
	   and while no one uses it (i_count 0) its place on the LRU list. */
	struct inode *i_next;
	struct inode *i_lru_prev, *i_lru_next;
	/* On ext2's orphan list (ext2_orphan.c): its neighbours there. */
	struct inode *i_orphan_prev, *i_orphan_next;
};

/* An open-file description: what open() creates and dup()/fork() share. */
struct file {
	int f_count;                /* fds (in all processes) pointing here */
	uint32_t f_flags;           /* O_RDONLY/O_WRONLY/O_RDWR, O_APPEND, ... */
	loff_t f_pos;
	struct inode *f_inode;
	const struct file_operations *f_op;
	void *private_data;
	unsigned int f_pipe;        /* a FIFO's read end: the writers' opens
				       it has seen (fifo.c) */
	/* Where it was opened, for /proc/PID/fd: the directory and the last
	   name (a directory's own inode knows its path; a pipe has none). */
	struct inode *f_dir;
	char *f_name;
};

/* ---- mounting (fs/mount.c, drawn in docs/procfs.md) ----
 * A mounted file system. The mount table is an array of these: the
 * directory each one covers, and the root that namei finds instead. */
struct super_block {
	const char *s_type;         /* "ext2", "proc" */
	const char *s_source;       /* what was mounted: "/dev/hda", "proc" */
	dev_t s_dev;                /* st_dev of every file in it */
	uint32_t s_magic;           /* statfs's f_type: EXT2_SUPER_MAGIC, ... */
	struct inode *s_root;       /* its root directory */
	struct inode *s_covered;    /* the directory it hides (NULL: "/") */
};

/* A kind of file system mount(2) can mount, registered at boot. */
struct file_system_type {
	const char *name;           /* mount's fstype argument */
	/* Fill in sb's s_root and s_dev: 0 or -errno. */
	int (*fill_super)(struct super_block *sb);
	struct file_system_type *next;
};
int register_filesystem(struct file_system_type *fs);
void add_root_mount(struct super_block *sb);    /* boot: sb is "/" */
/* The mounted root if inode is a mount point (its reference is moved
   over), else inode itself: how namei crosses into a mounted fs. */
struct inode *follow_mount(struct inode *inode);
/* A mounted root's covered directory, else dir: how ".." crosses back. */
struct inode *follow_up(struct inode *dir);
bool is_covered(struct inode *dir);     /* is a file system mounted on it? */
/* The mounted file systems, in mount order ("/" first), up to NR_MOUNTS;
   NULL past the last. */
#define NR_MOUNTS 8
struct super_block *mount_at(int i);

/* ---- the path walk and ext2 (kernel/fs/ext2*.c) ----
 * All paths are kernel strings; relative ones start at current->cwd.
 * Functions returning int give 0 or -errno. Callers hold the fs lock
 * (see fs_lock()) while they use inodes. */
int fs_init(void);                              /* mount the root */
struct inode *iget(uint32_t ino);               /* NULL on error */
struct inode *igrab(struct inode *inode);       /* one more reference */
struct inode *alloc_anon_inode(uint16_t mode);  /* in memory only (a pipe's) */
void iput(struct inode *inode);                 /* drop one reference */
int namei(const char *path, struct inode **res);     /* follows links */
int lnamei(const char *path, struct inode **res);    /* not the last one */
/* Relative paths from start, not the current directory (the *at calls). */
int namei_at(struct inode *start, const char *path, bool follow,
	     struct inode **res);
int namei_parent(const char *path, struct inode **dir, char *last);
/* As namei (follow) or lnamei, and for a file also where the walk ended:
   *dir (referenced) and *name (kmalloc'ed), when dir is not NULL. */
int namei_where(const char *path, bool follow, struct inode **res,
		struct inode **dir, char **name);
/* A file's bytes to or from a kernel buffer (exec, symlinks); the _user
   ones take a user buffer, faulted in as they copy: a bad page stops
   the transfer there (the bytes done, or -EFAULT if none). */
ssize_t inode_read(struct inode *inode, void *buf, loff_t pos, size_t n);
ssize_t inode_write(struct inode *inode, const void *buf, loff_t pos, size_t n);
ssize_t inode_read_user(struct inode *inode, void *ubuf, loff_t pos, size_t n);
ssize_t inode_write_user(struct inode *inode, const void *ubuf, loff_t pos,
			 size_t n);
int inode_truncate(struct inode *inode, loff_t size);
int inode_permission(struct inode *inode, int mask);   /* R_OK|W_OK|X_OK */
void inode_stat(struct inode *inode, struct stat64 *st);
int vfs_mknod(const char *path, uint16_t mode, dev_t rdev, struct inode **res);
int vfs_mkdir(const char *path, uint16_t mode);
int vfs_rmdir(const char *path);
int vfs_unlink(const char *path);
int vfs_link(const char *oldpath, const char *newpath);
int vfs_rename(const char *oldpath, const char *newpath);
int vfs_symlink(const char *target, const char *path);
/* The entry of dir, crossing mount points both ways ("..", too). */
int vfs_lookup(struct inode *dir, const char *name, size_t len,
	       struct inode **res);
/* Through the inode's i_op, whatever its file system: */
/* A symbolic link's target, at most n bytes of it, no NUL: its length. */
ssize_t readlink_inode(struct inode *link, char *buf, size_t n);
int dir_iterate(struct inode *dir, loff_t *pos, filldir_t filldir, void *ctx);
/* cwd.c: the absolute path of directory dir, built backwards from the
   end of buf (PATH_MAX bytes); *start gets its first character. */
int dir_path(struct inode *dir, char *buf, char **start);
/* The path of name in dir (dir's own if name is NULL), into buf
   (PATH_MAX bytes): its length or -errno. */
int dir_entry_path(struct inode *dir, const char *name, char *buf);
void delete_orphans(void);                      /* at power-off: see there */
void fs_lock(void);
void fs_unlock(void);

extern struct inode *root_inode;

/* sync.c: everything written reaches the disk's medium (sync, fsync), and
   the last sync before power-off, which keeps the fs lock. */
int sync_all(void);
void sync_for_power_off(void);

/* char_dev.c: a driver of device files claims its major number. */
int register_chrdev(unsigned int major, const struct file_operations *fops);

/* The caches' sizes, for /proc/meminfo's "Buffers:" (buffer.c) and
   "Cached:" (page_cache.c). */
uint32_t buffer_cache_kb(void);
uint32_t page_cache_kb(void);

/* bdflush.c: the kernel thread that writes dirty buffers back. */
void bdflush(void);

#include "fs/file.h"
#include "fs/fdtable.h"
#include "fs/filemap.h"

#endif
