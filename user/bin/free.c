/*
 * free: how the memory is used, from the kernel's counts in
 * /proc/meminfo ("MemTotal:   32768 kB" ...), in KiB as procps prints
 * them:
 *
 *                total        used        free      shared  buff/cache   available
 *   Mem:         32768        2048       28672           0        2048       30720
 *   Swap:            0           0           0
 *
 * used is what cannot be had back (total - available); buff/cache is
 * what the kernel holds for files (its buffer and page caches) and gives
 * back when asked. Sprout has no swap.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fields read, and where to put each. */
static unsigned long total, mem_free, available, buffers, cached, reclaimable,
	shared, swap_total, swap_free;

static const struct {
	const char *name;
	unsigned long *value;
} fields[] = {
	{ "MemTotal", &total }, { "MemFree", &mem_free },
	{ "MemAvailable", &available }, { "Buffers", &buffers },
	{ "Cached", &cached }, { "SReclaimable", &reclaimable },
	{ "Shmem", &shared }, { "SwapTotal", &swap_total },
	{ "SwapFree", &swap_free },
};

static void read_meminfo(void)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char name[64];
	unsigned long value;

	if (!f)
		err(1, "/proc/meminfo");
	/* "Name:   1234 kB": the name, the number, the rest of the line */
	while (fscanf(f, " %63[^:]: %lu%*[^\n]", name, &value) == 2)
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			if (strcmp(name, fields[i].name) == 0)
				*fields[i].value = value;
	fclose(f);
}

int main(int argc, char **argv)
{
	unsigned long cache;

	if (argc > 1) {
		fprintf(stderr, "usage: free\n");
		return 1;
	}
	(void)argv;
	read_meminfo();
	cache = buffers + cached + reclaimable;
	if (!available)         /* an old kernel's meminfo: estimate it */
		available = mem_free + cache;
	printf("%-8s %11s %11s %11s %11s %11s %11s\n", "", "total", "used", "free",
	       "shared", "buff/cache", "available");
	printf("%-8s %11lu %11lu %11lu %11lu %11lu %11lu\n", "Mem:", total,
	       total > available ? total - available : 0, mem_free, shared, cache,
	       available);
	printf("%-8s %11lu %11lu %11lu\n", "Swap:", swap_total,
	       swap_total - swap_free, swap_free);
	return 0;
}
