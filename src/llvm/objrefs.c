/*
 * llvm/objrefs.c: what the code and data of an ELF file (object.h) refer
 * to, function by function.
 *
 * A reference is a relocation, or a call that the assembler resolved
 * within its section and so has no relocation, found by disassembling; in
 * a linked file, a call to an address, to a PLT entry, or through a GOT
 * slot.  A relocation in a branch instruction is a call; any other is a
 * use of the address, unless the address, loaded into a register, is
 * then called through that register (regs.h).  A relocation against a
 * section symbol points at the function at addend (+ the PC-relative bias
 * of x86-64 calls) in that section.
 */
#include <stdlib.h>
#include <string.h>

#include "../object.h"
#include "engine.h"
#include "regs.h"

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

/* The mnemonic of a disassembled instruction, past x86-64 prefixes
 * ("bnd jmpq", printed "repne jmpq"; "addr32 callq", a GOT load the
 * linker relaxed), into word; the operands after it. */
static const char *
mnemonic(const char *text, char *word, size_t size)
{
	static const char *const prefixes[] = {
		"repne", "rep", "bnd", "notrack", "lock", "ds", "cs", "addr32",
	};
	size_t n, i;

	for (;;) {
		text += strspn(text, " \t");
		n = strcspn(text, " \t");
		for (i = 0; i < LEN(prefixes); i++)
			if (strlen(prefixes[i]) == n && strncmp(text, prefixes[i], n) == 0)
				break;
		if (i == LEN(prefixes))
			break;
		text += n;
	}
	if (n >= size)
		n = 0;
	memcpy(word, text, n);
	word[n] = '\0';
	return text + n;
}

/* Whether an instruction calls or jumps (a tail call, maybe conditional). */
static int
is_branch(const struct object *o, const char *word)
{
	if (o->machine == ELF_EM_X86_64)
		return startswith(word, "call") || word[0] == 'j';
	return strcmp(word, "bl") == 0 || strcmp(word, "b") == 0 ||
	       startswith(word, "b.") || startswith(word, "cb") ||
	       startswith(word, "tb") || strcmp(word, "blr") == 0 ||
	       strcmp(word, "br") == 0;
}

/* The function a branch with no relocation goes to: in an object, one of
 * its own section; in a linked file, any, or a PLT entry's. */
static const char *
branch_callee(const struct object *o, size_t sec, uint64_t target)
{
	const struct symbol *f;

	if (o->elf.type == ELF_ET_REL) {
		f = object_symbol_at(o, sec, target, 0);
		return f ? f->name : NULL;
	}
	if ((f = object_function_at(o, target)) != NULL)
		return f->name;
	return object_plt_function(o, target);
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
	struct regs rg;
	char text[256], word[16];

	if (pc < s->addr || end - s->addr > s->size || end < pc || !s->data)
		return;
	memset(&rg, 0, sizeof(rg));
	while (k < nrels && rels[k].offset < pc)
		k++;
	while (pc < end) {
		struct insn in = {o, f->name, s->data + (pc - s->addr), pc, 0,
		                  text, word, NULL, 0, r->n, 0};
		const char *callee;

		br->seen = 0;
		in.len = LLVMDisasmInstruction(dc, (uint8_t *)in.bytes, end - pc, pc,
		                               text, sizeof(text));
		if (in.len == 0) {
			/* Not an instruction (data in code): skip a byte, or
			 * on AArch64 a word, and count relocations as uses. */
			in.len = o->machine == ELF_EM_AARCH64 ? 4 : 1;
			for (; k < nrels && rels[k].offset < pc + in.len; k++)
				refs_add(r, f->name, rels[k].symbol, 1);
			pc += in.len;
			continue;
		}
		in.operands = mnemonic(text, word, sizeof(word));
		in.branch = is_branch(o, word);
		for (; k < nrels && rels[k].offset < pc + in.len; k++) {
			int call = in.branch || rels[k].type == R_AARCH64_CALL26 ||
			           rels[k].type == R_AARCH64_JUMP26;

			refs_add(r, f->name, rels[k].symbol, !call);
		}
		in.nrefs = r->n - in.first_ref;
		if (in.nrefs == 0 && in.branch && br->seen && br->target != pc + in.len &&
		    (br->target < f->addr || br->target >= end) &&
		    (callee = branch_callee(o, f->section, br->target)) != NULL)
			refs_add(r, f->name, callee, 0);
		if (o->machine == ELF_EM_X86_64)
			regs_x86(&rg, &in, r);
		else
			regs_a64(&rg, &in, r);
		pc += in.len;
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

	/* A linked file's GOT slots are what its code calls through: the
	 * calls count, where the code loads them. */
	if (!(s->flags & ELF_SHF_ALLOC) || (s->flags & ELF_SHF_EXECINSTR) ||
	    startswith(s->name, ".eh_frame") || startswith(s->name, ".gcc_except") ||
	    (o->elf.type != ELF_ET_REL && startswith(s->name, ".got")))
		return;
	for (k = 0; k < o->nrels[sec]; k++) {
		holder = object_symbol_at(o, sec, o->rels[sec][k].offset, 1);
		refs_add(r, holder ? holder->name : s->name, o->rels[sec][k].symbol, 1);
	}
}

/* The first name of the function at o->sorted[i]'s address. */
static const char *
first_name(const struct object *o, size_t i)
{
	while (i > 0 && o->sorted[i - 1]->section == o->sorted[i]->section &&
	       o->sorted[i - 1]->addr == o->sorted[i]->addr)
		i--;
	return o->sorted[i]->name;
}

static void
note_alias(struct code_refs *r, const char *first, const char *name)
{
	char *old = strmap_get(&r->aliases, first);

	strmap_put(&r->aliases, first,
	           old ? xasprintf("%s%s\n", old, name) : xasprintf("%s\n", name));
	free(old);
}

int
refs_object(const char *path, const struct buf *data, struct code_refs *r)
{
	struct object o;
	struct branch br;
	LLVMDisasmContextRef dc = NULL;
	size_t i;
	int ret = -1;

	if (object_open(&o, path, (const unsigned char *)data->data, data->len,
	                &r->undefined) < 0)
		goto out;
	dc = LLVMCreateDisasm(o.machine == ELF_EM_X86_64 ? "x86_64-unknown-linux-gnu"
	                      : "aarch64-unknown-linux-gnu", &br, 0, NULL, on_symbol);
	if (!dc) {
		error("cannot read '%s': LLVM has no disassembler for it", path);
		goto out;
	}
	/* Each function once, under its first name: aliases share code. */
	for (i = 0; i < o.nsorted; i++) {
		const struct symbol *f = o.sorted[i];

		if (!(o.secs[f->section].flags & ELF_SHF_EXECINSTR))
			continue;
		if (i == 0 || o.sorted[i - 1]->section != f->section ||
		    o.sorted[i - 1]->addr != f->addr)
			scan_function(&o, f, dc, &br, r);
		else
			note_alias(r, first_name(&o, i), f->name);
	}
	for (i = 0; i < o.nsecs; i++)
		scan_data(&o, i, r);
	if ((i = object_section(&o, NOTES_SECTION)) != (size_t)-1 && o.secs[i].data)
		notes_read_section(o.secs[i].data, (size_t)o.secs[i].size, &r->notes);
	ret = 0;
out:
	if (dc)
		LLVMDisasmDispose(dc);
	object_close(&o);
	return ret;
}

