/*
 * The lecture's two FILEs on one file: f1 writes 'b', f2 reads. Until
 * f1 is flushed, the 'b' is in f1's buffer in this process's memory,
 * not in the file, so f2 finds the file empty and x keeps its 'c'.
 * After fflush(f1), f2 reads the 'b'.
 */
#include <stdio.h>

static char try(int flush)
{
	char x = 'c';
	FILE *f1 = fopen("/tmp/file.txt", "wb");
	FILE *f2;

	fwrite("b", sizeof(char), 1, f1);
	if (flush)
		fflush(f1);
	f2 = fopen("/tmp/file.txt", "rb");
	fread(&x, sizeof(char), 1, f2);
	fclose(f2);
	fclose(f1);
	return x;
}

int main(void)
{
	printf("without fflush(f1): x = '%c'\n", try(0));
	printf("with fflush(f1):    x = '%c'\n", try(1));
	remove("/tmp/file.txt");
	return 0;
}
