/*
 * Host tests of the ext2 code: the kernel's ext2 files and buffer cache run
 * on this machine against a disk image file (the "disk" is pread/pwrite;
 * see ext2_host.c), and e2fsck/debugfs judge the result.
 */
#ifndef _TESTS_EXT2_HOST_H
#define _TESTS_EXT2_HOST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fs/journal.h"
#include "sched/sched.h"

extern const char *ext2_host_image;     /* the disk ata_rw_blocks reads */
extern unsigned long ata_requests;      /* disk requests so far */

/* A fresh file system in img (size like "64M"), holding the files of
   directory `from` when it is not NULL. */
void make_image(const char *img, const char *from, const char *size);
/* Mount img in a child process (so every run starts with a cold cache
   and fresh in-memory state), run fn, journal_commit, exit. */
void in_child(const char *img, void (*fn)(void));
/* e2fsck -fn: its exit status (0: clean). */
int e2fsck(const char *img);
/* Does debugfs see exactly these bytes in file `path` of img? */
int debugfs_same(const char *img, const char *path, const void *data, size_t len);
/* Deterministic test data: byte i of stream `seed`. */
void fill_pattern(void *buf, size_t len, uint32_t seed, size_t offset);

/* Little helpers over the fs interface. */
int write_file(const char *path, const void *data, size_t len);
/* link(2) on the host: oldpath (a last symlink not followed) gets newpath. */
int link_path(const char *oldpath, const char *newpath);
ssize_t read_file(const char *path, void *buf, size_t len);
/* What stat(2) would say of path (all zeros if it is not there). */
struct stat64 path_stat(const char *path);

#endif
