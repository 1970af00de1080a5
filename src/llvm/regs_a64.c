/*
 * llvm/regs_a64.c: the AArch64 registers (regs.h), decoded from the
 * instruction words: adrp, add and ldr (a GOT slot, or an address built
 * from a page and an offset), ldr of a literal (the tiny code model's GOT
 * slot), movz and movk (the large code model), mov, str/ldr and stp/ldp
 * of sp or x29 slots (spills), and blr or br through a register.  Any
 * other instruction that writes its first register forgets what that
 * register held.
 */
#include <string.h>

#include "regs.h"

static uint32_t
word32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

/* Whether an instruction leaves its first register alone: stores,
 * compares, hints and barriers. */
static int
keeps_rd(const char *word)
{
	static const char *const keep[] = {
		"st", "cmp", "cmn", "tst", "ccmp", "ccmn", "fcmp", "fccmp",
		"prfm", "nop", "hint", "dmb", "dsb", "isb", "bti", "msr",
		"dc", "ic", "tlbi", "svc", "hvc", "brk", "udf",
	};
	size_t i;

	for (i = 0; i < LEN(keep); i++)
		if (startswith(word, keep[i]))
			return 1;
	return 0;
}

static void
forget_caller_saved(struct regs *rg)
{
	int i;

	for (i = 0; i <= 18; i++)
		rg->r[i].kind = REG_NONE;
	rg->r[30].kind = REG_NONE;
}

/* Spills to and reloads from the stack (sp or x29 based): str, ldr,
 * stp and ldp of 64-bit registers at an offset; 1 if w was one.  The
 * forms that write back the base move the stack: every slot is
 * another. */
static int
spills(struct regs *rg, uint32_t w)
{
	uint32_t rt = w & 31, rn = w >> 5 & 31, rt2 = w >> 10 & 31;
	int64_t off7 = (int64_t)(w >> 15 & 0x7f);
	struct reg none = {REG_NONE, 0, 0};
	const struct reg *held;

	if (rn != 31 && rn != 29)
		return 0;
	if ((w & 0xffc00000) == 0xf9000000) {          /* str xt, [sp, #] */
		regs_spill(rg, (int)rn, (w >> 10 & 0xfff) * 8, rt == 31 ? &none : &rg->r[rt]);
		return 1;
	}
	if ((w & 0xffc00000) == 0xf9400000) {          /* ldr xt, [sp, #] */
		held = regs_spilled(rg, (int)rn, (w >> 10 & 0xfff) * 8);
		if (rt != 31)
			rg->r[rt] = held ? *held : none;
		return 1;
	}
	if (off7 & 0x40)
		off7 -= 0x80;
	off7 *= 8;
	if ((w & 0xffc00000) == 0xa9000000) {          /* stp, signed offset */
		regs_spill(rg, (int)rn, off7, rt == 31 ? &none : &rg->r[rt]);
		regs_spill(rg, (int)rn, off7 + 8, rt2 == 31 ? &none : &rg->r[rt2]);
		return 1;
	}
	if ((w & 0xffc00000) == 0xa9400000) {          /* ldp, signed offset */
		held = regs_spilled(rg, (int)rn, off7);
		if (rt != 31)
			rg->r[rt] = held ? *held : none;
		held = regs_spilled(rg, (int)rn, off7 + 8);
		if (rt2 != 31)
			rg->r[rt2] = held ? *held : none;
		return 1;
	}
	if ((w & 0xfe400000) == 0xa8000000 || (w & 0xfe400000) == 0xa8400000 ||
	    (w & 0xffe00400) == 0xf8000400 || (w & 0xffe00400) == 0xf8400400)
		regs_forget_spills(rg);  /* pre- and post-indexed: the base moves */
	return 0;
}

