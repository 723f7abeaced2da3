/*
 * Where in the file a FILE is. The kernel's offset runs ahead of the
 * program while input waits in the buffer (and behind it while output
 * does), so ftell corrects for the buffer, and fseek empties it first.
 */
#include <stdio.h>
#include <unistd.h>
#include "stdio_file.h"

int fseek(FILE *f, long offset, int whence)
{
	if (fflush(f) || lseek(f->fd, offset, whence) < 0)
		return -1;
	f->flags &= ~F_EOF;
	return 0;
}

long ftell(FILE *f)
{
	off_t pos;

	if (f->wlen && fflush(f))       /* in append mode, only the kernel */
		return -1;              /* knows where the output lands */
	pos = lseek(f->fd, 0, SEEK_CUR);
	if (pos < 0)
		return -1;
	return pos - (f->rlen - f->rpos) - (f->ungot != EOF);
}

void rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	f->flags &= ~F_ERR;
}

int fgetpos(FILE *f, fpos_t *pos)
{
	long at = ftell(f);

	if (at < 0)
		return -1;
	*pos = at;
	return 0;
}

int fsetpos(FILE *f, const fpos_t *pos)
{
	return fseek(f, *pos, SEEK_SET);
}
