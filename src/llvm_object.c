/*
 * llvm_object.c: what code refers to, function by function, in an object
 * file or in a bitcode module.
 *
 * In an object, a reference is a relocation, found with LLVM's object-file
 * C API, or a call that the assembler resolved within its section and so
 * has no relocation, found by disassembling.  The C API gives neither an
 * ELF relocation's addend nor a symbol's section index, so addends are read
 * from the raw .rela sections (ELF64), and sections are told apart by name
 * and contents.  A relocation against a section symbol, which the API names
 * after the section, points at the function at addend (+ the PC-relative
 * bias of x86-64 calls) in that section.
 */
#include <stdlib.h>
#include <string.h>

#include "llvm_int.h"

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
	const unsigned char *data;
	uint64_t size;
	int exec;
};

struct symbol {
	char *name;
	size_t section;   /* index, or (size_t)-1 when undefined */
	uint64_t addr, size;
};

struct reloc {
	uint64_t offset;
	char *symbol;
};

struct object {
	struct section *secs;
	size_t nsecs;
	struct symbol *syms;
	size_t nsyms;
	struct reloc **rels;     /* per section, sorted by offset */
	size_t *nrels;
	unsigned machine;        /* ELF e_machine, 0 if not ELF */
};

enum { EM_X86_64 = 62, EM_AARCH64 = 183 };

static uint64_t
le(const unsigned char *p, int n)
{
	uint64_t v = 0;

	while (n-- > 0)
		v = v << 8 | p[n];
	return v;
}

static size_t
find_section(const struct object *o, const char *name, const char *data)
{
	size_t i;

	for (i = 0; i < o->nsecs; i++)
		if (strcmp(o->secs[i].name, name) == 0 &&
		    (!data || o->secs[i].data == (const unsigned char *)data))
			return i;
	return (size_t)-1;
}

static void
read_sections(struct object *o, LLVMBinaryRef b)
{
	LLVMSectionIteratorRef si = LLVMObjectFileCopySectionIterator(b);

	for (; !LLVMObjectFileIsSectionIteratorAtEnd(b, si); LLVMMoveToNextSection(si)) {
		struct section *s;

		o->secs = xrealloc(o->secs, (o->nsecs + 1) * sizeof(*o->secs));
		s = &o->secs[o->nsecs++];
		s->name = xstrdup(LLVMGetSectionName(si) ? LLVMGetSectionName(si) : "");
		s->data = (const unsigned char *)LLVMGetSectionContents(si);
		s->size = LLVMGetSectionSize(si);
		/* The C API has no section flags; code sections are named so. */
		s->exec = strstr(s->name, "text") != NULL &&
		          strncmp(s->name, ".rel", 4) != 0;
	}
	LLVMDisposeSectionIterator(si);
}

static void
read_symbols(struct object *o, LLVMBinaryRef b, struct code_refs *r)
{
	LLVMSymbolIteratorRef sym = LLVMObjectFileCopySymbolIterator(b);
	LLVMSectionIteratorRef si = LLVMObjectFileCopySectionIterator(b);

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
			s->section = find_section(o, LLVMGetSectionName(si),
			                          LLVMGetSectionContents(si));
		}
	}
	LLVMDisposeSymbolIterator(sym);
	LLVMDisposeSectionIterator(si);
}

/* The function defined at offset addr of section sec, or NULL. */
static const char *
function_at(const struct object *o, size_t sec, uint64_t addr)
{
	size_t i;

	for (i = 0; i < o->nsyms; i++)
		if (o->syms[i].section == sec && o->syms[i].addr == addr &&
		    o->syms[i].size > 0)
			return o->syms[i].name;
	return NULL;
}

/* The symbol whose extent holds offset off of section sec, or NULL. */
static const char *
symbol_over(const struct object *o, size_t sec, uint64_t off)
{
	size_t i;

	for (i = 0; i < o->nsyms; i++)
		if (o->syms[i].section == sec && o->syms[i].addr <= off &&
		    off - o->syms[i].addr < o->syms[i].size)
			return o->syms[i].name;
	return NULL;
}

static int
cmp_relocs(const void *pa, const void *pb)
{
	const struct reloc *a = pa, *b = pb;

	return a->offset < b->offset ? -1 : a->offset > b->offset;
}

/* The target of a relocation: its symbol, or for a section symbol the
 * function at the addend. */
