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
 * What does not fit in registers goes to 8-byte stack slots in order on
 * x86-64, and so do byval arguments, at their size and alignment (at
 * least 8): a struct that rustc passes byval([8 x i8]) and clang as an
 * i64, both on the stack, are equal.  An i128 that does not fit whole
 * goes to a 16-aligned slot, and the register left stays free, as LLVM
 * 18 and later do (an older LLVM's objects may disagree: such a call is
 * then rebuilt by this rule all the same).  AArch64's stack is not
 * modelled.
 *
 * Two signatures pass the same bytes in the same registers when they
 * give the same registers in the same order; a value may use fewer bits
 * of its register on one side when it is part of an aggregate (the rest
 * is the padding of a C struct: { i64, i16 } against { i64, i64 }).  Two
 * plain scalars of different widths are a real mismatch (a u32 declared
 * for a uint64_t).  What the model does not cover (x87, a vector of more
 * than 16 bytes, an ABI attribute other than byval and sret) is no match
 * here; signature.c falls back to comparing the
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
	unsigned long long stack;  /* the next stack offset; arguments only */
	int on_stack;           /* x86-64 arguments: what does not fit goes there */
	int aarch64;
	int bad;                /* something the model does not cover */
};

static unsigned long long
align_up(unsigned long long x, unsigned long long a)
{
	return (x + a - 1) / a * a;
}

/* A location of bits bits in the next stack slot (8 bytes, or 16 for a
 * 16-byte value, aligned to its size): LLVM's CC_X86_64_C. */
static struct abi_loc *
stack_slot(struct abi_sig *s, struct regs *r, unsigned bits)
{
	unsigned long long size = bits > 64 ? 16 : 8;
	struct abi_loc *l;

	r->stack = align_up(r->stack, size);
	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	l = &s->v[s->n++];
	memset(l, 0, sizeof(*l));
	l->cls = ABI_STACK;
	l->reg = (unsigned)r->stack;
	l->bits = bits;
	r->stack += size;
	return l;
}

static void
add(struct abi_sig *s, struct regs *r, enum abi_class cls, unsigned bits,
    LLVMTypeRef t, const unsigned *path, unsigned depth, unsigned part)
{
	struct abi_loc *l;
	unsigned *next = cls == ABI_GPR ? &r->gpr : &r->fpr;
	unsigned max = cls == ABI_GPR ? r->max_gpr : r->max_fpr;

	if ((*next >= max && !r->on_stack) || depth > ABI_MAX_DEPTH) {
		r->bad = 1;
		return;
	}
	if (*next >= max) {
		l = stack_slot(s, r, bits);
	} else {
		s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
		l = &s->v[s->n++];
		memset(l, 0, sizeof(*l));
		l->cls = cls;
		l->reg = (*next)++;
		l->bits = bits;
	}
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
			if (r->gpr + 2 > r->max_gpr && r->on_stack) {
				/* x86-64: on the stack, 16-aligned, and the
				 * register left is still the next argument's
				 * (LLVM 18 on). */
				struct abi_loc *l;
				unsigned half;

				r->stack = align_up(r->stack, 16);
				for (half = 1; half <= 2 && depth <= ABI_MAX_DEPTH; half++) {
					l = stack_slot(s, r, 64);
					l->type = t;
					l->depth = depth;
					l->part = half;
					memcpy(l->path, path, depth * sizeof(*path));
					l->standalone = depth == 1;
				}
				return;
			}
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

/* A byval argument of size bytes: a stack slot aligned to its alignment
 * (at least 8), as LLVM's CCPassByVal<8, 8> places it. */
static void
in_memory(struct abi_sig *s, struct regs *r, unsigned long long size,
          unsigned long long align, unsigned param)
{
	struct abi_loc *l;

	if (!r->on_stack || size == 0 || size > (1u << 28)) {
		r->bad = 1;
		return;
	}
	r->stack = align_up(r->stack, align > 8 ? align : 8);
	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	l = &s->v[s->n++];
	memset(l, 0, sizeof(*l));
	l->cls = ABI_STACK;
	l->reg = (unsigned)r->stack;
	l->bits = (unsigned)(size * 8);
	l->path[0] = param;
	l->depth = 1;
	l->standalone = 1;
	l->memory = 1;
	l->align = align > 8 ? align : 8;  /* the slot's: rustc may say 4 */
	r->stack += align_up(size, 8);
}

int
abi_lower(LLVMTargetDataRef td, const char *triple, LLVMTypeRef fn, int result,
          const struct abi_byval *byval, struct abi_sig *s)
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
		r.on_stack = !r.aarch64;
		for (i = 0; i < n && !r.bad; i++) {
			path[0] = i;
			if (byval && i < 64 && (byval->mask >> i & 1))
				in_memory(s, &r, byval->size[i], byval->align[i], i);
			else
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

/*
 * Whether the stack locations of b from *j on are exactly the bytes of
 * a's byval argument x, in its 8-byte slots (rustc's byval([12 x i8])
 * against clang's i64 and i32 on the stack); moves *j past them.
 */
static int
covers(const struct abi_loc *x, const struct abi_sig *b, size_t *j)
{
	unsigned long long size = x->bits / 8, k = 0;

	for (; *j < b->n && b->v[*j].cls == ABI_STACK && !b->v[*j].memory &&
	       b->v[*j].reg < x->reg + align_up(size, 8); (*j)++, k++) {
		const struct abi_loc *y = &b->v[*j];
		unsigned long long want = size - 8 * k >= 8 ? 64 : (size - 8 * k) * 8;

		if (y->reg != x->reg + 8 * k || y->bits != want || y->part)
			return 0;
	}
	return 8 * k >= size;
}

int
abi_same(const struct abi_sig *a, const struct abi_sig *b)
{
	size_t i, j;

	for (i = j = 0; i < a->n && j < b->n; i++, j++) {
		const struct abi_loc *x = &a->v[i], *y = &b->v[j];

		if (x->memory && !y->memory) {
			if (!covers(x, b, &j))
				return 0;
			j--;
			continue;
		}
		if (x->cls != y->cls || x->reg != y->reg || x->memory != y->memory ||
		    (x->memory && (x->bits != y->bits || x->align != y->align)))
			return 0;
		/* Two plain scalars of different widths, or an i128's half
		 * against a narrower value, are a real mismatch. */
		if (x->bits != y->bits &&
		    ((x->standalone && y->standalone) || x->part || y->part))
			return 0;
	}
	return i == a->n && j == b->n;
}

void
abi_release(struct abi_sig *s)
{
	free(s->v);
	s->v = NULL;
	s->n = 0;
}
