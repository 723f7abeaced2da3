/* readv(2)/writev(2): one buffer of a scatter/gather list. */
#ifndef _SPROUT_UIO_H
#define _SPROUT_UIO_H

struct iovec {
	void *iov_base;
	unsigned long iov_len;
};

#define IOV_MAX 1024

#endif
