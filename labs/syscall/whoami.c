/*
 * whoami: print the name the kernel keeps (the HIT lab's whoami; not
 * /bin/whoami, which prints the user's name).
 */
#include <err.h>
#include <stdio.h>
#include "lab.h"

int main(void)
{
	char name[IAM_MAX + 1];

	if (whoami(name, sizeof(name)) < 0)
		err(1, "whoami");
	puts(name);
	return 0;
}
