/*
 * llvm/object.c: read an ELF file's sections, symbols, relocations and,
 * in a linked file, GOT (see object.h).
 */
#include <stdlib.h>
#include <string.h>

#include "../elffile.h"
#include "object.h"

/* The page half of an AArch64 adrp + add/ldr pair: the other half counts. */
static int
is_page_half(unsigned machine, uint64_t type)
{
	return machine == EM_AARCH64 && (type == R_AARCH64_ADR_PREL_PG_HI21 ||
	       type == R_AARCH64_ADR_PREL_PG_HI21_NC ||
	       type == R_AARCH64_ADR_GOT_PAGE);
}

/* Check the ELF header and read the section headers; NULL, or why not. */
static const char *
read_headers(struct object *o)
{
	struct elf_file f;
	const char *why;
	size_t i;

	if (o->len >= 8 && memcmp(o->base, "!<arch>\n", 8) == 0)
		return "an archive; give its object files";
	if ((why = elf_header(o->base, o->len, &f)) != NULL)
		return why;
	/* A linked program or library has no relocations left, but its
	 * symbols and calls are at load addresses: calls are read the same
	 * way, with sections at their addresses. */
	if (f.type != ET_REL && f.type != ET_EXEC && f.type != ET_DYN)
		return "neither a relocatable object nor a linked file";
	o->machine = f.machine;
	if (o->machine != EM_X86_64 && o->machine != EM_AARCH64)
		return "an object for a machine other than x86-64 and AArch64";
	if ((why = elf_sections(o->base, o->len, &f)) == NULL) {
		o->secs = xcalloc(f.nsecs, sizeof(*o->secs));
		o->nsecs = f.nsecs;
		for (i = 0; i < f.nsecs; i++) {
			struct section *s = &o->secs[i];

			s->type = f.secs[i].type;
			s->flags = f.secs[i].flags;
			s->size = f.secs[i].size;
			s->addr = f.secs[i].addr;
			s->info = f.secs[i].info;
			if (s->type != SHT_NOBITS)
				s->data = o->base + f.secs[i].offset;
		}
	}
	elf_release(&f);
	return why;
}

/* The sections' names, from LLVM, which walks the same table. */
static const char *
read_names(struct object *o, LLVMBinaryRef b)
{
	LLVMSectionIteratorRef si = LLVMObjectFileCopySectionIterator(b);
	size_t i = 0;

	o->same_name = xcalloc(o->nsecs, sizeof(*o->same_name));
	for (; !LLVMObjectFileIsSectionIteratorAtEnd(b, si); LLVMMoveToNextSection(si), i++) {
		const char *name = LLVMGetSectionName(si);

		if (i >= o->nsecs || LLVMGetSectionSize(si) != o->secs[i].size)
			break;
		o->secs[i].name = xstrdup(name ? name : "");
		o->same_name[i] = (size_t)strmap_put(&o->byname, o->secs[i].name,
		                                     (void *)(i + 1));
	}
	LLVMDisposeSectionIterator(si);
	return i == o->nsecs ? NULL : "sections that LLVM does not list";
}

/* The first section si can be, by name and contents, or (size_t)-1. */
static size_t
section_index(const struct object *o, LLVMSectionIteratorRef si)
{
	const char *name = LLVMGetSectionName(si), *data = LLVMGetSectionContents(si);
	size_t i, found = (size_t)-1;

	for (i = name ? (size_t)strmap_get(&o->byname, name) : 0; i > 0;
	     i = o->same_name[i - 1])
		if (!o->secs[i - 1].data || (const char *)o->secs[i - 1].data == data)
			found = i - 1;
	return found;
}

static int
cmp_symbols(const void *pa, const void *pb)
{
	const struct symbol *a = *(struct symbol *const *)pa;
	const struct symbol *b = *(struct symbol *const *)pb;

	if (a->section != b->section)
		return a->section < b->section ? -1 : 1;
	if (a->addr != b->addr)
		return a->addr < b->addr ? -1 : 1;
	return strcmp(a->name, b->name);
}

