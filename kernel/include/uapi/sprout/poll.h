/* poll(2)'s events and revents bits and its array element, as Linux
   (asm-generic/poll.h). POLLERR, POLLHUP and POLLNVAL are reported
   whether asked for or not. */
#ifndef _SPROUT_POLL_H
#define _SPROUT_POLL_H

#define POLLIN     0x001        /* there is data to read */
#define POLLPRI    0x002        /* urgent data to read */
#define POLLOUT    0x004        /* writing will not block */
#define POLLERR    0x008        /* an error condition (a pipe nobody reads) */
#define POLLHUP    0x010        /* hung up: the other end is closed */
#define POLLNVAL   0x020        /* fd is not open */
#define POLLRDNORM 0x040        /* normal data to read (= POLLIN) */
#define POLLRDBAND 0x080        /* priority data to read */
#define POLLWRNORM 0x100        /* writing will not block (= POLLOUT) */
#define POLLWRBAND 0x200        /* priority data may be written */
#define POLLRDHUP  0x2000       /* the peer shut down its writing half */

struct pollfd {
	int fd;                 /* negative: ignored, revents 0 */
	short events;           /* what the caller asks about */
	short revents;          /* what is true, filled in by the kernel */
};

#endif
