/* Reading directories: opendir/readdir/closedir over getdents64(2). */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>
#include <sprout/dirent.h>      /* DT_* */

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

typedef struct DIR DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);

/* getdents64: prototypes from the kernel's system-call table. */
#define __SYSCALLS_dirent __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_dirent

#endif
