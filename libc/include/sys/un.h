/* AF_UNIX addresses: a path in the file system, or (sun_path[0] == 0)
   Linux's abstract name. */
#ifndef _SYS_UN_H
#define _SYS_UN_H

#include <sys/socket.h>

struct sockaddr_un {
	sa_family_t sun_family;         /* AF_UNIX */
	char sun_path[108];
};

#endif