static char *
reloc_target(const struct object *o, const struct section *rela, size_t k,
             uint64_t type, const char *symbol)
{
	size_t sec = find_section(o, symbol, NULL);
	const char *f;
	uint64_t addend;

	if (sec == (size_t)-1)
		return xstrdup(symbol);
	if (o->machine == 0 || strncmp(rela->name, ".rela", 5) != 0 ||
	    (k + 1) * 24 > rela->size)
		return xstrdup(symbol);
	addend = le(rela->data + k * 24 + 16, 8);
	/* x86-64 R_X86_64_PC32 and PLT32 are relative to the field's end. */
	if (o->machine == EM_X86_64 && (type == 2 || type == 4))
		addend += 4;
	f = function_at(o, sec, addend);
	return xstrdup(f ? f : symbol);
}

static void
read_relocations(struct object *o, LLVMBinaryRef b)
{
	LLVMSectionIteratorRef si = LLVMObjectFileCopySectionIterator(b);
	size_t i = 0;

	o->rels = xcalloc(o->nsecs, sizeof(*o->rels));
	o->nrels = xcalloc(o->nsecs, sizeof(*o->nrels));
	for (; !LLVMObjectFileIsSectionIteratorAtEnd(b, si);
	     LLVMMoveToNextSection(si), i++) {
		const struct section *s = &o->secs[i];
		const char *target = s->name + (strncmp(s->name, ".rela", 5) == 0 ? 5 : 4);
		size_t t, k = 0;
		LLVMRelocationIteratorRef ri;

		if (strncmp(s->name, ".rel", 4) != 0 ||
		    (t = find_section(o, target, NULL)) == (size_t)-1)
			continue;
		ri = LLVMGetRelocations(si);
		for (; !LLVMIsRelocationIteratorAtEnd(si, ri);
		     LLVMMoveToNextRelocation(ri), k++) {
			LLVMSymbolIteratorRef rs = LLVMGetRelocationSymbol(ri);
			const char *name = LLVMGetSymbolName(rs);
			struct reloc *rel;

			if (name && *name) {
				o->rels[t] = xrealloc(o->rels[t],
				                      (o->nrels[t] + 1) * sizeof(**o->rels));
				rel = &o->rels[t][o->nrels[t]++];
				rel->offset = LLVMGetRelocationOffset(ri);
				rel->symbol = reloc_target(o, s, k, LLVMGetRelocationType(ri),
				                           name);
			}
			LLVMDisposeSymbolIterator(rs);
		}
		LLVMDisposeRelocationIterator(ri);
		qsort(o->rels[t], o->nrels[t], sizeof(**o->rels), cmp_relocs);
	}
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

/* Whether a disassembled instruction calls or jumps (a tail call). */
static int
is_branch(const struct object *o, const char *text)
{
	char word[16];
	size_t n;

	text += strspn(text, " \t");
	n = strcspn(text, " \t");
	if (n >= sizeof(word))
		return 0;
	memcpy(word, text, n);
	word[n] = '\0';
	if (o->machine == EM_X86_64)
		return startswith(word, "call") || startswith(word, "jmp");
	return strcmp(word, "bl") == 0 || strcmp(word, "b") == 0;
}

/*
 * x86-64 code often loads a function's address from the GOT into a
 * register and calls the register (rustc's calls of external functions,
 * hoisted out of loops).  Remember which reference each register holds.
 */
struct loaded {
	char reg[8];
	size_t ref;
};

static const char *
operand_register(const char *text, const char *after, char *reg)
{
	const char *p = strstr(text, after);
	size_t n;

	if (!p)
		return NULL;
	p += strlen(after);
	n = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789");
	if (n == 0 || n >= 8)
		return NULL;
	memcpy(reg, p, n);
	reg[n] = '\0';
	return reg;
}

/* A load of one GOT entry into a register: note it. */
static void
note_load(struct loaded *l, size_t *nl, const char *text, size_t ref)
{
	char reg[8];
	size_t i;

	if (!strstr(text, "mov") || !strstr(text, "(%rip)") ||
	    !operand_register(text, "(%rip), %", reg))
		return;
	for (i = 0; i < *nl && strcmp(l[i].reg, reg) != 0; i++)
		;
	if (i == *nl) {
		if (*nl == 16)
			return;
		(*nl)++;
	}
	strcpy(l[i].reg, reg);
	l[i].ref = ref;
}

/* A call through a register that holds a loaded reference: a call. */
static void
note_call(struct loaded *l, size_t nl, const char *text, struct code_refs *r)
{
	char reg[8];
	size_t i;

	if (!operand_register(text, "*%", reg))
		return;
	for (i = 0; i < nl; i++)
		if (strcmp(l[i].reg, reg) == 0)
			r->v[l[i].ref].address = 0;
}

/* The references of one function, found by disassembling it. */
static void
scan_function(const struct object *o, const struct symbol *f,
              LLVMDisasmContextRef dc, struct branch *br, struct code_refs *r)
{
	const struct section *s = &o->secs[f->section];
	const struct reloc *rels = o->rels[f->section];
	size_t nrels = o->nrels[f->section], k = 0, nloaded = 0;
	uint64_t pc = f->addr, end = f->addr + f->size;
	struct loaded loaded[16];
	char text[256];

	if (end > s->size || !s->data)
		return;
	while (k < nrels && rels[k].offset < pc)
		k++;
	while (pc < end) {
		size_t len, before = k;
		const char *callee;
		int branch;

		br->seen = 0;
		len = dc ? LLVMDisasmInstruction(dc, (uint8_t *)s->data + pc, end - pc,
		                                 pc, text, sizeof(text))
		         : 0;
		if (len == 0) {
			/* Not disassembled: count the relocations as uses. */
			for (; k < nrels && rels[k].offset < end; k++)
				add_ref(r, f->name, rels[k].symbol, 1);
			return;
		}
		branch = is_branch(o, text);
		for (; k < nrels && rels[k].offset < pc + len; k++) {
			add_ref(r, f->name, rels[k].symbol, !branch);
			if (o->machine == EM_X86_64 && !branch)
				note_load(loaded, &nloaded, text, r->n - 1);
		}
		if (o->machine == EM_X86_64 && branch)
			note_call(loaded, nloaded, text, r);
		if (k == before && branch && br->seen && br->target != pc + len &&
		    (br->target < f->addr || br->target >= end) &&
		    (callee = function_at(o, f->section, br->target)) != NULL)
			add_ref(r, f->name, callee, 0);
		pc += len;
	}
}

/* Relocations in data: function pointers in tables, and the like, named
 * after the variable holding them, or else after their section. */
static void
scan_data(const struct object *o, size_t sec, struct code_refs *r)
{
	const struct section *s = &o->secs[sec];
	const char *holder;
	size_t k;

	if (s->exec || startswith(s->name, ".debug") ||
	    startswith(s->name, ".eh_frame") || startswith(s->name, ".gcc_except"))
		return;
	for (k = 0; k < o->nrels[sec]; k++) {
		holder = symbol_over(o, sec, o->rels[sec][k].offset);
		add_ref(r, holder ? holder : s->name, o->rels[sec][k].symbol, 1);
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
	free(o->syms);
	free(o->rels);
	free(o->nrels);
}

int
object_refs(const char *path, const struct buf *data, LLVMContextRef ctx,
            struct code_refs *r)
{
	const unsigned char *d = (const unsigned char *)data->data;
	struct object o;
	struct branch br;
	LLVMMemoryBufferRef mb;
	LLVMDisasmContextRef dc = NULL;
	LLVMBinaryRef b;
	char *msg = NULL;
	size_t i;

	memset(&o, 0, sizeof(o));
	mb = LLVMCreateMemoryBufferWithMemoryRange(data->data, data->len, path, 0);
	b = LLVMCreateBinary(mb, ctx, &msg);
	if (!b) {
		error("cannot read '%s': %s", path, msg ? msg : "not an object file");
		LLVMDisposeMessage(msg);
		LLVMDisposeMemoryBuffer(mb);
		return -1;
	}
	/* ELF64 little-endian: e_machine is at offset 18. */
	if (data->len > 20 && memcmp(d, "\177ELF\2\1", 6) == 0)
		o.machine = (unsigned)le(d + 18, 2);
	read_sections(&o, b);
	read_symbols(&o, b, r);
	read_relocations(&o, b);
	if (o.machine == EM_X86_64)
		dc = LLVMCreateDisasm("x86_64-unknown-linux-gnu", &br, 0, NULL, on_symbol);
	else if (o.machine == EM_AARCH64)
		dc = LLVMCreateDisasm("aarch64-unknown-linux-gnu", &br, 0, NULL, on_symbol);
	for (i = 0; i < o.nsyms; i++)
		if (o.syms[i].section != (size_t)-1 && o.syms[i].size > 0 &&
		    o.secs[o.syms[i].section].exec)
			scan_function(&o, &o.syms[i], dc, &br, r);
	for (i = 0; i < o.nsecs; i++)
		scan_data(&o, i, r);
	if (dc)
		LLVMDisasmDispose(dc);
	object_release(&o);
	LLVMDisposeBinary(b);
	LLVMDisposeMemoryBuffer(mb);
	return 0;
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
	LLVMOpcode op = LLVMGetInstructionOpcode(inst);
	LLVMValueRef v;

	if (op == LLVMCall || op == LLVMInvoke || op == LLVMCallBr) {
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
