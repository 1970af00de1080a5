/*
 * llvm_object.c: what code refers to, function by function, in an object
 * file or in a bitcode module.
 *
 * The objects read are relocatable ELF64, little-endian, for x86-64 or
 * AArch64: what rustc and clang write on Linux there.  LLVM's object-file
 * C API gives the sections' names, the symbols and the relocations; it
 * gives neither a section's flags, nor which section a .rela section
 * relocates, nor an addend, so these come from the raw section headers
 * and .rela entries.
 *
 * A reference is a relocation, or a call that the assembler resolved
 * within its section and so has no relocation, found by disassembling.
 * A relocation in a branch instruction is a call; any other is a use of
 * the address, unless (x86-64) the address, loaded from the GOT into a
 * register, is then called through that register.  A relocation against
 * a section symbol points at the function at addend (+ the PC-relative
 * bias of x86-64 calls) in that section.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elffile.h"
#include "llvm_int.h"

enum {
	ET_REL = 1, ET_EXEC = 2, ET_DYN = 3, EM_X86_64 = 62, EM_AARCH64 = 183,
	SHT_RELA = 4, SHT_NOBITS = 8, SHF_ALLOC = 0x2, SHF_EXECINSTR = 0x4,
	R_AARCH64_ADR_PREL_PG_HI21 = 275, R_AARCH64_ADR_PREL_PG_HI21_NC = 276,
	R_AARCH64_JUMP26 = 282, R_AARCH64_CALL26 = 283,
	R_AARCH64_ADR_GOT_PAGE = 311,
};

/* The page half of an AArch64 adrp + add/ldr pair: the other half counts. */
static int
is_page_half(unsigned machine, uint64_t type)
{
	return machine == EM_AARCH64 && (type == R_AARCH64_ADR_PREL_PG_HI21 ||
	       type == R_AARCH64_ADR_PREL_PG_HI21_NC ||
	       type == R_AARCH64_ADR_GOT_PAGE);
}

static void
add_ref(struct code_refs *r, const char *function, const char *symbol,
        int address)
{
	struct code_ref *c;

	r->v = xrealloc(r->v, (r->n + 1) * sizeof(*r->v));
	c = &r->v[r->n++];
	c->function = xstrdup(function);
	c->symbol = xstrdup(symbol);
	c->address = address;
}

void
code_refs_release(struct code_refs *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].function);
		free(r->v[i].symbol);
	}
	free(r->v);
	strmap_release(&r->undefined);
	memset(r, 0, sizeof(*r));
}

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
read_symbols(struct object *o, LLVMBinaryRef b, struct code_refs *r)
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
			strmap_put(&r->undefined, name, (void *)1);
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

/*
 * The first symbol (by name) of section sec at or, with covering, holding
 * offset addr; NULL if there is none.
 */
static const struct symbol *
symbol_at(const struct object *o, size_t sec, uint64_t addr, int covering)
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
	f = symbol_at(o, sec, addend, 0);
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

/* What the disassembler tells of a branch: where it goes. */
struct branch {
	int seen;
	uint64_t target;
};

static const char *
on_symbol(void *info, uint64_t value, uint64_t *type, uint64_t pc,
          const char **name)
{
	struct branch *br = info;

	(void)pc;
	if (*type == 1 /* LLVMDisassembler_ReferenceType_In_Branch */) {
		br->seen = 1;
		br->target = value;
	}
	*type = 0;
	*name = NULL;
	return NULL;
}

/* The mnemonic of a disassembled instruction, into word. */
static void
mnemonic(const char *text, char *word, size_t size)
{
	size_t n;

	text += strspn(text, " \t");
	n = strcspn(text, " \t");
	if (n >= size)
		n = 0;
	memcpy(word, text, n);
	word[n] = '\0';
}

/* Whether an instruction calls or jumps (a tail call, maybe conditional). */
static int
is_branch(const struct object *o, const char *word)
{
	if (o->machine == EM_X86_64)
		return startswith(word, "call") || word[0] == 'j';
	return strcmp(word, "bl") == 0 || strcmp(word, "b") == 0 ||
	       startswith(word, "b.") || startswith(word, "cb") ||
	       startswith(word, "tb");
}

/*
 * x86-64 code often loads a function's address from the GOT into a
 * register and calls the register (rustc's calls of external functions,
 * hoisted out of loops).  Remember which reference each register holds,
 * by the register's 64-bit name, until something else is written to it.
 */
struct loaded {
	char reg[8];
	size_t ref;
};

