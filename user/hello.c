/* /bin/hello: prints its arguments and a greeting. Tests exec it. */
#include <stdio.h>

int main(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		printf("hello: argv[%d] = \"%s\"\n", i, argv[i]);
	printf("Hello from Sprout!\n");
	return 0;
}
