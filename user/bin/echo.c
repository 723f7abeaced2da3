/* /bin/echo: the shell's echo builtin as a program (user/sh/echo.c). */
#include "../sh/cmds.h"

int main(int argc, char **argv)
{
	return echo_main(argc, argv);
}