struct registers {
	struct loaded v[16];
	size_t n;
};

/* The 64-bit register that reg ("eax", "r12d", "sil") is part of. */
static void
reg64(const char *reg, char *out)
{
	size_t n = strlen(reg);

	if (reg[0] == 'r' && reg[1] >= '0' && reg[1] <= '9') {
		n = 1 + strspn(reg + 1, "0123456789");
		memcpy(out, reg, n);
		out[n] = '\0';
	} else if (n == 3 && (reg[0] == 'r' || reg[0] == 'e')) {
		snprintf(out, 8, "r%s", reg + 1);
	} else if (n == 3 && reg[2] == 'l') {        /* sil, dil, bpl, spl */
		snprintf(out, 8, "r%.2s", reg);
	} else if (n == 2 && (reg[1] == 'l' || reg[1] == 'h')) {
		snprintf(out, 8, "r%cx", reg[0]);
	} else {
		snprintf(out, 8, "r%.6s", reg);
	}
}

/* The register at "%name" after the last occurrence of after, as reg64. */
static int
operand_register(const char *text, const char *after, char *reg)
{
	const char *p = NULL, *q;
	char name[8];
	size_t n;

	for (q = strstr(text, after); q; q = strstr(q + 1, after))
		p = q;
	if (!p)
		return 0;
	p += strlen(after);
	n = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789");
	if (n == 0 || n >= sizeof(name))
		return 0;
	memcpy(name, p, n);
	name[n] = '\0';
	reg64(name, reg);
	return 1;
}

static void
forget(struct registers *rg, const char *reg)
{
	size_t i;

	for (i = 0; i < rg->n; i++)
		if (strcmp(rg->v[i].reg, reg) == 0)
			rg->v[i] = rg->v[--rg->n];
}

/* A load of one GOT entry into a register: note it. */
static void
note_load(struct registers *rg, const char *text, size_t ref)
{
	char reg[8];

	if (!strstr(text, "mov") || !strstr(text, "(%rip)") ||
	    !operand_register(text, "(%rip), %", reg))
		return;
	forget(rg, reg);
	if (rg->n < LEN(rg->v)) {
		strcpy(rg->v[rg->n].reg, reg);
		rg->v[rg->n++].ref = ref;
	}
}

/*
 * After an instruction: a call through a register holding a loaded
 * reference makes that reference a call; a call clobbers the registers
 * the callee may change; other instructions clobber their destination,
 * the last operand in AT&T syntax.
 */
static void
note_instruction(struct registers *rg, const char *word, int branch,
                 const char *text, struct code_refs *r)
{
	static const char *const clobbered[] = {
		"rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11",
	};
	char reg[8];
	size_t i;

	if (branch) {
		if (operand_register(text, "*%", reg))
			for (i = 0; i < rg->n; i++)
				if (strcmp(rg->v[i].reg, reg) == 0)
					r->v[rg->v[i].ref].address = 0;
		if (startswith(word, "call"))
			for (i = 0; i < LEN(clobbered); i++)
				forget(rg, clobbered[i]);
		return;
	}
	if (startswith(word, "cmp") || startswith(word, "test") ||
	    startswith(word, "bt") || startswith(word, "push"))
		return;
	if (operand_register(text, strchr(text, ',') ? ", %" : "%", reg))
		forget(rg, reg);
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

/* The function at a load address of a linked file, or NULL. */
static const struct symbol *
function_at(const struct object *o, uint64_t addr)
{
	size_t i;

	for (i = 0; i < o->nsecs; i++)
		if ((o->secs[i].flags & SHF_EXECINSTR) && o->secs[i].addr <= addr &&
		    addr - o->secs[i].addr < o->secs[i].size)
			return symbol_at(o, i, addr, 0);
	return NULL;
}

/* For an instruction at pc, len bytes long, that reads "DISP(%rip)": the
 * function the GOT slot there holds, or NULL. */
static const struct symbol *
got_function(const struct object *o, const char *text, uint64_t pc, size_t len)
{
	const char *rip = strstr(text, "(%rip)"), *p;
	struct got_slot key, *g;
	long long disp;
	char *end;

	if (!o->ngot || !rip)
		return NULL;
	for (p = rip; p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '-'); p--)
		;
	disp = strtoll(p, &end, 0);  /* LLVM prints it in decimal */
	if (end != rip || p == rip)
		return NULL;
	key.slot = pc + len + (uint64_t)disp;
	g = bsearch(&key, o->got, o->ngot, sizeof(*o->got), cmp_got);
	return g ? function_at(o, g->target) : NULL;
}

