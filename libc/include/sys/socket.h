#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H

#include <sys/types.h>
#include <sprout/socket.h>      /* Linux's numbers and structures */

/* accept, send and recv: over accept4, sendto and recvfrom (socket.c). */
int accept(int sockfd, struct sockaddr *addr, socklen_t *addrlen);
ssize_t send(int sockfd, const void *buf, size_t len, int flags);
ssize_t recv(int sockfd, void *buf, size_t len, int flags);

/* socket, bind, connect, ...: prototypes from the kernel's table. */
#define __SYSCALLS_sys_socket __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_socket

#endif
