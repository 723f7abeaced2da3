/*
 * clear: clear the terminal with ANSI escape sequences, the ones any
 * xterm-like terminal (and QEMU's serial console's) understands:
 *   ESC [ H    cursor to the top left
 *   ESC [ 2 J  erase the screen
 *   ESC [ 3 J  and the lines scrolled off it
 */
#include <unistd.h>

int main(void)
{
	static const char seq[] = "\033[H\033[2J\033[3J";

	return write(STDOUT_FILENO, seq, sizeof(seq) - 1) == sizeof(seq) - 1 ? 0 : 1;
}