void
regs_a64(struct regs *rg, const struct insn *in, struct code_refs *r)
{
	int linked = in->o->elf.type != ELF_ET_REL;
	uint32_t w = word32(in->bytes), rd = w & 31, rn = w >> 5 & 31;
	struct reg *g = &rg->r[rd], *src = &rg->r[rn];
	int64_t imm;

	if (in->len != 4)
		return;
	if ((w & 0xfffffc1f) == 0xd63f0000 || (w & 0xfffffc1f) == 0xd61f0000) {
		regs_call(src, in, r);              /* blr, br */
		if (w & 0x00200000)
			forget_caller_saved(rg);
		return;
	}
	if ((w & 0xfffffc1f) == 0xd65f0000) {      /* ret */
		regs_returned(rg);
		return;
	}
	if ((w & 0xfc000000) == 0x94000000) {      /* bl */
		forget_caller_saved(rg);
		return;
	}
	if (spills(rg, w))
		return;
	if (in->branch || keeps_rd(in->word))
		return;
	if (rd == 31) {
		/* sp written (add, sub): every slot is another. */
		if ((w & 0x1f000000) == 0x11000000)
			regs_forget_spills(rg);
		return;
	}
	if ((w & 0x9f000000) == 0x90000000 || (w & 0x9f000000) == 0x10000000) {
		/* adrp, adr: a page, or an address, near the pc. */
		imm = (int64_t)((w >> 29 & 3) | (w >> 5 & 0x7ffff) << 2);
		if (imm & (1 << 20))
			imm -= 1 << 21;
		g->kind = REG_NONE;
		if (regs_from_relocs(g, in, r) || !linked)
			return;
		g->kind = REG_VALUE;
		g->value = w & 0x80000000 ? (in->pc & ~(uint64_t)0xfff) + (uint64_t)(imm * 4096)
		                          : in->pc + (uint64_t)imm;
	} else if ((w & 0xff800000) == 0x91000000) {   /* add xd, xn, #imm */
		imm = (int64_t)(w >> 10 & 0xfff) << (w & 0x00400000 ? 12 : 0);
		if (in->nrefs && regs_from_relocs(g, in, r))
			return;
		if (src->kind == REG_VALUE)
			g->value = src->value + (uint64_t)imm, g->kind = REG_VALUE;
		else
			*g = src->kind == REG_REF ? *src : (struct reg){REG_NONE, 0, 0};
	} else if ((w & 0xffc00000) == 0xf9400000) {   /* ldr xt, [xn, #imm] */
		struct reg base = *src;

		g->kind = REG_NONE;
		if (in->nrefs && regs_from_relocs(g, in, r))
			return;
		if (base.kind == REG_VALUE && linked)
			regs_load_slot(g, base.value + (w >> 10 & 0xfff) * 8, in, r);
	} else if ((w & 0xff000000) == 0x58000000) {   /* ldr xt, label */
		imm = (int64_t)(w >> 5 & 0x7ffff);
		if (imm & (1 << 18))
			imm -= 1 << 19;
		g->kind = REG_NONE;
		if (in->nrefs && regs_from_relocs(g, in, r))
			return;
		if (linked)
			regs_load_slot(g, in->pc + (uint64_t)(imm * 4), in, r);
	} else if ((w & 0xff800000) == 0xd2800000 ||   /* movz */
	           (w & 0xff800000) == 0xf2800000) {   /* movk */
		unsigned shift = (w >> 21 & 3) * 16;
		uint64_t part = (uint64_t)(w >> 5 & 0xffff) << shift;
		int movk = (w & 0xff800000) == 0xf2800000;

		if (in->nrefs && regs_from_relocs(g, in, r))
			return;
		if (movk && g->kind == REG_VALUE)
			g->value = (g->value & ~((uint64_t)0xffff << shift)) | part;
		else if (!movk && linked)
			g->kind = REG_VALUE, g->value = part;
		else if (!movk || g->kind != REG_REF)
			g->kind = REG_NONE;
	} else if ((w & 0xffe0ffe0) == 0xaa0003e0) {   /* mov xd, xm */
		*g = rg->r[w >> 16 & 31];
	} else {
		g->kind = REG_NONE;
	}
}
