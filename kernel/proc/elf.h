/* ELF32 executables: only what exec needs (see the System V ABI, i386). */
#ifndef _PROC_ELF_H
#define _PROC_ELF_H

#include "include/types.h"

#define ELF_MAGIC   0x464C457F  /* "\x7fELF" read as a little-endian word */
#define ELFCLASS32  1
#define ELFDATA2LSB 1
#define ET_EXEC     2
#define EM_386      3
#define PT_LOAD     1
#define PF_X 1
#define PF_W 2
#define PF_R 4

struct elf32_ehdr {
	uint32_t e_magic;
	uint8_t e_class, e_data, e_version, e_pad[9];
	uint16_t e_type, e_machine;
	uint32_t e_version2, e_entry, e_phoff, e_shoff, e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf32_phdr {
	uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz;
	uint32_t p_flags, p_align;
};

/* The auxiliary vector entries a static program's start code reads. */
#define AT_NULL   0
#define AT_PHDR   3
#define AT_PHENT  4
#define AT_PHNUM  5
#define AT_PAGESZ 6
#define AT_ENTRY  9
#define AT_UID    11
#define AT_EUID   12
#define AT_GID    13
#define AT_EGID   14
#define AT_RANDOM 25

#endif
