#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <sprout/termios.h>     /* TCGETS and friends, struct termios */

int ioctl(int fd, unsigned long request, ...);

#endif
