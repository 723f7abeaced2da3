#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <sprout/sysinfo.h>

int sysinfo(struct sysinfo *info);

#endif
