/*
 * ioctl() requests on sockets: Linux's numbers. Any socket will do for
 * the interface requests (SIOC*IF*), as on Linux: they name the
 * interface in a struct ifreq (<sprout/if.h>).
 */
#ifndef _SPROUT_SOCKIOS_H
#define _SPROUT_SOCKIOS_H

#define SIOCINQ       0x541B    /* bytes ready to read: FIONREAD */
#define SIOCOUTQ      0x5411    /* bytes sent and not yet acknowledged */

#define SIOCGIFNAME    0x8910   /* ifindex -> name */
#define SIOCGIFCONF    0x8912   /* every interface's address */
#define SIOCGIFFLAGS   0x8913
#define SIOCSIFFLAGS   0x8914
#define SIOCGIFADDR    0x8915
#define SIOCSIFADDR    0x8916
#define SIOCGIFBRDADDR 0x8919
#define SIOCGIFNETMASK 0x891b
#define SIOCSIFNETMASK 0x891c
#define SIOCGIFMTU     0x8921
#define SIOCGIFHWADDR  0x8927
#define SIOCGIFINDEX   0x8933

#endif