static void
read_symbols(struct object *o, LLVMBinaryRef b, struct strmap *undefined)
{
	LLVMSymbolIteratorRef sym = LLVMObjectFileCopySymbolIterator(b);
	LLVMSectionIteratorRef si = LLVMObjectFileCopySectionIterator(b);
	size_t i;

	for (; !LLVMObjectFileIsSymbolIteratorAtEnd(b, sym); LLVMMoveToNextSymbol(sym)) {
		const char *name = LLVMGetSymbolName(sym);
		struct symbol *s;

		if (!name || !*name)
			continue;
		o->syms = xrealloc(o->syms, (o->nsyms + 1) * sizeof(*o->syms));
		s = &o->syms[o->nsyms++];
		s->name = xstrdup(name);
		s->addr = LLVMGetSymbolAddress(sym);
		s->size = LLVMGetSymbolSize(sym);
		LLVMMoveToContainingSection(si, sym);
		if (LLVMObjectFileIsSectionIteratorAtEnd(b, si)) {
			s->section = (size_t)-1;
			strmap_put(undefined, name, (void *)1);
		} else {
			s->section = section_index(o, si);
		}
	}
	LLVMDisposeSectionIterator(si);
	LLVMDisposeSymbolIterator(sym);
	o->sorted = xcalloc(o->nsyms + 1, sizeof(*o->sorted));
	for (i = 0; i < o->nsyms; i++)
		if (o->syms[i].section != (size_t)-1 && o->syms[i].size > 0)
			o->sorted[o->nsorted++] = &o->syms[i];
	if (o->nsorted)
		qsort(o->sorted, o->nsorted, sizeof(*o->sorted), cmp_symbols);
}

const struct symbol *
object_symbol_at(const struct object *o, size_t sec, uint64_t addr, int covering)
{
	size_t lo = 0, hi = o->nsorted;
	const struct symbol *s;

	/* The first symbol after (sec, addr), then back to (sec, <= addr). */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		s = o->sorted[mid];
		if (s->section < sec || (s->section == sec && s->addr <= addr))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	s = o->sorted[lo - 1];
	if (s->section != sec || (!covering && s->addr != addr) ||
	    addr - s->addr >= s->size)
		return NULL;
	while (lo > 1 && o->sorted[lo - 2]->section == sec &&
	       o->sorted[lo - 2]->addr == s->addr)
		s = o->sorted[--lo - 1];
	return s;
}

static int
cmp_relocs(const void *pa, const void *pb)
{
	const struct reloc *a = pa, *b = pb;

	return a->offset < b->offset ? -1 : a->offset > b->offset;
}

/* The target of relocation k of .rela section rela: its symbol, or for a
 * section symbol (in section sec) the function at the addend. */
static char *
reloc_target(const struct object *o, const struct section *rela, size_t k,
             uint64_t type, const char *symbol, size_t sec)
{
	const struct symbol *f;
	uint64_t addend;

	if (sec == (size_t)-1 || strcmp(o->secs[sec].name, symbol) != 0 ||
	    (k + 1) * 24 > rela->size)
		return xstrdup(symbol);
	addend = elf_le(rela->data + k * 24 + 16, 8);
	/* x86-64 R_X86_64_PC32 and PLT32 are relative to the field's end. */
	if (o->machine == EM_X86_64 && (type == 2 || type == 4))
		addend += 4;
	f = object_symbol_at(o, sec, addend, 0);
	return xstrdup(f ? f->name : symbol);
}

static void
read_relocations(struct object *o, LLVMBinaryRef b)
{
	LLVMSectionIteratorRef si = LLVMObjectFileCopySectionIterator(b);
	LLVMSectionIteratorRef at = LLVMObjectFileCopySectionIterator(b);
	size_t i = 0;

	o->rels = xcalloc(o->nsecs, sizeof(*o->rels));
	o->nrels = xcalloc(o->nsecs, sizeof(*o->nrels));
	for (; !LLVMObjectFileIsSectionIteratorAtEnd(b, si);
	     LLVMMoveToNextSection(si), i++) {
		const struct section *s = &o->secs[i];
		size_t t = s->info, k = 0;
		LLVMRelocationIteratorRef ri;

		if (s->type != SHT_RELA || t >= o->nsecs)
			continue;
		ri = LLVMGetRelocations(si);
		for (; !LLVMIsRelocationIteratorAtEnd(si, ri);
		     LLVMMoveToNextRelocation(ri), k++) {
			LLVMSymbolIteratorRef rs = LLVMGetRelocationSymbol(ri);
			const char *name;
			struct reloc *rel;
			size_t sec = (size_t)-1;

			if (LLVMObjectFileIsSymbolIteratorAtEnd(b, rs) ||
			    is_page_half(o->machine, LLVMGetRelocationType(ri)) ||
			    !(name = LLVMGetSymbolName(rs)) || !*name) {
				LLVMDisposeSymbolIterator(rs);
				continue;
			}
			/* A section symbol, for reloc_target()? */
			if (strmap_get(&o->byname, name)) {
				LLVMMoveToContainingSection(at, rs);
				if (!LLVMObjectFileIsSectionIteratorAtEnd(b, at))
					sec = section_index(o, at);
			}
			o->rels[t] = xrealloc(o->rels[t],
			                      (o->nrels[t] + 1) * sizeof(**o->rels));
			rel = &o->rels[t][o->nrels[t]++];
			rel->offset = LLVMGetRelocationOffset(ri);
			rel->type = LLVMGetRelocationType(ri);
			rel->symbol = reloc_target(o, s, k, rel->type, name, sec);
			LLVMDisposeSymbolIterator(rs);
		}
		LLVMDisposeRelocationIterator(ri);
		if (o->nrels[t])
			qsort(o->rels[t], o->nrels[t], sizeof(**o->rels), cmp_relocs);
	}
	LLVMDisposeSectionIterator(at);
	LLVMDisposeSectionIterator(si);
}

