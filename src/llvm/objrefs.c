/*
 * llvm/objrefs.c: what the code and data of an ELF file (object.h) refer
 * to, function by function.
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

#include "../object.h"
#include "engine.h"

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
	if (o->machine == ELF_EM_X86_64)
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

/* For an instruction at pc, len bytes long, that reads "DISP(%rip)": the
 * function the GOT slot there holds, or NULL. */
static const struct symbol *
got_function(const struct object *o, const char *text, uint64_t pc, size_t len)
{
	const char *rip = strstr(text, "(%rip)"), *p;
	const struct got_slot *g;
	long long disp;
	char *end;

	if (!o->ngot || !rip)
		return NULL;
	for (p = rip; p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '-'); p--)
		;
	disp = strtoll(p, &end, 0);  /* LLVM prints it in decimal */
	if (end != rip || p == rip)
		return NULL;
	g = object_got_slot(o, pc + len + (uint64_t)disp);
	return g ? object_function_at(o, g->target) : NULL;
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
			len = o->machine == ELF_EM_AARCH64 ? 4 : 1;
			for (; k < nrels && rels[k].offset < pc + len; k++)
				refs_add(r, f->name, rels[k].symbol, 1);
			pc += len;
			continue;
		}
		mnemonic(text, word, sizeof(word));
		branch = is_branch(o, word);
		/* What the instruction does to registers, then what it loads. */
		if (o->machine == ELF_EM_X86_64)
			note_instruction(&rg, word, branch, text, r);
		for (; k < nrels && rels[k].offset < pc + len; k++) {
			int call = branch || rels[k].type == R_AARCH64_CALL26 ||
			           rels[k].type == R_AARCH64_JUMP26;

			refs_add(r, f->name, rels[k].symbol, !call);
			if (o->machine == ELF_EM_X86_64 && !call)
				note_load(&rg, text, r->n - 1);
		}
		if (k == before && branch && br->seen && br->target != pc + len &&
		    (br->target < f->addr || br->target >= end) &&
		    (callee = object_symbol_at(o, f->section, br->target, 0)) != NULL)
			refs_add(r, f->name, callee->name, 0);
		else if (k == before && o->ngot &&
		         (callee = got_function(o, text, pc, len)) != NULL) {
			/* A linked program: "call *SLOT(%rip)", or a load of
			 * the slot that a "call *%reg" may use. */
			if (branch && strchr(text, '*')) {
				refs_add(r, f->name, callee->name, 0);
			} else if (strstr(text, "(%rip), %")) {
				refs_add(r, f->name, callee->name, 1);
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

	if (!(s->flags & ELF_SHF_ALLOC) || (s->flags & ELF_SHF_EXECINSTR) ||
	    startswith(s->name, ".eh_frame") || startswith(s->name, ".gcc_except"))
		return;
	for (k = 0; k < o->nrels[sec]; k++) {
		holder = object_symbol_at(o, sec, o->rels[sec][k].offset, 1);
		refs_add(r, holder ? holder->name : s->name, o->rels[sec][k].symbol, 1);
	}
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

		if ((o.secs[f->section].flags & ELF_SHF_EXECINSTR) &&
		    (i == 0 || o.sorted[i - 1]->section != f->section ||
		     o.sorted[i - 1]->addr != f->addr))
			scan_function(&o, f, dc, &br, r);
	}
	for (i = 0; i < o.nsecs; i++)
		scan_data(&o, i, r);
	if ((i = object_section(&o, NOTES_SECTION)) != (size_t)-1 && o.secs[i].data)
		notes_parse((const char *)o.secs[i].data, (size_t)o.secs[i].size,
		            &r->notes);
	ret = 0;
out:
	if (dc)
		LLVMDisasmDispose(dc);
	object_close(&o);
	return ret;
}

