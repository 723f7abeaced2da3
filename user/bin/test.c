/* /bin/test and /bin/[: the shell's test builtin as a program (user/sh/test.c). */
#include "../sh/cmds.h"

int main(int argc, char **argv)
{
	return test_main(argc, argv);
}
