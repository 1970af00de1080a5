/*
 * elffile.h: ELF64 little-endian files, read without LLVM and checked as
 * they are read: what "helperlink report" reads objects and linked
 * programs by (object.c), and what --redefine-sym rewrites (rename.c).
 *
 * Every function returns NULL, or why the file cannot be read; whatever
 * they return points into the file's bytes or into f, and lies within
 * the file: names are NUL-terminated inside their string table, symbols
 * name real sections, relocations name real symbols and patch bytes
 * inside the section they relocate.  A file that does not pass is not
 * read at all.
 */
#ifndef ELFFILE_H
#define ELFFILE_H

#include <stddef.h>
#include <stdint.h>

enum {
	ELF_ET_REL = 1, ELF_ET_EXEC = 2, ELF_ET_DYN = 3,
	ELF_EM_X86_64 = 62, ELF_EM_AARCH64 = 183,
	ELF_SHT_PROGBITS = 1, ELF_SHT_SYMTAB = 2, ELF_SHT_STRTAB = 3,
	ELF_SHT_RELA = 4, ELF_SHT_NOBITS = 8, ELF_SHT_REL = 9,
	ELF_SHT_DYNSYM = 11, ELF_SHT_SYMTAB_SHNDX = 18,
	ELF_SHF_ALLOC = 0x2, ELF_SHF_EXECINSTR = 0x4,
	ELF_STT_FUNC = 2, ELF_STT_SECTION = 3, ELF_STT_FILE = 4,
};

/* A symbol's section when it has none: undefined, or absolute/common. */
#define ELF_NO_SECTION ((size_t)-1)
#define ELF_OTHER_SECTION ((size_t)-2)

struct elf_section {
	uint64_t offset, size, flags, entsize;
	uint64_t addr;               /* sh_addr: 0 in a relocatable object */
	unsigned type, link, info;
	const char *name;            /* "" before elf_section_names() */
};

struct elf_symbol {
	const char *name;            /* "" for none; a section symbol's is
	                                its section's */
	uint64_t value, size;
	size_t section;              /* index, ELF_NO_SECTION (undefined) or
	                                ELF_OTHER_SECTION (absolute, common) */
	unsigned type, bind;
};

struct elf_reloc {
	uint64_t offset, type;
	int64_t addend;
	size_t symbol;               /* index in the linked table; 0: none */
};

struct elf_file {
	const unsigned char *data;
	size_t len;
	unsigned type, machine;      /* e_type, e_machine */
	uint64_t shoff;              /* where the section headers are */
	struct elf_section *secs;    /* owned; after elf_sections() */
	size_t nsecs;
};

/* The little-endian number of n bytes at p. */
uint64_t elf_le(const unsigned char *p, int n);

/* Read the ELF header of d into f. */
const char *elf_header(const unsigned char *d, size_t len, struct elf_file *f);

/* Read the section headers, after elf_header(): every section but an
 * SHT_NOBITS one lies within the file; more than 0xff00 sections
 * (extended numbering) are read too.  Names are "" until
 * elf_section_names(). */
const char *elf_sections(struct elf_file *f);

/* Give the sections their names, from the section name string table. */
const char *elf_section_names(struct elf_file *f);

/* The first section of a type, or 0 (the null section) if none. */
size_t elf_find_section(const struct elf_file *f, unsigned type);

/* The symbols of symbol table section sec (SHT_SYMTAB or SHT_DYNSYM),
 * index 0 included, into a new array; after elf_section_names(). */
const char *elf_symbols(const struct elf_file *f, size_t sec,
                        struct elf_symbol **syms, size_t *n);

/* The relocations of SHT_RELA section sec into a new array, checked
 * against the nsyms symbols of the table it links to: a known type for
 * the machine and, in a relocatable object, a field inside the section
 * it relocates. */
const char *elf_relocations(const struct elf_file *f, size_t sec,
                            size_t nsyms, struct elf_reloc **rels, size_t *n);

/* How many bytes a relocation of this type patches, or -1 for a type
 * helperlink does not know on that machine. */
int elf_reloc_width(unsigned machine, uint64_t type);

void elf_release(struct elf_file *f);

#endif
