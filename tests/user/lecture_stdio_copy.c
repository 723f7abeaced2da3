/*
 * The lecture's two copies of a file with streams: character by
 * character (fgetc/fputc) and block by block (fread/fwrite). Both must
 * give a byte-identical copy, whatever the bytes are.
 *
 * Two slips on the slides are put right here: fputc takes the character
 * first, fputc(c, output); and fread's count is the third argument, so
 * fread(buffer, sizeof(char), BUFFER_SIZE, input) returns the bytes
 * read (with the arguments the other way round, it returns whole
 * 1024-byte blocks, and a last, shorter block would be lost).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUFFER_SIZE 1024

static void make_input(const char *name, long size)
{
	FILE *f = fopen(name, "w");

	for (long i = 0; i < size; i++)
		fputc((int)(i * 7 + i / 251) & 0xff, f);      /* zeros too */
	fclose(f);
}

static void copy_by_char(const char *from, const char *to)
{
	FILE *input = fopen(from, "r");
	FILE *output = fopen(to, "w");
	int c;

	c = fgetc(input);
	while (c != EOF) {
		fputc(c, output);
		c = fgetc(input);
	}
	fclose(input);
	fclose(output);
}

static void copy_by_block(const char *from, const char *to)
{
	FILE *input = fopen(from, "r");
	FILE *output = fopen(to, "w");
	char buffer[BUFFER_SIZE];
	size_t length;

	length = fread(buffer, sizeof(char), BUFFER_SIZE, input);
	while (length > 0) {
		fwrite(buffer, sizeof(char), length, output);
		length = fread(buffer, sizeof(char), BUFFER_SIZE, input);
	}
	fclose(input);
	fclose(output);
}

/* Compare two files byte by byte; print their sizes and the verdict. */
static void compare(const char *a, const char *b)
{
	FILE *fa = fopen(a, "r"), *fb = fopen(b, "r");
	long n = 0;
	int ca, cb;

	do {
		ca = fgetc(fa);
		cb = fgetc(fb);
		n += ca != EOF;
	} while (ca == cb && ca != EOF);
	printf("%s: %ld bytes, %s\n", b, n,
	       ca == cb ? "the same as the input" : "DIFFERENT");
	fclose(fa);
	fclose(fb);
}

int main(void)
{
	make_input("/tmp/input.txt", 10000);    /* not a whole number of blocks */
	copy_by_char("/tmp/input.txt", "/tmp/output.txt");
	compare("/tmp/input.txt", "/tmp/output.txt");
	copy_by_block("/tmp/input.txt", "/tmp/output2.txt");
	compare("/tmp/input.txt", "/tmp/output2.txt");
	remove("/tmp/input.txt");
	remove("/tmp/output.txt");
	remove("/tmp/output2.txt");
	return 0;
}
