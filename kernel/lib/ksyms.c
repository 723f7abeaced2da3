/*
 * The kernel's own symbol table, so that a panic can name functions.
 *
 * The build links the kernel twice: tools/ksyms.py reads the first link's
 * function addresses (with nm) and writes them, sorted, as the tables
 * below; the second link includes them. The tables sit at the end of
 * .rodata, after all code, so adding them moves no function.
 */
#include "lib/ksyms.h"

const char *ksym_lookup(uint32_t addr, uint32_t *offset)
{
	uint32_t lo = 0, hi = ksym_count;

	if (!ksym_count || addr < ksym_addrs[0] || addr >= ksym_text_end)
		return NULL;
	while (hi - lo > 1) {           /* the last symbol at or below addr */
		uint32_t mid = (lo + hi) / 2;
		if (ksym_addrs[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = addr - ksym_addrs[lo];
	return &ksym_names[ksym_name_offsets[lo]];
}
