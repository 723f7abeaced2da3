/* An AF_UNIX address: a path in the file system, or (sun_path[0] == 0)
   an abstract name, whose length the address length gives. */
#ifndef _SPROUT_UN_H
#define _SPROUT_UN_H

#include <sprout/socket.h>

#define UNIX_PATH_MAX 108

struct sockaddr_un {
	sa_family_t sun_family;     /* AF_UNIX */
	char sun_path[UNIX_PATH_MAX];
};

#endif
