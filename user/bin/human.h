/*
 * Sizes for people (ls -h, du -h, df -h), as GNU prints them: bytes
 * below 1024, else powers of 1024 with a letter, one decimal below 10,
 * always rounded up so that a size is never shown smaller than it is:
 *
 *   512 -> "512"   1536 -> "1.5K"   4096 -> "4.0K"   15000 -> "15K"
 */
#ifndef HUMAN_H
#define HUMAN_H
#include <stdio.h>

static inline const char *human_size(unsigned long long bytes, char buf[16])
{
	static const char units[] = "KMGTPE";
	unsigned long long scale = 1024, tenths, whole;
	int unit = 0;

	if (bytes < 1024) {
		snprintf(buf, 16, "%llu", bytes);
		return buf;
	}
	while (bytes / scale >= 1024 && units[unit + 1]) {
		scale *= 1024;
		unit++;
	}
	tenths = (bytes * 10 + scale - 1) / scale;
	whole = (bytes + scale - 1) / scale;
	if (tenths < 100)
		snprintf(buf, 16, "%llu.%llu%c", tenths / 10, tenths % 10, units[unit]);
	else if (whole < 1024 || !units[unit + 1])
		snprintf(buf, 16, "%llu%c", whole, units[unit]);
	else                    /* 1023.5K rounds up to the next unit */
		snprintf(buf, 16, "1.0%c", units[unit + 1]);
	return buf;
}

#endif
