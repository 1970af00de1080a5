/* object.c: see object.h. */
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "object.h"
#include "util.h"

/* The page half of an AArch64 adrp + add/ldr pair, or the high parts of
 * a movz/movk sequence: the other half, or the lowest part, counts. */
static int
is_page_half(unsigned machine, uint64_t type)
{
	return machine == ELF_EM_AARCH64 && (type == R_AARCH64_ADR_PREL_PG_HI21 ||
	       type == R_AARCH64_ADR_PREL_PG_HI21_NC ||
	       type == R_AARCH64_ADR_GOT_PAGE ||
	       (type >= R_AARCH64_MOVW_UABS_G1 && type <= R_AARCH64_MOVW_UABS_G3));
}

/* The header and the sections; NULL, or why not. */
static const char *
read_sections(struct object *o, const unsigned char *data, size_t len)
{
	const char *why;
	size_t i;

	if (len >= 8 && memcmp(data, "!<arch>\n", 8) == 0)
		return "an archive; give its object files";
	if ((why = elf_header(data, len, &o->elf)) != NULL)
		return why;
	/* A linked program or library has no relocations left, but its
	 * symbols and calls are at load addresses: calls are read the same
	 * way, with sections at their addresses. */
	if (o->elf.type != ELF_ET_REL && o->elf.type != ELF_ET_EXEC &&
	    o->elf.type != ELF_ET_DYN)
		return "neither a relocatable object nor a linked file";
	o->machine = o->elf.machine;
	if (o->machine != ELF_EM_X86_64 && o->machine != ELF_EM_AARCH64)
		return "an object for a machine other than x86-64 and AArch64";
	if ((why = elf_sections(&o->elf)) != NULL ||
	    (why = elf_section_names(&o->elf)) != NULL)
		return why;
	o->nsecs = o->elf.nsecs;
	o->secs = xcalloc(o->nsecs, sizeof(*o->secs));
	for (i = 0; i < o->nsecs; i++) {
		const struct elf_section *e = &o->elf.secs[i];
		struct section *s = &o->secs[i];

		s->name = e->name;
		s->type = e->type;
		s->flags = e->flags;
		s->size = e->size;
		s->addr = e->addr;
		s->info = e->info;
		if (s->type != ELF_SHT_NOBITS)
			s->data = data + e->offset;
		/* REL relocations keep their addends in the code, which is
		 * not read: a file with them is not read at all. */
		if (s->type == ELF_SHT_REL)
			return "REL relocations, which helperlink does not read";
	}
	return NULL;
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

/* Whether a function's code lies inside its section. */
static int
inside(const struct object *o, const struct symbol *s)
{
	const struct section *sec = &o->secs[s->section];

	return s->addr >= sec->addr && s->addr - sec->addr <= sec->size &&
	       s->size <= sec->size - (s->addr - sec->addr);
}

/*
 * The symbol table: .symtab, or in a linked file without one .dynsym.
 * Each named symbol once, the undefined ones also into undefined; the
 * defined ones with a size sorted, for object_symbol_at().
 */
static const char *
read_symbols(struct object *o, struct strmap *undefined, const char **bad)
{
	size_t sec = elf_find_section(&o->elf, ELF_SHT_SYMTAB), i;
	const char *why;

	if (!sec && o->elf.type != ELF_ET_REL)
		sec = elf_find_section(&o->elf, ELF_SHT_DYNSYM);
	if (!sec)
		return "no symbol table (a stripped object)";
	o->table_sec = sec;
	if ((why = elf_symbols(&o->elf, sec, &o->table, &o->ntable)) != NULL)
		return why;
	o->syms = xcalloc(o->ntable + 1, sizeof(*o->syms));
	for (i = 1; i < o->ntable; i++) {
		const struct elf_symbol *e = &o->table[i];
		struct symbol *s;

		if (!*e->name || e->type == ELF_STT_FILE)
			continue;
		s = &o->syms[o->nsyms++];
		s->name = e->name;
		s->addr = e->value;
		s->size = e->size;
		s->section = e->section < o->nsecs ? e->section : ELF_NO_SECTION;
		if (e->section == ELF_NO_SECTION)
			strmap_put(undefined, e->name, (void *)1);
		if (s->section != ELF_NO_SECTION && s->size > 0 &&
		    (o->secs[s->section].flags & ELF_SHF_EXECINSTR) &&
		    !inside(o, s)) {
			*bad = s->name;
			return "a function that extends past its section";
		}
	}
	o->sorted = xcalloc(o->nsyms + 1, sizeof(*o->sorted));
	for (i = 0; i < o->nsyms; i++)
		if (o->syms[i].section != ELF_NO_SECTION && o->syms[i].size > 0)
			o->sorted[o->nsorted++] = &o->syms[i];
	if (o->nsorted)
		qsort(o->sorted, o->nsorted, sizeof(*o->sorted), cmp_symbols);
	return NULL;
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

/* The target of a relocation against symbol e: its name, or for a
 * section symbol the function at the addend in that section. */
static char *
reloc_target(const struct object *o, const struct elf_reloc *r,
             const struct elf_symbol *e)
{
	const struct symbol *f;
	uint64_t addend = (uint64_t)r->addend;

	if (e->type != ELF_STT_SECTION || e->section >= o->nsecs)
		return xstrdup(e->name);
	/* x86-64 R_X86_64_PC32 and PLT32 are relative to the field's end. */
	if (o->machine == ELF_EM_X86_64 &&
	    (r->type == R_X86_64_PC32 || r->type == R_X86_64_PLT32))
		addend += 4;
	f = object_symbol_at(o, e->section, addend, 0);
	return xstrdup(f ? f->name : e->name);
}

static int
cmp_got(const void *pa, const void *pb)
{
	const struct got_slot *a = pa, *b = pb;

	return a->slot < b->slot ? -1 : a->slot > b->slot;
}

/*
 * A linked position-independent program calls functions through GOT
 * slots (rustc's -Z plt=no, PLT entries), which dynamic relocations fill:
 * with an address of the program (RELATIVE; IRELATIVE, with what the
 * resolver there returns), or a symbol's (GLOB_DAT, JUMP_SLOT, 64).  Note
 * what each slot holds, to name the callee of "call *SLOT(%rip)".
 */
static void
note_got(struct object *o, const struct section *s, const struct elf_reloc *r,
         const struct elf_symbol *e)
{
	int x86 = o->machine == ELF_EM_X86_64;
	struct got_slot *g;

	if (o->elf.type == ELF_ET_REL || s->addr == 0)
		return;
	if (x86 ? r->type != R_X86_64_RELATIVE && r->type != R_X86_64_IRELATIVE &&
	          r->type != R_X86_64_GLOB_DAT && r->type != R_X86_64_JUMP_SLOT &&
	          r->type != R_X86_64_64
	        : r->type != R_AARCH64_RELATIVE && r->type != R_AARCH64_IRELATIVE &&
	          r->type != R_AARCH64_GLOB_DAT && r->type != R_AARCH64_JUMP_SLOT &&
	          r->type != R_AARCH64_ABS64)
		return;
	o->got = xrealloc(o->got, (o->ngot + 1) * sizeof(*o->got));
	g = &o->got[o->ngot++];
	g->slot = r->offset;
	g->target = (uint64_t)r->addend;
	g->symbol = NULL;
	if (r->symbol != 0 && *e->name) {
		g->target += e->value;
		g->symbol = e->name;
	}
}

/* The symbols of table sec, for the relocations that link to it: the one
 * read already, another (a linked file's .dynsym beside .symtab), or
 * none. */
static const char *
linked_table(struct object *o, size_t sec, struct elf_symbol **other,
             const struct elf_symbol **syms, size_t *n)
{
	static const struct elf_symbol none = {"", 0, 0, ELF_NO_SECTION, 0, 0};
	const char *why;

	if (sec == 0) {
		*syms = &none;
		*n = 1;
		return NULL;
	}
	if (sec == o->table_sec) {
		*syms = o->table;
		*n = o->ntable;
		return NULL;
	}
	if (sec >= o->nsecs || (o->secs[sec].type != ELF_SHT_SYMTAB &&
	                        o->secs[sec].type != ELF_SHT_DYNSYM))
		return "relocations without a symbol table";
	free(*other);
	*other = NULL;
	why = elf_symbols(&o->elf, sec, other, n);
	*syms = *other;
	return why;
}

/* The allocated section of a linked file holding address addr, or
 * (size_t)-1. */
static size_t
section_holding(const struct object *o, uint64_t addr)
{
	size_t i;

	for (i = 1; i < o->nsecs; i++)
		if ((o->secs[i].flags & ELF_SHF_ALLOC) && o->secs[i].addr <= addr &&
		    addr - o->secs[i].addr < o->secs[i].size)
			return i;
	return (size_t)-1;
}

/* Every relocation, by the section it applies to (in a linked file, the
 * section sh_info names, if any), sorted by offset. */
static const char *
read_relocations(struct object *o)
{
	struct elf_symbol *other = NULL;
	const char *why = NULL;
	size_t i, k;

	o->rels = xcalloc(o->nsecs, sizeof(*o->rels));
	o->nrels = xcalloc(o->nsecs, sizeof(*o->nrels));
	for (i = 0; i < o->nsecs && !why; i++) {
		const struct section *s = &o->secs[i];
		const struct elf_symbol *syms;
		struct elf_reloc *r;
		size_t t = s->info, n, nsyms;

		if (s->type != ELF_SHT_RELA)
			continue;
		if ((why = linked_table(o, o->elf.secs[i].link, &other, &syms,
		                        &nsyms)) != NULL ||
		    (why = elf_relocations(&o->elf, i, nsyms, &r, &n)) != NULL)
			break;
		for (k = 0; k < n; k++) {
			const struct elf_symbol *e = &syms[r[k].symbol];
			struct reloc *rel;

			note_got(o, s, &r[k], e);
			/* A linked file's dynamic relocations (.rela.dyn names
			 * no section) patch the section at their address. */
			if (o->elf.type != ELF_ET_REL && s->info == 0)
				t = section_holding(o, r[k].offset);
			if (t >= o->nsecs || r[k].symbol == 0 || !*e->name ||
			    is_page_half(o->machine, r[k].type))
				continue;
			o->rels[t] = xrealloc(o->rels[t],
			                      (o->nrels[t] + 1) * sizeof(**o->rels));
			rel = &o->rels[t][o->nrels[t]++];
			rel->offset = r[k].offset;
			rel->type = r[k].type;
			rel->symbol = reloc_target(o, &r[k], e);
		}
		free(r);
	}
	free(other);
	for (i = 0; i < o->nsecs; i++)
		if (o->nrels[i])
			qsort(o->rels[i], o->nrels[i], sizeof(**o->rels), cmp_relocs);
	if (o->ngot)
		qsort(o->got, o->ngot, sizeof(*o->got), cmp_got);
	return why;
}

const struct symbol *
object_function_at(const struct object *o, uint64_t addr)
{
	size_t i;

	for (i = 0; i < o->nsecs; i++)
		if ((o->secs[i].flags & ELF_SHF_EXECINSTR) && o->secs[i].addr <= addr &&
		    addr - o->secs[i].addr < o->secs[i].size)
			return object_symbol_at(o, i, addr, 0);
	return NULL;
}

size_t
object_section(const struct object *o, const char *name)
{
	size_t i;

	for (i = 1; i < o->nsecs; i++)
		if (strcmp(o->secs[i].name, name) == 0)
			return i;
	return (size_t)-1;
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

	for (i = 0; o->rels && i < o->nsecs; i++) {
		for (k = 0; k < o->nrels[i]; k++)
			free(o->rels[i][k].symbol);
		free(o->rels[i]);
	}
	free(o->secs);
	free(o->table);
	free(o->syms);
	free(o->sorted);
	free(o->rels);
	free(o->nrels);
	free(o->got);
	elf_release(&o->elf);
	memset(o, 0, sizeof(*o));
}

int
object_open(struct object *o, const char *path, const unsigned char *data,
            size_t len, struct strmap *undefined)
{
	const char *why, *bad = NULL;

	memset(o, 0, sizeof(*o));
	if ((why = read_sections(o, data, len)) != NULL ||
	    (why = read_symbols(o, undefined, &bad)) != NULL ||
	    (why = read_relocations(o)) != NULL) {
		if (bad)
			return error("cannot read '%s': %s: '%s'", path, why, bad);
		return error("cannot read '%s': %s", path, why);
	}
	return 0;
}
