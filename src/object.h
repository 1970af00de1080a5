/*
 * object.h: an ELF file as "helperlink report" reads it: its sections, its
 * functions sorted by address, the relocations of each section, and in a
 * linked file the GOT.  objrefs.c (in the engine, which has the
 * disassembler) finds what the code and data refer to.  Pure C, read with
 * elffile.h, which checks everything it reads.
 *
 * The files read are ELF64, little-endian, for x86-64 or AArch64: what
 * rustc and clang write on Linux there, relocatable or linked.  A linked
 * file without a .symtab is read by its dynamic symbols.
 */
#ifndef OBJECT_H
#define OBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "elffile.h"
#include "map.h"

enum {
	R_X86_64_64 = 1, R_X86_64_PC32 = 2, R_X86_64_PLT32 = 4,
	R_X86_64_GLOB_DAT = 6, R_X86_64_JUMP_SLOT = 7, R_X86_64_RELATIVE = 8,
	R_X86_64_IRELATIVE = 37,
	R_AARCH64_ABS64 = 257,
	R_AARCH64_MOVW_UABS_G1 = 265, R_AARCH64_MOVW_UABS_G1_NC = 266,
	R_AARCH64_MOVW_UABS_G2 = 267, R_AARCH64_MOVW_UABS_G2_NC = 268,
	R_AARCH64_MOVW_UABS_G3 = 269,
	R_AARCH64_ADR_PREL_PG_HI21 = 275, R_AARCH64_ADR_PREL_PG_HI21_NC = 276,
	R_AARCH64_JUMP26 = 282, R_AARCH64_CALL26 = 283,
	R_AARCH64_ADR_GOT_PAGE = 311,
	R_AARCH64_GLOB_DAT = 1025, R_AARCH64_JUMP_SLOT = 1026,
	R_AARCH64_RELATIVE = 1027, R_AARCH64_IRELATIVE = 1032,
};

struct section {
	const char *name;
	const unsigned char *data;   /* NULL for SHT_NOBITS */
	uint64_t addr;               /* where it is loaded; 0 unless linked */
	uint64_t size, flags;
	unsigned type, info;         /* info: what a .rela section relocates */
};

struct symbol {
	const char *name;
	size_t section;   /* index, or ELF_NO_SECTION when undefined */
	uint64_t addr, size;
};

struct reloc {
	uint64_t offset, type;
	char *symbol;
};

/* In a linked file, a GOT slot that a dynamic relocation sets: to an
 * address of the file (an ifunc's: its resolver), or to a symbol's. */
struct got_slot {
	uint64_t slot, target;
	const char *symbol;      /* the symbol's name, or NULL */
};

struct object {
	struct elf_file elf;
	unsigned machine;
	struct got_slot *got;    /* linked files: dynamically set slots */
	size_t ngot;
	struct section *secs;
	size_t nsecs;
	struct elf_symbol *table; /* the symbol table read */
	size_t ntable, table_sec;
	struct symbol *syms;
	size_t nsyms;
	struct symbol **sorted;  /* defined, sized, by section and address */
	size_t nsorted;
	struct reloc **rels;     /* per section, sorted by offset */
	size_t *nrels;
};

/*
 * Read the ELF file in data (len bytes), named path in messages:
 * sections, symbols (the undefined ones also into undefined),
 * relocations, and in a linked file the GOT.  -1 after printing why; o is
 * to be closed either way.
 */
int object_open(struct object *o, const char *path, const unsigned char *data,
                size_t len, struct strmap *undefined);
void object_close(struct object *o);

/*
 * The first symbol (by name) of section sec at or, with covering, holding
 * offset addr; NULL if there is none.
 */
const struct symbol *object_symbol_at(const struct object *o, size_t sec,
                                      uint64_t addr, int covering);
/* The function at a load address of a linked file, or NULL. */
const struct symbol *object_function_at(const struct object *o,
                                        uint64_t addr);
/* The section of that name, or (size_t)-1. */
size_t object_section(const struct object *o, const char *name);
/* The GOT slot of a linked file at address slot: what it is set to. */
const struct got_slot *object_got_slot(const struct object *o,
                                       uint64_t slot);

/*
 * got.c: which function a linked file calls through the GOT slot at
 * address slot (set by a dynamic relocation, or by the linker in a static
 * program), or through the PLT entry at address addr: its name, or NULL
 * when that is no function of the file nor a symbol.
 */
const char *object_slot_function(const struct object *o, uint64_t slot);
const char *object_plt_function(const struct object *o, uint64_t addr);

#endif
