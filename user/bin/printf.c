/* /bin/printf: the shell's printf builtin as a program (user/sh/printf.c). */
#include "../sh/cmds.h"

int main(int argc, char **argv)
{
	return write_status("", argv[0], printf_main(argc, argv));
}
