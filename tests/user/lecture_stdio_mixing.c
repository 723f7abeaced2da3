/*
 * The lecture's "avoid mixing FILE* and file descriptors": fread asks
 * for 10 bytes, but stdio reads a whole buffer-full from the file to
 * have them, so the descriptor's offset is no longer 10. On a file
 * smaller than the buffer, fread took all of it, and read(fd) right
 * after finds nothing: answer C, "none of these".
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char x[10], y[10];
	FILE *f = fopen("/tmp/foo.txt", "wb");
	ssize_t n;
	int fd;

	fputs("0123456789abcdefghijklmnopqrstuvwxyz\n", f);     /* 37 bytes */
	fclose(f);

	f = fopen("/tmp/foo.txt", "rb");
	fd = fileno(f);
	fread(x, 10, 1, f);             /* read 10 bytes from f */
	n = read(fd, y, 10);            /* not bytes 10 to 19! */
	printf("fread gave \"%.10s\"\n", x);
	printf("read(fd) after it returned %d: the FILE's buffer took "
	       "the whole file\n", (int)n);
	printf("the FILE's next byte: '%c'\n", fgetc(f));
	fclose(f);
	remove("/tmp/foo.txt");
	return 0;
}
