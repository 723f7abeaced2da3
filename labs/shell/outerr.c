/*
 * outerr: "out" on standard output, then "err" on standard error; the
 * shell lab's tests tell by the case which way each line went.
 */
#include <unistd.h>

int main(void)
{
	write(1, "out\n", 4);
	write(2, "err\n", 4);
	return 0;
}
