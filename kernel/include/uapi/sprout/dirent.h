/* getdents64(2) records, as Linux. Each record is d_reclen bytes long,
   8-byte aligned; d_name is NUL-terminated. */
#ifndef _SPROUT_DIRENT_H
#define _SPROUT_DIRENT_H

struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off;             /* position of the next record */
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_BLK     6
#define DT_REG     8
#define DT_LNK    10
#define DT_SOCK   12

#endif