/* The references of one function, found by disassembling it. */
static void
scan_function(const struct object *o, const struct symbol *f,
              LLVMDisasmContextRef dc, struct branch *br, struct code_refs *r)
{
	const struct section *s = &o->secs[f->section];
	const struct reloc *rels = o->rels[f->section];
	size_t nrels = o->nrels[f->section], k = 0;
	uint64_t pc = f->addr, end = f->addr + f->size;
	struct registers rg = {.n = 0};
	char text[256], word[16];

	if (pc < s->addr || end - s->addr > s->size || end < pc || !s->data)
		return;
	while (k < nrels && rels[k].offset < pc)
		k++;
	while (pc < end) {
		size_t len, before = k;
		const struct symbol *callee;
		int branch;

		br->seen = 0;
		len = LLVMDisasmInstruction(dc, (uint8_t *)s->data + (pc - s->addr),
		                            end - pc, pc, text, sizeof(text));
		if (len == 0) {
			/* Not an instruction (data in code): skip a byte, or
			 * on AArch64 a word, and count relocations as uses. */
			len = o->machine == EM_AARCH64 ? 4 : 1;
			for (; k < nrels && rels[k].offset < pc + len; k++)
				add_ref(r, f->name, rels[k].symbol, 1);
			pc += len;
			continue;
		}
		mnemonic(text, word, sizeof(word));
		branch = is_branch(o, word);
		/* What the instruction does to registers, then what it loads. */
		if (o->machine == EM_X86_64)
			note_instruction(&rg, word, branch, text, r);
		for (; k < nrels && rels[k].offset < pc + len; k++) {
			int call = branch || rels[k].type == R_AARCH64_CALL26 ||
			           rels[k].type == R_AARCH64_JUMP26;

			add_ref(r, f->name, rels[k].symbol, !call);
			if (o->machine == EM_X86_64 && !call)
				note_load(&rg, text, r->n - 1);
		}
		if (k == before && branch && br->seen && br->target != pc + len &&
		    (br->target < f->addr || br->target >= end) &&
		    (callee = symbol_at(o, f->section, br->target, 0)) != NULL)
			add_ref(r, f->name, callee->name, 0);
		else if (k == before && o->ngot &&
		         (callee = got_function(o, text, pc, len)) != NULL) {
			/* A linked program: "call *SLOT(%rip)", or a load of
			 * the slot that a "call *%reg" may use. */
			if (branch && strchr(text, '*')) {
				add_ref(r, f->name, callee->name, 0);
			} else if (strstr(text, "(%rip), %")) {
				add_ref(r, f->name, callee->name, 1);
				note_load(&rg, text, r->n - 1);
			}
		}
		pc += len;
	}
}

/* Relocations in data: function pointers in tables, and the like, named
 * after the variable holding them, or else after their section. */
static void
scan_data(const struct object *o, size_t sec, struct code_refs *r)
{
	const struct section *s = &o->secs[sec];
	const struct symbol *holder;
	size_t k;

	if (!(s->flags & SHF_ALLOC) || (s->flags & SHF_EXECINSTR) ||
	    startswith(s->name, ".eh_frame") || startswith(s->name, ".gcc_except"))
		return;
	for (k = 0; k < o->nrels[sec]; k++) {
		holder = symbol_at(o, sec, o->rels[sec][k].offset, 1);
		add_ref(r, holder ? holder->name : s->name, o->rels[sec][k].symbol, 1);
	}
}

static void
object_release(struct object *o)
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
}

int
object_refs(const char *path, const struct buf *data, LLVMContextRef ctx,
            struct code_refs *r)
{
	struct object o;
	struct branch br;
	LLVMMemoryBufferRef mb = NULL;
	LLVMDisasmContextRef dc = NULL;
	LLVMBinaryRef b = NULL;
	const char *why;
	char *msg = NULL;
	size_t i;
	int ret = -1;

