/*
 * llvm/refs.c: what code refers to, function by function (engine.h's
 * struct code_refs); here in a bitcode module, by its instructions and
 * the initializers of its variables.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"

void
refs_add(struct code_refs *r, const char *function, const char *symbol,
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
refs_release(struct code_refs *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].function);
		free(r->v[i].symbol);
	}
	free(r->v);
	strmap_release(&r->undefined);
	for (i = 0; i < r->notes.cap; i++)
		free(r->notes.e[i].val);
	strmap_release(&r->notes);
	for (i = 0; i < r->aliases.cap; i++)
		free(r->aliases.e[i].val);
	strmap_release(&r->aliases);
	memset(r, 0, sizeof(*r));
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
			refs_add(r, function, value_name(c), 1);
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
				refs_add(r, function, value_name(v), 0);
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
refs_module(LLVMModuleRef m, struct code_refs *r)
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
