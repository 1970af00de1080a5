/*
 * llvm/regs_x86.c: the x86-64 registers (regs.h), from the AT&T syntax
 * that LLVM's disassembler prints: "movq 16(%rip), %rax", "movabsq $0,
 * %rax", "addq %rax, %r15", "callq *(%r15,%rax)".  Displacements are
 * decimal.  Only what calls need is modelled: loads of references and
 * addresses, register copies, the GOT base added to an offset, 8-byte
 * spills to rsp or rbp slots and their reloads; any other write to a
 * register forgets what it held, and whatever moves rsp or rbp forgets
 * the slots.
 */
#include <stdlib.h>
#include <string.h>

#include "regs.h"

enum { O_OTHER, O_REG, O_IMM, O_MEM };
enum { RSP = 4, RBP = 5 };  /* reg_index() of the stack and frame pointers */

struct operand {
	int kind, star;
	int reg;             /* O_REG; -1 when not a 64-bit integer register */
	int base, index;     /* O_MEM: -1 for none; base -2: %rip */
	int64_t disp, imm;
	int scale;
};

/* The index of an integer register ("rax", "eax", "r12d", "sil") by its
 * 64-bit register, or -1. */
static int
reg_index(const char *name, size_t n)
{
	static const char *const regs[16] = {
		"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
		"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
	};
	static const char *const low[16] = {
		"ax", "cx", "dx", "bx", "sp", "bp", "si", "di",
	};
	char s[8];
	size_t i;

	if (n == 0 || n >= sizeof(s))
		return -1;
	memcpy(s, name, n);
	s[n] = '\0';
	if (s[0] == 'r' && s[1] >= '0' && s[1] <= '9') {
		s[1 + strspn(s + 1, "0123456789")] = '\0';
		for (i = 8; i < 16; i++)
			if (strcmp(s, regs[i]) == 0)
				return (int)i;
		return -1;
	}
	if (n == 3 && (s[0] == 'r' || s[0] == 'e'))
		memmove(s, s + 1, 3);
	else if (n == 3 && s[2] == 'l')         /* sil, dil, bpl, spl */
		s[2] = '\0';
	else if (n == 2 && (s[1] == 'l' || s[1] == 'h'))
		s[1] = 'x';
	for (i = 0; i < 8; i++)
		if (strcmp(s, low[i]) == 0)
			return (int)i;
	return -1;
}

/* "%name" at *p: its index (or -1), moving *p past it. */
static int
parse_reg(const char **p)
{
	const char *s = *p + 1;
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789");

	*p = s + n;
	return reg_index(s, n);
}

/* One operand, from p up to a comma outside parentheses. */
static const char *
parse_operand(const char *p, struct operand *op)
{
	char *end;

	memset(op, 0, sizeof(*op));
	op->reg = op->base = op->index = -1;
	p += strspn(p, " \t");
	if (*p == '*') {
		op->star = 1;
		p++;
	}
	if (*p == '%') {
		op->kind = O_REG;
		op->reg = parse_reg(&p);
		if (*p == ':')
			op->kind = O_OTHER;     /* a segment: %fs:... */
	} else if (*p == '$') {
		op->kind = O_IMM;
		op->imm = strtoll(p + 1, &end, 0);
		p = end;
	} else {
		op->disp = strtoll(p, &end, 0);
		p = end;
		if (*p == '(') {
			op->kind = O_MEM;
			p++;
			if (startswith(p, "%rip")) {
				op->base = -2;
				p += 4;
			} else if (*p == '%') {
				op->base = parse_reg(&p);
			}
			if (*p == ',' && p[1] == '%') {
				p++;
				op->index = parse_reg(&p);
			}
			op->scale = 1;
			if (*p == ',')
				op->scale = (int)strtol(p + 1, &end, 10), p = end;
			if (*p != ')')
				op->kind = O_OTHER;
		}
	}
	while (*p && *p != ',')
		p++;
	return p;
}

