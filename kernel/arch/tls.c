/*
 * Thread-local storage segments: the descriptor format of the Intel SDM
 * (vol. 3, 3.4.5) for the three GDT entries a task may fill with
 * set_thread_area, and the copy of a task's entries into the GDT.
 *
 *   bits 0-15   limit 15:0          bits 40-43  type (data: 0 0 W A)
 *   bits 16-39  base 23:0           bit  44     S: code or data
 *   bits 45-46  DPL (3: user)       bit  47     P: present
 *   bits 48-51  limit 19:16         bit  52     AVL (free for software)
 *   bit  54     D: 32-bit           bit  55     G: limit in 4 KiB pages
 *   bits 56-63  base 31:24
 */
#include "arch/tls.h"
#include "arch/linkage.h"

#define DESC_TYPE(d)    (((d) >> 40) & 0xF)
#define DESC_S          (1ULL << 44)
#define DESC_DPL3       (3ULL << 45)
#define DESC_P          (1ULL << 47)
#define DESC_AVL        (1ULL << 52)
#define DESC_D          (1ULL << 54)
#define DESC_G          (1ULL << 55)
#define TYPE_ACCESSED   0x1
#define TYPE_WRITABLE   0x2             /* data; for code: readable */
#define TYPE_CODE       0x8

/* Programs say "no segment here" two ways (Linux accepts both): the
   fields get_thread_area reports for an empty entry, or all zeros. */
static bool desc_empty(const struct user_desc *u)
{
	bool no_base = u->base_addr == 0 && u->limit == 0 &&
		       u->contents == 0 && !u->seg_32bit &&
		       !u->limit_in_pages && !u->useable;

	return no_base && ((u->read_exec_only && u->seg_not_present) ||
			   (!u->read_exec_only && !u->seg_not_present));
}

bool tls_desc_make(const struct user_desc *u, uint64_t *desc)
{
	uint64_t base = u->base_addr, limit = u->limit, type;

	if (desc_empty(u)) {
		*desc = 0;
		return true;
	}
	/* As Linux: no 16-bit segments, no code (data, growing up or
	   down), and none absent, which would only trap the kernel later. */
	if (!u->seg_32bit || u->contents > 1 || u->seg_not_present)
		return false;
	/* Accessed already, so the CPU never writes the GDT to set it. */
	type = TYPE_ACCESSED | (u->contents << 2) |
	       (u->read_exec_only ? 0 : TYPE_WRITABLE);
	*desc = (limit & 0xFFFF) | ((base & 0xFFFFFF) << 16) | (type << 40) |
		DESC_S | DESC_DPL3 | DESC_P | (((limit >> 16) & 0xF) << 48) |
		(u->useable ? DESC_AVL : 0) | DESC_D |
		(u->limit_in_pages ? DESC_G : 0) | ((base >> 24) << 56);
	return true;
}

void tls_desc_read(uint64_t d, struct user_desc *u)
{
	u->base_addr = ((d >> 16) & 0xFFFFFF) | ((d >> 56) << 24);
	u->limit = (d & 0xFFFF) | (((d >> 48) & 0xF) << 16);
	u->seg_32bit = !!(d & DESC_D);
	u->contents = (DESC_TYPE(d) >> 2) & 3;
	u->read_exec_only = !(DESC_TYPE(d) & TYPE_WRITABLE);
	u->limit_in_pages = !!(d & DESC_G);
	u->seg_not_present = !(d & DESC_P);
	u->useable = !!(d & DESC_AVL);
}

/*
 * The kernel uses neither %fs nor %gs, but they keep whatever selector
 * the program had, and a trap in kernel mode saves and reloads them: if
 * that selector's entry just changed to "empty", the reload would fault
 * inside the kernel. So they get the null selector, which always loads;
 * the program's own values wait in its trap frame.
 */
void tls_load(const struct tls_state *tls)
{
	int i;

	for (i = 0; i < GDT_TLS_ENTRIES; i++)
		gdt[GDT_ENTRY_TLS_MIN + i] = tls->desc[i];
	__asm__ volatile("movl %0, %%fs\n\tmovl %0, %%gs" : : "r"(0));
}

bool user_selector_ok(uint32_t sel, bool stack)
{
	uint64_t d;
	uint32_t type;

	/* A trap frame's slot holds the selector in its low 16 bits only:
	   pushing a segment register may leave the upper half as it was. */
	sel &= 0xFFFF;
	if ((sel & ~3u) == 0)
		return !stack;                  /* null: loads, faults on use */
	/* ring 3, in the GDT (bit 2 clear: Sprout has no LDT) */
	if ((sel & 7) != 3 || (sel >> 3) >= GDT_ENTRIES)
		return false;
	d = gdt[sel >> 3];
	type = DESC_TYPE(d);
	if ((d & (DESC_P | DESC_S | DESC_DPL3)) != (DESC_P | DESC_S | DESC_DPL3))
		return false;
	if (stack)
		return !(type & TYPE_CODE) && (type & TYPE_WRITABLE);
	return !(type & TYPE_CODE) || (type & TYPE_WRITABLE);
}
