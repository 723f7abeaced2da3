/* statvfs and fstatvfs: POSIX's names for what Linux's statfs64 tells. */
#include <sys/statvfs.h>
#include <sprout/statfs.h>
#include "syscall.h"

static void to_statvfs(const struct statfs64 *s, struct statvfs *v)
{
	*v = (struct statvfs){
		.f_bsize = s->f_bsize,
		.f_frsize = s->f_frsize ? s->f_frsize : s->f_bsize,
		.f_blocks = s->f_blocks, .f_bfree = s->f_bfree,
		.f_bavail = s->f_bavail,
		.f_files = s->f_files, .f_ffree = s->f_ffree,
		.f_favail = s->f_ffree,
		.f_fsid = (unsigned int)s->f_fsid.val[0],
		.f_flag = s->f_flags & (ST_RDONLY | ST_NOSUID),
		.f_namemax = s->f_namelen,
	};
}

int statvfs(const char *path, struct statvfs *buf)
{
	struct statfs64 s;
	long r = __sys_statfs64(path, sizeof(s), &s);

	if (r == 0)
		to_statvfs(&s, buf);
	return __syscall_ret(r);
}

int fstatvfs(int fd, struct statvfs *buf)
{
	struct statfs64 s;
	long r = __sys_fstatfs64(fd, sizeof(s), &s);

	if (r == 0)
		to_statvfs(&s, buf);
	return __syscall_ret(r);
}
