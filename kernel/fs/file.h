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

/* The largest file, and so the largest offset: i_size is 32 bits. */
#define MAX_FILE_SIZE 0xffffffffLL

/* fsize.c: RLIMIT_FSIZE. A write of *n bytes at pos: 0, with *n cut to
   what fits below the limit, or -EFBIG (and SIGXFSZ); a truncate to
   length: 0 or -EFBIG (and SIGXFSZ). */
int fsize_write_ok(loff_t pos, size_t *n);
int fsize_truncate_ok(const struct inode *inode, loff_t length);

/* open.c: a kernel-side open (the path is a kernel string); fd or -errno */
int do_open(const char *path, int flags, uint16_t mode);

/* mount.c: the table's inside, for mount_sys.c's system calls */
struct file_system_type *find_filesystem(const char *name);   /* or NULL */
bool is_mount_root(struct inode *dir);  /* the root of its file system? */
int mount_add(struct super_block *sb);  /* 0 or -ENOMEM: table full */
void mount_remove(struct super_block *sb);

/* namei_sys.c: copy a user path into a kernel buffer of PATH_MAX bytes */
int getname(const char *upath, char **name);     /* 0 or -errno */
int path_inode_op(const char *upath, bool follow,
		  int (*act)(struct inode *, void *), void *arg);
int path_inode_op_at(int dirfd, const char *upath, bool follow,
		     int (*act)(struct inode *, void *), void *arg);
void putname(char *name);

#endif
