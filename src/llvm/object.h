/*
 * llvm/object.h: an ELF file as "helperlink report" reads it (object.c),
 * for objrefs.c, which finds what its code and data refer to.
 *
 * The files read are ELF64, little-endian, for x86-64 or AArch64: what
 * rustc and clang write on Linux there, relocatable or linked.  LLVM's
 * object-file C API gives the sections' names, the symbols and the
 * relocations; it gives neither a section's flags, nor which section a
 * .rela section relocates, nor an addend, so these come from the raw
 * section headers and .rela entries.
 */
#ifndef LLVM_OBJECT_H
#define LLVM_OBJECT_H

#include <stdint.h>

#include "engine.h"

enum {
	ET_REL = 1, ET_EXEC = 2, ET_DYN = 3, EM_X86_64 = 62, EM_AARCH64 = 183,
	SHT_RELA = 4, SHT_NOBITS = 8, SHF_ALLOC = 0x2, SHF_EXECINSTR = 0x4,
	R_AARCH64_ADR_PREL_PG_HI21 = 275, R_AARCH64_ADR_PREL_PG_HI21_NC = 276,
	R_AARCH64_JUMP26 = 282, R_AARCH64_CALL26 = 283,
	R_AARCH64_ADR_GOT_PAGE = 311,
};

struct section {
	char *name;
	const unsigned char *data;   /* NULL for SHT_NOBITS */
	uint64_t addr;               /* where it is loaded; 0 unless linked */
	uint64_t size, flags;
	unsigned type, info;         /* info: what a .rela section relocates */
};

struct symbol {
	char *name;
	size_t section;   /* index, or (size_t)-1 when undefined */
	uint64_t addr, size;
};

struct reloc {
	uint64_t offset, type;
	char *symbol;
};

/* In a linked x86-64 file, a GOT slot and the address it is set to. */
struct got_slot {
	uint64_t slot, target;
};

struct object {
	LLVMMemoryBufferRef mb;
	LLVMBinaryRef binary;
	const unsigned char *base;
	size_t len;
	unsigned machine;
	struct got_slot *got;    /* linked files: R_X86_64_RELATIVE slots */
	size_t ngot;
	struct section *secs;
	size_t nsecs;
	struct strmap byname;    /* section name -> its last index + 1 */
	size_t *same_name;       /* the previous section of that name + 1 */
	struct symbol *syms;
	size_t nsyms;
	struct symbol **sorted;  /* defined, sized, by section and address */
	size_t nsorted;
	struct reloc **rels;     /* per section, sorted by offset */
	size_t *nrels;
};

/*
 * Read the ELF file in data, named path in messages: sections, symbols
 * (the undefined ones also into undefined), relocations, and in a linked
 * file the GOT.  -1 after printing why; o is to be closed either way.
 */
int object_open(struct object *o, const char *path, const struct buf *data,
                LLVMContextRef ctx, struct strmap *undefined);
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
/* The GOT slot of a linked file at address slot: what it is set to. */
const struct got_slot *object_got_slot(const struct object *o,
                                       uint64_t slot);

#endif
