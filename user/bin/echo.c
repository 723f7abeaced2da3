/* /bin/echo: the shell's echo builtin as a program (user/sh/echo.c). */
#include "../sh/cmds.h"

int main(int argc, char **argv)
{
	return write_status("", argv[0], echo_main(argc, argv));
}