/* What a memory operand's address is: a reference in its base or index
 * (a GOT offset added to the GOT), a known address, or nothing known. */
static struct reg
mem_address(const struct regs *rg, const struct operand *op)
{
	struct reg v = {REG_NONE, 0, 0}, none = v;
	const struct reg *b = op->base >= 0 ? &rg->r[op->base] : NULL;
	const struct reg *x = op->index >= 0 ? &rg->r[op->index] : NULL;

	if (op->base < -1 || (b == NULL && x == NULL))
		return none;
	if (b && b->kind == REG_REF)
		return *b;
	if (x && x->kind == REG_REF)
		return *x;
	if ((b && b->kind != REG_VALUE) || (x && x->kind != REG_VALUE) ||
	    (op->base == -1 && op->index == -1))
		return none;
	v.kind = REG_VALUE;
	v.value = (uint64_t)op->disp + (b ? b->value : 0) +
	          (x ? x->value * (uint64_t)op->scale : 0);
	return v;
}

static void
forget_caller_saved(struct regs *rg)
{
	static const int clobbered[] = {0, 1, 2, 6, 7, 8, 9, 10, 11};
	size_t i;

	for (i = 0; i < LEN(clobbered); i++)
		rg->r[clobbered[i]].kind = REG_NONE;
}

/* call or jmp through *%reg, *(%base,%index) or *DISP(%rip). */
static void
indirect(struct regs *rg, const struct operand *op, const struct insn *in,
         struct code_refs *r)
{
	int linked = in->o->elf.type != ELF_ET_REL;
	struct reg v;
	const char *name;

	if (op->kind == O_REG && op->reg >= 0) {
		regs_call(&rg->r[op->reg], in, r);
	} else if (op->kind == O_MEM && op->base == -2) {
		/* An object's relocation here is already a call. */
		if (linked && in->nrefs == 0 &&
		    (name = object_slot_function(in->o, in->pc + in->len +
		                                 (uint64_t)op->disp)) != NULL)
			refs_add(r, in->function, name, 0);
	} else if (op->kind == O_MEM && op->index < 0 && (op->base == RSP ||
	                                                op->base == RBP)) {
		const struct reg *held = regs_spilled(rg, op->base, op->disp);

		if (held)
			regs_call(held, in, r);
	} else if (op->kind == O_MEM) {
		v = mem_address(rg, op);
		if (v.kind == REG_REF)
			r->v[v.ref].address = 0;
		else if (v.kind == REG_VALUE && linked &&
		         (name = object_slot_function(in->o, v.value)) != NULL)
			refs_add(r, in->function, name, 0);
	}
}

