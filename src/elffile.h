/*
 * elffile.h: the headers of an ELF64 little-endian file, read without LLVM:
 * what "helperlink report" reads objects by, and what --redefine-sym
 * rewrites.
 */
#ifndef ELFFILE_H
#define ELFFILE_H

#include <stddef.h>
#include <stdint.h>

struct elf_section {
	uint64_t offset, size, flags;
	uint64_t addr;               /* sh_addr: 0 in a relocatable object */
	unsigned type, link, info;
};

struct elf_file {
	unsigned type, machine;      /* e_type, e_machine */
	uint64_t shoff;              /* where the section headers are */
	struct elf_section *secs;    /* owned; after elf_sections() */
	size_t nsecs;
};

/* The little-endian number of n bytes at p. */
uint64_t elf_le(const unsigned char *p, int n);

/* Read the ELF header of d into f: NULL, or why d is not an ELF64
 * little-endian file. */
const char *elf_header(const unsigned char *d, size_t len, struct elf_file *f);

/* Read the section headers, after elf_header(): NULL, or why they are
 * bad.  Every section but an SHT_NOBITS one lies within the file; more
 * than 0xff00 sections (extended numbering) are read too. */
const char *elf_sections(const unsigned char *d, size_t len,
                         struct elf_file *f);

void elf_release(struct elf_file *f);

#endif
