/* llvm/regs.c: what regs_x86.c and regs_a64.c share (regs.h). */
#include <string.h>

#include "regs.h"

void
regs_call(const struct reg *g, const struct insn *in, struct code_refs *r)
{
	const struct symbol *f;
	const char *name;

	if (g->kind == REG_REF) {
		r->v[g->ref].address = 0;
	} else if (g->kind == REG_VALUE) {
		/* A function of the file, or the PLT entry that stands for
		 * a function of a library (a non-PIC program's address). */
		f = object_function_at(in->o, g->value);
		name = f ? f->name : object_plt_function(in->o, g->value);
		if (name)
			refs_add(r, in->function, name, 0);
	}
}

void
regs_load_slot(struct reg *g, uint64_t slot, const struct insn *in,
               struct code_refs *r)
{
	const char *name = object_slot_function(in->o, slot);

	g->kind = REG_NONE;
	if (name) {
		refs_add(r, in->function, name, 1);
		g->kind = REG_REF;
		g->ref = r->n - 1;
	}
}

int
regs_from_relocs(struct reg *g, const struct insn *in, const struct code_refs *r)
{
	size_t i;

	/* The GOT's own address is the base a GOT offset is added to. */
	for (i = in->first_ref + in->nrefs; i > in->first_ref; i--) {
		if (strcmp(r->v[i - 1].symbol, "_GLOBAL_OFFSET_TABLE_") != 0) {
			g->kind = REG_REF;
			g->ref = i - 1;
			return 1;
		}
	}
	return 0;
}