static int
cmp_got(const void *pa, const void *pb)
{
	const struct got_slot *a = pa, *b = pb;

	return a->slot < b->slot ? -1 : a->slot > b->slot;
}

/*
 * A linked position-independent x86-64 program calls functions of its own
 * through GOT slots (rustc's -Z plt=no), which the dynamic relocations
 * (R_X86_64_RELATIVE) fill with the function's address: read which slot
 * holds which address, to name the callee of "call *SLOT(%rip)".
 */
static void
read_got(struct object *o)
{
	size_t i, k;

	for (i = 0; i < o->nsecs; i++) {
		const struct section *s = &o->secs[i];

		if (s->type != SHT_RELA || !s->data || s->addr == 0 ||
		    o->machine != EM_X86_64)
			continue;
		for (k = 0; k + 24 <= s->size; k += 24) {
			const unsigned char *e = s->data + k;

			if ((elf_le(e + 8, 8) & 0xffffffff) != 8 /* RELATIVE */)
				continue;
			o->got = xrealloc(o->got, (o->ngot + 1) * sizeof(*o->got));
			o->got[o->ngot].slot = elf_le(e, 8);
			o->got[o->ngot].target = elf_le(e + 16, 8);
			o->ngot++;
		}
	}
	if (o->ngot)
		qsort(o->got, o->ngot, sizeof(*o->got), cmp_got);
}

const struct symbol *
object_function_at(const struct object *o, uint64_t addr)
{
	size_t i;

	for (i = 0; i < o->nsecs; i++)
		if ((o->secs[i].flags & SHF_EXECINSTR) && o->secs[i].addr <= addr &&
		    addr - o->secs[i].addr < o->secs[i].size)
			return object_symbol_at(o, i, addr, 0);
	return NULL;
}

const struct got_slot *
object_got_slot(const struct object *o, uint64_t slot)
{
	struct got_slot key;

	if (!o->ngot)
		return NULL;
	key.slot = slot;
	return bsearch(&key, o->got, o->ngot, sizeof(*o->got), cmp_got);
}

void
object_close(struct object *o)
{
	size_t i, k;

	for (i = 0; i < o->nsecs; i++) {
		for (k = 0; o->rels && k < o->nrels[i]; k++)
			free(o->rels[i][k].symbol);
		if (o->rels)
			free(o->rels[i]);
		free(o->secs[i].name);
	}
	for (i = 0; i < o->nsyms; i++)
		free(o->syms[i].name);
	free(o->secs);
	strmap_release(&o->byname);
	free(o->same_name);
	free(o->syms);
	free(o->sorted);
	free(o->rels);
	free(o->nrels);
	free(o->got);
	if (o->binary)
		LLVMDisposeBinary(o->binary);
	if (o->mb)
		LLVMDisposeMemoryBuffer(o->mb);
	memset(o, 0, sizeof(*o));
}


int
object_open(struct object *o, const char *path, const struct buf *data,
            LLVMContextRef ctx, struct strmap *undefined)
{
	const char *why;
	char *msg = NULL;

	memset(o, 0, sizeof(*o));
	o->base = (const unsigned char *)data->data;
	o->len = data->len;
	if ((why = read_headers(o)) != NULL)
		return error("cannot read '%s': %s", path, why);
	o->mb = LLVMCreateMemoryBufferWithMemoryRange(data->data, data->len, path,
	                                              0);
	if (!(o->binary = LLVMCreateBinary(o->mb, ctx, &msg))) {
		error("cannot read '%s': %s", path, msg ? msg : "not an object file");
		LLVMDisposeMessage(msg);
		return -1;
	}
	if ((why = read_names(o, o->binary)) != NULL)
		return error("cannot read '%s': %s", path, why);
	read_symbols(o, o->binary, undefined);
	read_relocations(o, o->binary);
	read_got(o);
	return 0;
}
