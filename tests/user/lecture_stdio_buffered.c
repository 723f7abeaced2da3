/*
 * The lecture's "streams are buffered in user memory": printf puts text
 * in stdout's buffer, while write(2) goes to the file descriptor at
 * once. The lecture sleeps ten seconds between the two printfs, and the
 * whole line appears at the end; here the write(2) in between shows the
 * same thing without a clock: its text comes out first, though it was
 * written second. (On a terminal the line goes out at its newline; on a
 * pipe or a file, at exit: the order is the same either way.)
 */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("Beginning of line ");
	write(STDOUT_FILENO, "written at once by write()\n", 27);
	printf("and end of line\n");
	return 0;
}
