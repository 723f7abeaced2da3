/*
 * A file's mode as ls -l and stat show it: ten characters, the type and
 * then read/write/execute for the owner, the group and everyone else;
 * and a device file's numbers.
 *
 *   drwxr-xr-x      a directory, mode 755
 *   -rwsr-xr-x      setuid: 's' where the owner's x is (S: s without x)
 *   drwxrwxrwt      sticky (/tmp): 't' where the others' x is
 */
#ifndef FILEMODE_H
#define FILEMODE_H
#include <sys/stat.h>

static inline char file_type_letter(mode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR:  return 'd';
	case S_IFLNK:  return 'l';
	case S_IFCHR:  return 'c';
	case S_IFBLK:  return 'b';
	case S_IFIFO:  return 'p';
	case S_IFSOCK: return 's';
	default:       return '-';
	}
}

/* One of r w x, or '-'; special: the letter an extra bit (setuid,
   setgid, sticky) puts in the x place. */
static inline char permission(mode_t mode, mode_t bit, char letter, mode_t special,
		       char special_letter)
{
	if (mode & special)     /* lower case if x is set too, as ls */
		return mode & bit ? special_letter : special_letter - 'a' + 'A';
	return mode & bit ? letter : '-';
}

static inline void format_mode(mode_t mode, char out[11])
{
	out[0] = file_type_letter(mode);
	out[1] = permission(mode, S_IRUSR, 'r', 0, 0);
	out[2] = permission(mode, S_IWUSR, 'w', 0, 0);
	out[3] = permission(mode, S_IXUSR, 'x', S_ISUID, 's');
	out[4] = permission(mode, S_IRGRP, 'r', 0, 0);
	out[5] = permission(mode, S_IWGRP, 'w', 0, 0);
	out[6] = permission(mode, S_IXGRP, 'x', S_ISGID, 's');
	out[7] = permission(mode, S_IROTH, 'r', 0, 0);
	out[8] = permission(mode, S_IWOTH, 'w', 0, 0);
	out[9] = permission(mode, S_IXOTH, 'x', S_ISVTX, 't');
	out[10] = '\0';
}

/* A device number's two halves, as Linux packs them into a dev_t: the
   major number picks the driver, the minor one of its devices. */
static inline unsigned int dev_major(unsigned long long dev)
{
	return (dev >> 8) & 0xfff;
}

static inline unsigned int dev_minor(unsigned long long dev)
{
	return (dev & 0xff) | ((dev >> 12) & 0xfff00);
}

#endif
