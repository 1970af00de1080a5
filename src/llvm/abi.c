/*
 * llvm/abi.c: where the C calling convention of the crate's target puts
 * a function's arguments and result, as LLVM's code generator lowers the
 * IR types that rustc and clang chose for them.
 *
 * rustc and clang each lower a C signature to IR types of their own, by
 * the psABI's rules: a 16-byte struct of two longs is one { i64, i64 }
 * argument to rustc and two i64 arguments to clang; a struct of two
 * floats is <2 x float> to one and double to the other.  LLVM's code
 * generator then gives each scalar of each IR argument, in order, the
 * next register of its class (an aggregate argument is passed as its
 * elements): on x86-64 (System V) integers and pointers in the 6
 * general-purpose registers, floating-point values and vectors of up to
 * 16 bytes in the 8 XMM registers, an i128 in two general-purpose ones;
 * on AArch64 (AAPCS64) the 8 general-purpose and the 8 FP/SIMD
 * registers, an i128 in an even-numbered pair.  Results come back in up
 * to 2 registers of each class (4 FP/SIMD ones on AArch64).
 *
 * Two signatures pass the same bytes in the same registers when they
 * give the same registers in the same order; a value may use fewer bits
 * of its register on one side when it is part of an aggregate (the rest
 * is the padding of a C struct: { i64, i16 } against { i64, i64 }).  Two
 * plain scalars of different widths are a real mismatch (a u32 declared
 * for a uint64_t).  What the model does not cover (an argument on the
 * stack, in memory, x87, a vector of more than 16 bytes, an ABI
 * attribute) is no match here; signature.c falls back to comparing the
 * types element by element then.
 */
#include <stdlib.h>
#include <string.h>

#include "../target.h"
#include "engine.h"

struct regs {
	LLVMTargetDataRef td;
	unsigned gpr, fpr;      /* the next register of each class */
	unsigned max_gpr, max_fpr;
	int aarch64;
	int bad;                /* something the model does not cover */
};

static void
add(struct abi_sig *s, struct regs *r, enum abi_class cls, unsigned bits,
    LLVMTypeRef t, const unsigned *path, unsigned depth, unsigned part)
{
	struct abi_loc *l;
	unsigned *next = cls == ABI_GPR ? &r->gpr : &r->fpr;
	unsigned max = cls == ABI_GPR ? r->max_gpr : r->max_fpr;

	if (*next >= max || depth > ABI_MAX_DEPTH) {
		r->bad = 1;
		return;
	}
	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	l = &s->v[s->n++];
	memset(l, 0, sizeof(*l));
	l->cls = cls;
	l->reg = (*next)++;
	l->bits = bits;
	l->type = t;
	l->depth = depth;
	l->part = part;
	memcpy(l->path, path, depth * sizeof(*path));
	l->standalone = depth == 1;
}

static void
lower(struct abi_sig *s, struct regs *r, LLVMTypeRef t, unsigned *path,
      unsigned depth)
{
	LLVMTypeKind k = LLVMGetTypeKind(t);
	unsigned i, n, bits;

	if (r->bad)
		return;
	switch (k) {
	case LLVMIntegerTypeKind:
		bits = LLVMGetIntTypeWidth(t);
		if (bits <= 64) {
			add(s, r, ABI_GPR, bits, t, path, depth, 0);
		} else if (bits == 128) {
			/* Both halves in registers, or both on the stack;
			 * AArch64 starts the pair at an even register.  Each
			 * half is a location: the low one first. */
			if (r->aarch64 && (r->gpr & 1))
				r->gpr++;
			if (r->gpr + 2 > r->max_gpr) {
				r->bad = 1;
				return;
			}
			add(s, r, ABI_GPR, 64, t, path, depth, 1);
			add(s, r, ABI_GPR, 64, t, path, depth, 2);
		} else {
			r->bad = 1;
		}
		return;
	case LLVMPointerTypeKind:
		if (LLVMGetPointerAddressSpace(t) != 0)
			r->bad = 1;
		else
			add(s, r, ABI_GPR, 64, t, path, depth, 0);
		return;
	case LLVMHalfTypeKind:
	case LLVMBFloatTypeKind:
	case LLVMFloatTypeKind:
	case LLVMDoubleTypeKind:
	case LLVMFP128TypeKind:
	case LLVMVectorTypeKind:
		bits = (unsigned)LLVMSizeOfTypeInBits(r->td, t);
		if (bits > 128)
			r->bad = 1;
		else
			add(s, r, ABI_FPR, bits, t, path, depth, 0);
		return;
	case LLVMStructTypeKind:
	case LLVMArrayTypeKind:
		n = k == LLVMStructTypeKind ? LLVMCountStructElementTypes(t)
		                            : LLVMGetArrayLength(t);
		if (depth >= ABI_MAX_DEPTH || n > 64) {
			r->bad = 1;
			return;
		}
		for (i = 0; i < n && !r->bad; i++) {
			path[depth] = i;
			lower(s, r, k == LLVMStructTypeKind ? LLVMStructGetTypeAtIndex(t, i)
			                                    : LLVMGetElementType(t),
			      path, depth + 1);
		}
		return;
	default:
		r->bad = 1;
	}
}

int
abi_lower(LLVMTargetDataRef td, const char *triple, LLVMTypeRef fn, int result,
          struct abi_sig *s)
{
	struct regs r;
	unsigned path[ABI_MAX_DEPTH + 1], i, n;
	LLVMTypeRef *params;

	memset(s, 0, sizeof(*s));
	memset(&r, 0, sizeof(r));
	r.td = td;
	r.aarch64 = !target_is_x86_64(triple);
	if (!target_is_x86_64(triple) && !target_is_aarch64(triple))
		return -1;
	if (LLVMIsFunctionVarArg(fn))
		return -1;
	if (result) {
		LLVMTypeRef ret = LLVMGetReturnType(fn);

		r.max_gpr = 2;
		r.max_fpr = r.aarch64 ? 4 : 2;
		if (LLVMGetTypeKind(ret) != LLVMVoidTypeKind) {
			path[0] = 0;
			lower(s, &r, ret, path, 1);
		}
	} else {
		r.max_gpr = r.aarch64 ? 8 : 6;
		r.max_fpr = 8;
		n = LLVMCountParamTypes(fn);
		params = xcalloc(n + 1, sizeof(*params));
		LLVMGetParamTypes(fn, params);
		for (i = 0; i < n && !r.bad; i++) {
			path[0] = i;
			lower(s, &r, params[i], path, 1);
		}
		free(params);
	}
	if (r.bad) {
		abi_release(s);
		return -1;
	}
	return 0;
}

int
abi_same(const struct abi_sig *a, const struct abi_sig *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++) {
		const struct abi_loc *x = &a->v[i], *y = &b->v[i];

		if (x->cls != y->cls || x->reg != y->reg)
			return 0;
		/* Two plain scalars of different widths, or an i128's half
		 * against a narrower value, are a real mismatch. */
		if (x->bits != y->bits &&
		    ((x->standalone && y->standalone) || x->part || y->part))
			return 0;
	}
	return 1;
}

void
abi_release(struct abi_sig *s)
{
	free(s->v);
	s->v = NULL;
	s->n = 0;
}
