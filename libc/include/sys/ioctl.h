#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <sprout/termios.h>     /* TCGETS and friends, struct termios */
#include <sprout/sockios.h>     /* SIOCGIFADDR and friends (<net/if.h>) */

int ioctl(int fd, unsigned long request, ...);

#endif
