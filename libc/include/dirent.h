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
void rewinddir(DIR *dir);
int dirfd(DIR *dir);
/* Every entry filter() keeps (all if it is NULL), sorted by cmp, in a
   malloc'd array of malloc'd entries in *list; returns how many. */
int scandir(const char *path, struct dirent ***list,
	    int (*filter)(const struct dirent *),
	    int (*cmp)(const struct dirent **, const struct dirent **));
int alphasort(const struct dirent **a, const struct dirent **b);

/* getdents64: prototypes from the kernel's system-call table. */
#define __SYSCALLS_dirent __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_dirent

#endif
