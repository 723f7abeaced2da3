/*
 * iam NAME: give the kernel NAME to keep (the HIT lab's iam). /labs/whoami
 * prints it back, from another process.
 */
#include <err.h>
#include <stdio.h>
#include "lab.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: iam NAME\n");
		return 2;
	}
	if (iam(argv[1]) < 0)
		err(1, "%s", argv[1]);
	return 0;
}
