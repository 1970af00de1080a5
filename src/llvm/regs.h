/*
 * llvm/regs.h: what the registers hold while objrefs.c reads a function,
 * so that a call through a register counts as a call: the address of a
 * function, loaded from the GOT or built from parts (the large code
 * model's movabs, AArch64's adrp + ldr or movz + movk), then called with
 * "call *%rax", "call *(%r15,%rax)" or "blr x8".
 *
 * A register holds a reference (a relocation of an object, or the
 * function of a linked file's GOT slot, recorded as a use of its
 * address), or in a linked file an address, or nothing known.  A call
 * through a register holding a reference turns the use into a call.
 */
#ifndef LLVM_REGS_H
#define LLVM_REGS_H

#include "../object.h"
#include "engine.h"

enum { REG_NONE, REG_REF, REG_VALUE };

struct reg {
	int kind;
	size_t ref;        /* REG_REF: the index in code_refs */
	uint64_t value;    /* REG_VALUE: the address */
};

/* One instruction, as objrefs.c read it. */
struct insn {
	const struct object *o;
	const char *function;           /* whose code it is */
	const unsigned char *bytes;
	uint64_t pc;
	size_t len;
	const char *text;               /* as LLVM's disassembler printed it */
	const char *word, *operands;    /* its mnemonic (past any prefix), the rest */
	int branch;                     /* a call or jump */
	size_t first_ref, nrefs;        /* the references its relocations added */
};

/* A register spilled to the stack: what it held, by the slot's base
 * register (the stack or frame pointer) and offset. */
struct spill {
	int base;
	int64_t offset;
	struct reg held;
};

struct regs {
	struct reg r[32];
	struct spill spills[64], body[64];
	size_t nspills, nbody;
};

/* Spills: what the slot at base + offset holds (NULL: nothing known), a
 * store to it, and forgetting them all (the stack pointer moved).  The
 * code after a return is reached by a jump from the function's body,
 * with its frame: the spills come back as they were before the stack
 * pointer last moved from them. */
const struct reg *regs_spilled(const struct regs *rg, int base, int64_t offset);
void regs_spill(struct regs *rg, int base, int64_t offset, const struct reg *g);
void regs_forget_spills(struct regs *rg);
void regs_returned(struct regs *rg);
/* The stack pointer base moved by -by (a push: by 8): its slots are by
 * further from it.  Or base (a frame pointer) written: its slots are
 * gone. */
void regs_shift_spills(struct regs *rg, int base, int64_t by);
void regs_forget_base(struct regs *rg, int base);

/* What insn does to the registers and, if it calls through one, to r. */
void regs_x86(struct regs *rg, const struct insn *in, struct code_refs *r);
void regs_a64(struct regs *rg, const struct insn *in, struct code_refs *r);

/* Shared by both: a call of a register's content. */
void regs_call(const struct reg *g, const struct insn *in, struct code_refs *r);
/* A load from a linked file's GOT slot into g: its function, if any, as a
 * use of the address. */
void regs_load_slot(struct reg *g, uint64_t slot, const struct insn *in,
                    struct code_refs *r);
/* g holds what the instruction's last relocation refers to (not the
 * GOT's own address); 0 if it has none. */
int regs_from_relocs(struct reg *g, const struct insn *in,
                     const struct code_refs *r);

#endif
