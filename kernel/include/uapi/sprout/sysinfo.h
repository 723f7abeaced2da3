/* sysinfo(2): struct sysinfo, as Linux i386. Sprout's tests read
   freeram + bufferram (free, and cached file data that can be freed;
   in units of mem_unit bytes) to see pages come and go. */
#ifndef _SPROUT_SYSINFO_H
#define _SPROUT_SYSINFO_H

struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram;
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;
	char _f[8];
};

#endif
