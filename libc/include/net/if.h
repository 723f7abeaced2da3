/*
 * Network interfaces by name and number: struct ifreq and the IFF_*
 * flags (<sprout/if.h>, for the SIOCGIF* ioctls of <sys/ioctl.h>), and
 * if_nametoindex/if_indextoname (libc/if.c).
 */
#ifndef _NET_IF_H
#define _NET_IF_H

#include <sprout/if.h>

#define IF_NAMESIZE IFNAMSIZ

/* The interface's number ("lo" is 1), or 0 if there is none. */
unsigned int if_nametoindex(const char *name);
/* The name into name (IF_NAMESIZE bytes), or NULL with errno ENXIO. */
char *if_indextoname(unsigned int index, char *name);

#endif
