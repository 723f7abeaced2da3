/* strerror: the message for an error number, worded as Linux words it. */
#include <string.h>
#include <errno.h>
#include <stdio.h>

#define MESSAGE(name, text) [name] = text,
static const char *const messages[] = {
	[0] = "Success",
	ERRNO_LIST(MESSAGE)
};

char *strerror(int errnum)
{
	static char unknown[32];

	if (errnum >= 0 && errnum < (int)(sizeof(messages) / sizeof(messages[0]))
	    && messages[errnum])
		return (char *)messages[errnum];
	snprintf(unknown, sizeof(unknown), "Unknown error %d", errnum);
	return unknown;
}
