/*
 * IPv4 addresses between text and the 32-bit number (network order).
 *
 * Two spellings are accepted, as in every C library: inet_pton takes
 * exactly four decimal parts ("10.0.0.1"), the form POSIX defines;
 * inet_aton and inet_addr take the old BSD forms as well, where a part
 * may be octal or hex and fewer parts fill the address from the right
 * ("127.1" is 127.0.0.1, "0x7f000001" the same).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int inet_pton(int af, const char *src, void *dst)
{
	unsigned char bytes[4];
	int parts = 0;

	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	for (;;) {
		unsigned value = 0;
		int digits = 0;

		while (isdigit((unsigned char)*src) && digits < 4) {
			if (digits == 1 && value == 0)
				return 0;               /* a leading zero: "01" */
			value = value * 10 + (*src++ - '0');
			digits++;
		}
		if (digits == 0 || value > 255)
			return 0;
		bytes[parts++] = value;
		if (parts == 4)
			break;
		if (*src++ != '.')
			return 0;
	}
	if (*src)
		return 0;
	for (int i = 0; i < 4; i++)
		((unsigned char *)dst)[i] = bytes[i];
	return 1;
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
	const unsigned char *b = src;
	char text[INET_ADDRSTRLEN];
	int len;

	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return NULL;
	}
	len = snprintf(text, sizeof(text), "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
	if ((socklen_t)len >= size) {
		errno = ENOSPC;
		return NULL;
	}
	for (int i = 0; i <= len; i++)
		dst[i] = text[i];
	return dst;
}

/* The largest value the last of n parts may hold: it fills the bytes
   the parts before it have not. */
static const unsigned long last_part_max[] = {
	0, 0xffffffff, 0xffffff, 0xffff, 0xff,
};

int inet_aton(const char *cp, struct in_addr *inp)
{
	unsigned long part[4];
	int n = 0;
	uint32_t addr;

	for (;;) {
		char *end;

		if (!isdigit((unsigned char)*cp))
			return 0;
		errno = 0;
		part[n++] = strtoul(cp, &end, 0);       /* 0x.. hex, 0.. octal */
		if (errno)
			return 0;
		cp = end;
		if (*cp != '.' || n == 4)
			break;
		cp++;
	}
	if (*cp && !isspace((unsigned char)*cp))
		return 0;
	if (part[n - 1] > last_part_max[n])
		return 0;
	addr = part[n - 1];
	for (int i = 0; i < n - 1; i++) {
		if (part[i] > 255)
			return 0;
		addr |= part[i] << (24 - 8 * i);
	}
	if (inp)
		inp->s_addr = htonl(addr);
	return 1;
}

in_addr_t inet_addr(const char *cp)
{
	struct in_addr a;

	return inet_aton(cp, &a) ? a.s_addr : INADDR_NONE;
}

char *inet_ntoa(struct in_addr in)
{
	static char text[INET_ADDRSTRLEN];

	return (char *)inet_ntop(AF_INET, &in, text, sizeof(text));
}