	memset(&o, 0, sizeof(o));
	o.base = (const unsigned char *)data->data;
	o.len = data->len;
	if ((why = read_headers(&o)) != NULL) {
		error("cannot read '%s': %s", path, why);
		goto out;
	}
	mb = LLVMCreateMemoryBufferWithMemoryRange(data->data, data->len, path, 0);
	if (!(b = LLVMCreateBinary(mb, ctx, &msg))) {
		error("cannot read '%s': %s", path, msg ? msg : "not an object file");
		LLVMDisposeMessage(msg);
		goto out;
	}
	if ((why = read_names(&o, b)) != NULL) {
		error("cannot read '%s': %s", path, why);
		goto out;
	}
	read_symbols(&o, b, r);
	read_relocations(&o, b);
	read_got(&o);
	dc = LLVMCreateDisasm(o.machine == EM_X86_64 ? "x86_64-unknown-linux-gnu"
	                      : "aarch64-unknown-linux-gnu", &br, 0, NULL, on_symbol);
	if (!dc) {
		error("cannot read '%s': LLVM has no disassembler for it", path);
		goto out;
	}
	/* Each function once, under its first name: aliases share code. */
	for (i = 0; i < o.nsorted; i++) {
		const struct symbol *f = o.sorted[i];

		if ((o.secs[f->section].flags & SHF_EXECINSTR) &&
		    (i == 0 || o.sorted[i - 1]->section != f->section ||
		     o.sorted[i - 1]->addr != f->addr))
			scan_function(&o, f, dc, &br, r);
	}
	for (i = 0; i < o.nsecs; i++)
		scan_data(&o, i, r);
	ret = 0;
out:
	if (dc)
		LLVMDisasmDispose(dc);
	object_release(&o);
	if (b)
		LLVMDisposeBinary(b);
	if (mb)
		LLVMDisposeMemoryBuffer(mb);
	return ret;
}

/* The global value behind a constant, and those inside it. */
static void
constant_refs(struct code_refs *r, const char *function, LLVMValueRef c,
              int depth)
{
	LLVMValueKind k = LLVMGetValueKind(c);
	int i, n;

	if (k == LLVMFunctionValueKind || k == LLVMGlobalVariableValueKind ||
	    k == LLVMGlobalAliasValueKind || k == LLVMGlobalIFuncValueKind) {
		if (*value_name(c) && !startswith(value_name(c), "llvm."))
			add_ref(r, function, value_name(c), 1);
		return;
	}
	if (depth > 8 || k == LLVMInstructionValueKind ||
	    k == LLVMBasicBlockValueKind || k == LLVMMetadataAsValueValueKind)
		return;
	n = LLVMGetNumOperands(c);
	for (i = 0; i < n; i++)
		constant_refs(r, function, LLVMGetOperand(c, (unsigned)i), depth + 1);
}

static void
instruction_refs(struct code_refs *r, const char *function, LLVMValueRef inst)
{
	int i, n = LLVMGetNumOperands(inst), callee = -1;
	LLVMValueRef v;

	if (is_call(inst)) {
		callee = n - 1;
		v = LLVMGetOperand(inst, (unsigned)callee);
		if (is_function(v) || LLVMGetValueKind(v) == LLVMGlobalAliasValueKind)
			if (!startswith(value_name(v), "llvm."))
				add_ref(r, function, value_name(v), 0);
	}
	for (i = 0; i < n; i++) {
		if (i == callee)
			continue;
		v = LLVMGetOperand(inst, (unsigned)i);
		if (v && LLVMGetValueKind(v) != LLVMInstructionValueKind &&
		    LLVMGetValueKind(v) != LLVMArgumentValueKind)
			constant_refs(r, function, v, 0);
	}
}

void
module_refs(LLVMModuleRef m, struct code_refs *r)
{
	LLVMValueRef f, g;

	for (f = LLVMGetFirstFunction(m); f; f = LLVMGetNextFunction(f)) {
		LLVMBasicBlockRef bb;
		LLVMValueRef i;

		if (LLVMIsDeclaration(f)) {
			if (LLVMGetFirstUse(f) && !startswith(value_name(f), "llvm."))
				strmap_put(&r->undefined, value_name(f), (void *)1);
			continue;
		}
		for (bb = LLVMGetFirstBasicBlock(f); bb; bb = LLVMGetNextBasicBlock(bb))
			for (i = LLVMGetFirstInstruction(bb); i;
			     i = LLVMGetNextInstruction(i))
				instruction_refs(r, value_name(f), i);
	}
	for (g = LLVMGetFirstGlobal(m); g; g = LLVMGetNextGlobal(g)) {
		if (LLVMIsDeclaration(g)) {
			if (LLVMGetFirstUse(g))
				strmap_put(&r->undefined, value_name(g), (void *)1);
		} else if (!startswith(value_name(g), "llvm.")) {
			constant_refs(r, value_name(g), LLVMGetInitializer(g), 0);
		}
	}
}
