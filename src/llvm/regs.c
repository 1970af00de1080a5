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

static struct spill *
find_spill(const struct regs *rg, int base, int64_t offset)
{
	size_t i;

	for (i = 0; i < rg->nspills; i++)
		if (rg->spills[i].base == base && rg->spills[i].offset == offset)
			return (struct spill *)&rg->spills[i];
	return NULL;
}

const struct reg *
regs_spilled(const struct regs *rg, int base, int64_t offset)
{
	const struct spill *sp = find_spill(rg, base, offset);

	return sp ? &sp->held : NULL;
}

void
regs_spill(struct regs *rg, int base, int64_t offset, const struct reg *g)
{
	struct spill *sp = find_spill(rg, base, offset);

	if (!sp && g->kind == REG_NONE)
		return;
	if (!sp) {
		/* Full: the oldest goes. */
		if (rg->nspills == LEN(rg->spills)) {
			memmove(rg->spills, rg->spills + 1,
			        (rg->nspills - 1) * sizeof(*rg->spills));
			rg->nspills--;
		}
		sp = &rg->spills[rg->nspills++];
		sp->base = base;
		sp->offset = offset;
	}
	sp->held = *g;
}

void
regs_forget_spills(struct regs *rg)
{
	if (rg->nspills) {
		memcpy(rg->body, rg->spills, rg->nspills * sizeof(*rg->spills));
		rg->nbody = rg->nspills;
	}
	rg->nspills = 0;
}

void
regs_shift_spills(struct regs *rg, int base, int64_t by)
{
	size_t i, j;

	for (i = j = 0; i < rg->nspills; i++) {
		if (rg->spills[i].base == base)
			rg->spills[i].offset += by;
		if (rg->spills[i].base != base || rg->spills[i].offset >= 0)
			rg->spills[j++] = rg->spills[i];
	}
	rg->nspills = j;
}

void
regs_forget_base(struct regs *rg, int base)
{
	size_t i, j;

	for (i = j = 0; i < rg->nspills; i++)
		if (rg->spills[i].base != base)
			rg->spills[j++] = rg->spills[i];
	rg->nspills = j;
}

void
regs_returned(struct regs *rg)
{
	memcpy(rg->spills, rg->body, rg->nbody * sizeof(*rg->spills));
	rg->nspills = rg->nbody;
}
