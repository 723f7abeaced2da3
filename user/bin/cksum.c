/*
 * cksum: a file's CRC-32 and size, as POSIX defines them, to check that
 * a copy (over the network, say) is the same as the original.
 *
 *   cksum [file ...]        (no file: standard input)
 *
 * Prints "CRC SIZE NAME". The CRC is the remainder of the bits, read as
 * a polynomial, divided by POSIX's generator 0x04C11DB7, most
 * significant bit first; the length follows the data into the sum (its
 * bytes, lowest first), and the result is complemented.
 */
#include <err.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

static uint32_t table[256];

/* table[b]: the remainder of b shifted in at the top, one per byte. */
static void make_table(void)
{
	for (uint32_t b = 0; b < 256; b++) {
		uint32_t r = b << 24;

		for (int i = 0; i < 8; i++)
			r = r & 0x80000000 ? (r << 1) ^ 0x04C11DB7 : r << 1;
		table[b] = r;
	}
}

static uint32_t add_byte(uint32_t crc, unsigned char c)
{
	return (crc << 8) ^ table[(crc >> 24) ^ c];
}

static int cksum(int fd, const char *name)
{
	unsigned char buf[8192];
	uint32_t crc = 0;
	unsigned long long size = 0;
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < n; i++)
			crc = add_byte(crc, buf[i]);
		size += n;
	}
	if (n < 0) {
		warn("%s", name ? name : "stdin");
		return 1;
	}
	for (unsigned long long len = size; len; len >>= 8)
		crc = add_byte(crc, len & 0xff);
	printf("%u %llu%s%s\n", ~crc, size, name ? " " : "", name ? name : "");
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0;

	make_table();
	if (argc < 2)
		return cksum(STDIN_FILENO, NULL);
	for (int i = 1; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);

		if (fd < 0) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		status |= cksum(fd, argv[i]);
		close(fd);
	}
	return status;
}