void
regs_x86(struct regs *rg, const struct insn *in, struct code_refs *r)
{
	int linked = in->o->elf.type != ELF_ET_REL;
	struct operand op[3], *src = &op[0], *dst;
	const char *p = in->operands, *word = in->word;
	struct reg *g, a, m, b, x, none = {REG_NONE, 0, 0};
	size_t n = 0;

	while (n < LEN(op) && *(p += strspn(p, " \t"))) {
		p = parse_operand(p, &op[n++]);
		if (*p == ',')
			p++;
	}
	if (in->branch) {
		if (n == 1 && op[0].star)
			indirect(rg, &op[0], in, r);
		if (startswith(word, "call"))
			forget_caller_saved(rg);
		return;
	}
	if (startswith(word, "ret")) {
		regs_returned(rg);
		return;
	}
	/* push and pop move the stack pointer by 8 (the slots follow),
	 * leave to where rbp was (every slot is another). */
	if (startswith(word, "push"))
		regs_shift_spills(rg, RSP, 8);
	else if (startswith(word, "pop"))
		regs_shift_spills(rg, RSP, -8);
	else if (startswith(word, "leave"))
		regs_forget_spills(rg);
	if (n == 0 || startswith(word, "cmp") || startswith(word, "test") ||
	    startswith(word, "bt") || startswith(word, "push"))
		return;
	dst = &op[n - 1];
	/* A spill of a register to the stack, and anything that moves the
	 * stack pointer, which makes every slot another. */
	if (dst->kind == O_MEM && dst->index < 0 &&
	    (dst->base == RSP || dst->base == RBP)) {
		/* A GOT offset added to the GOT base there makes it the
		 * offset's reference; any other store, nothing known. */
		const struct reg *held = regs_spilled(rg, dst->base, dst->disp);
		const struct reg *s = n == 2 && src->kind == O_REG && src->reg >= 0
		                      ? &rg->r[src->reg] : &none;

		struct reg sum = {REG_VALUE, 0, 0};

		if (strcmp(word, "movq") == 0 ||
		    (strcmp(word, "addq") == 0 && s->kind == REG_REF)) {
			regs_spill(rg, dst->base, dst->disp, s);
		} else if (strcmp(word, "addq") == 0 && held && held->kind == REG_VALUE &&
		           s->kind == REG_VALUE) {
			/* A linked file's GOT base plus an offset. */
			sum.value = held->value + s->value;
			regs_spill(rg, dst->base, dst->disp, &sum);
		} else if (!(strcmp(word, "addq") == 0 && held && held->kind == REG_REF)) {
			regs_spill(rg, dst->base, dst->disp, &none);
		}
		return;
	}
	if (dst->kind == O_REG && dst->reg == RSP)
		regs_forget_spills(rg);
	else if (dst->kind == O_REG && dst->reg == RBP)
		regs_forget_base(rg, RBP);
	if (dst->kind != O_REG || dst->reg < 0)
		return;
	g = &rg->r[dst->reg];
	if (in->nrefs && (strcmp(word, "movq") == 0 || strcmp(word, "movabsq") == 0 ||
	                  strcmp(word, "leaq") == 0) && regs_from_relocs(g, in, r))
		return;
	/* What the source holds, before the destination (maybe one of its
	 * registers) is written. */
	a = *g;
	m = src->kind == O_MEM ? mem_address(rg, src) : a;
	b = src->kind == O_REG && src->reg >= 0 ? rg->r[src->reg] : none;
	x = src->kind == O_MEM && src->index >= 0 ? rg->r[src->index] : none;
	g->kind = REG_NONE;
	if (n != 2)
		return;
	if (strcmp(word, "movq") == 0 && src->kind == O_REG && src->reg >= 0) {
		*g = b;
	} else if (strcmp(word, "movq") == 0 && src->kind == O_MEM &&
	           src->index < 0 && (src->base == RSP || src->base == RBP)) {
		const struct reg *held = regs_spilled(rg, src->base, src->disp);

		if (held)
			*g = *held;
	} else if (strcmp(word, "movq") == 0 && src->kind == O_MEM) {
		/* A GOT slot: by its address in a linked file; in an
		 * object, GOT base + GOT64 offset, the offset's reference. */
		if (src->base == -2 && linked)
			regs_load_slot(g, in->pc + in->len + (uint64_t)src->disp, in, r);
		else if (m.kind == REG_VALUE && linked)
			regs_load_slot(g, m.value, in, r);
		else if (x.kind == REG_REF)
			*g = x;
	} else if ((strcmp(word, "movabsq") == 0 || strcmp(word, "movq") == 0) &&
	           src->kind == O_IMM && linked) {
		g->kind = REG_VALUE;
		g->value = (uint64_t)src->imm;
	} else if (strcmp(word, "leaq") == 0 && src->kind == O_MEM &&
	           src->base == -2 && linked) {
		g->kind = REG_VALUE;
		g->value = in->pc + in->len + (uint64_t)src->disp;
	} else if (strcmp(word, "addq") == 0 && src->kind == O_REG && src->reg >= 0) {
		if (a.kind == REG_REF) {
			*g = a;
		} else if (b.kind == REG_REF) {
			*g = b;
		} else if (a.kind == REG_VALUE && b.kind == REG_VALUE) {
			g->kind = REG_VALUE;
			g->value = a.value + b.value;
		}
	}
}
