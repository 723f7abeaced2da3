/*
 * socketcall(call, args): the one entry older C libraries use for every
 * socket call (Linux i386 had no direct numbers until 4.3). The call's
 * arguments are words in a user array; how many depends on the call.
 */
#include "net/net.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>

/* How many words each call takes (Linux's nargs[]), by SYS_ number. */
static const uint8_t nargs[] = {
	[SYS_SOCKET] = 3, [SYS_BIND] = 3, [SYS_CONNECT] = 3, [SYS_LISTEN] = 2,
	[SYS_ACCEPT] = 3, [SYS_GETSOCKNAME] = 3, [SYS_GETPEERNAME] = 3,
	[SYS_SOCKETPAIR] = 4, [SYS_SEND] = 4, [SYS_RECV] = 4,
	[SYS_SENDTO] = 6, [SYS_RECVFROM] = 6, [SYS_SHUTDOWN] = 2,
	[SYS_SETSOCKOPT] = 5, [SYS_GETSOCKOPT] = 5, [SYS_SENDMSG] = 3,
	[SYS_RECVMSG] = 3, [SYS_ACCEPT4] = 4, [SYS_RECVMMSG] = 5,
	[SYS_SENDMMSG] = 4,
};

#define P(i) ((void *)a[i])

long sys_socketcall(int call, unsigned long *uargs)
{
	unsigned long a[6];

	if (call < SYS_SOCKET || call > SYS_SENDMMSG)
		return -EINVAL;
	if (copy_from_user(a, uargs, nargs[call] * sizeof(a[0])))
		return -EFAULT;
	switch (call) {
	case SYS_SOCKET:      return sys_socket(a[0], a[1], a[2]);
	case SYS_BIND:        return sys_bind(a[0], P(1), a[2]);
	case SYS_CONNECT:     return sys_connect(a[0], P(1), a[2]);
	case SYS_LISTEN:      return sys_listen(a[0], a[1]);
	case SYS_ACCEPT:      return sys_accept4(a[0], P(1), P(2), 0);
	case SYS_GETSOCKNAME: return sys_getsockname(a[0], P(1), P(2));
	case SYS_GETPEERNAME: return sys_getpeername(a[0], P(1), P(2));
	case SYS_SOCKETPAIR:  return sys_socketpair(a[0], a[1], a[2], P(3));
	case SYS_SEND:        return sys_sendto(a[0], P(1), a[2], a[3], NULL, 0);
	case SYS_RECV:        return sys_recvfrom(a[0], P(1), a[2], a[3], NULL, NULL);
	case SYS_SENDTO:      return sys_sendto(a[0], P(1), a[2], a[3], P(4), a[5]);
	case SYS_RECVFROM:    return sys_recvfrom(a[0], P(1), a[2], a[3], P(4), P(5));
	case SYS_SHUTDOWN:    return sys_shutdown(a[0], a[1]);
	case SYS_SETSOCKOPT:  return sys_setsockopt(a[0], a[1], a[2], P(3), a[4]);
	case SYS_GETSOCKOPT:  return sys_getsockopt(a[0], a[1], a[2], P(3), P(4));
	case SYS_SENDMSG:     return sys_sendmsg(a[0], P(1), a[2]);
	case SYS_RECVMSG:     return sys_recvmsg(a[0], P(1), a[2]);
	case SYS_ACCEPT4:     return sys_accept4(a[0], P(1), P(2), a[3]);
	default:              return -ENOSYS;  /* recvmmsg, sendmmsg: not yet */
	}
}
