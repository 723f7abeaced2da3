/*
 * Terminal settings (libc/termios.c): POSIX's names for the tty ioctls.
 * Sprout's struct termios is the kernel's own (<sprout/termios.h>).
 * The line speed is stored in c_cflag and read back, and nothing more:
 * Sprout's terminals have no baud rate to set.
 */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/types.h>
#include <sprout/termios.h>

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
int tcflush(int fd, int queue);
int tcdrain(int fd);
int tcsendbreak(int fd, int duration);
pid_t tcgetsid(int fd);
void cfmakeraw(struct termios *t);
speed_t cfgetospeed(const struct termios *t);
speed_t cfgetispeed(const struct termios *t);
int cfsetospeed(struct termios *t, speed_t speed);
int cfsetispeed(struct termios *t, speed_t speed);

#endif
