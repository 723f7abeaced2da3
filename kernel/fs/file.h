/*
 * Inside the file system calls: the open-file table (file.c), the
 * operations of each kind of file, and the helpers the system calls share.
 */
#ifndef _FS_FILE_H
#define _FS_FILE_H

#include "fs/fs.h"

/* file.c: the system-wide table of open-file descriptions */
struct file *get_empty_filp(void);      /* NULL: all NR_FILE in use */
struct file *get_file(struct file *f);  /* one more reference */
void fput(struct file *f);              /* drop one; the last closes */
bool files_in_sb(struct super_block *sb);      /* any open in it? */
int file_path(struct file *f, char *buf);       /* for /proc/PID/fd */

/* The operations of each kind of file, chosen when it is opened. */
extern const struct file_operations regular_fops;   /* read_write.c */
extern const struct file_operations dir_fops;       /* readdir.c */
extern const struct file_operations def_chr_fops;    /* char_dev.c */
extern const struct file_operations pipe_fops;      /* pipe.c: pipes, FIFOs */
loff_t generic_file_llseek(struct file *f, loff_t off, int whence);
/* read_write.c: was f opened for reading (writing)? */
bool may_rw(struct file *f, bool write);
/* A regular file's write() from a kernel buffer (sendfile.c). */
ssize_t regular_write_kernel(struct file *f, const char *buf, size_t n);

/* Linux's cap on one transfer, so a count always fits a positive ssize_t. */
#define MAX_RW_COUNT 0x7ffff000u

/* The largest file, and so the largest offset: i_size is 32 bits. */
#define MAX_FILE_SIZE 0xffffffffLL

/* fsize.c: RLIMIT_FSIZE. A write of *n bytes at pos: 0, with *n cut to
   what fits below the limit, or -EFBIG (and SIGXFSZ); a truncate to
   length: 0 or -EFBIG (and SIGXFSZ). */
int fsize_write_ok(loff_t pos, size_t *n);
int fsize_truncate_ok(const struct inode *inode, loff_t length);

/* open.c: a kernel-side open (the path is a kernel string, a relative
   one from base); fd or -errno */
int do_open(struct inode *base, const char *path, int flags, uint16_t mode);

/* mount.c: the table's inside, for mount_sys.c's system calls */
struct file_system_type *find_filesystem(const char *name);   /* or NULL */
bool is_mount_root(struct inode *dir);  /* the root of its file system? */
int mount_add(struct super_block *sb);  /* 0 or -ENOMEM: table full */
void mount_remove(struct super_block *sb);

/* namei_sys.c: copy a user path into a kernel buffer of PATH_MAX bytes */
int getname(const char *upath, char **name);     /* 0 or -errno */
void putname(char *name);
/* An *at() call's path: its kernel copy, and the directory a relative
   one starts from (dirfd's, or the cwd for AT_FDCWD), referenced.
   flags: AT_EMPTY_PATH lets the path be "", naming dirfd's own file. */
struct at_path {
	struct inode *base;
	char *name;
};
int at_path_get(int dirfd, const char *upath, int flags, struct at_path *p);
void at_path_put(struct at_path *p);            /* under the fs lock */
/* The inode it names (under the fs lock); follow: a last symlink. */
int at_path_inode(struct at_path *p, bool follow, struct inode **res);
/* act(inode, arg) on the inode a user path names, under the fs lock.
   flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH. */
int path_inode_op_at(int dirfd, const char *upath, int flags,
		     int (*act)(struct inode *, void *), void *arg);
int path_inode_op(const char *upath, bool follow,
		  int (*act)(struct inode *, void *), void *arg);

#endif
