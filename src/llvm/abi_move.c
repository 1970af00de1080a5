/*
 * llvm/abi_move.c: values moved from one function type's locations to
 * another's.
 *
 * When a call and the helper pass the same bytes in the same registers
 * and stack slots (abi.c), the call is rebuilt with the helper's type:
 * each register's bits are taken from the caller's values and given to
 * the helper's, as the calling convention would.
 */
#include <stdlib.h>

#include "engine.h"

static int
aggregate(LLVMTypeRef t)
{
	LLVMTypeKind k = LLVMGetTypeKind(t);

	return k == LLVMStructTypeKind || k == LLVMArrayTypeKind;
}

static unsigned
bits_of(LLVMTargetDataRef td, const struct abi_loc *l)
{
	return l->part ? 64 : (unsigned)LLVMSizeOfTypeInBits(td, l->type);
}

/* The bits location l of value v (an argument, or a result) holds, as
 * an integer. */
static LLVMValueRef
loc_bits(LLVMBuilderRef b, LLVMTargetDataRef td, LLVMValueRef v,
         const struct abi_loc *l)
{
	LLVMContextRef ctx = LLVMGetTypeContext(l->type);
	LLVMTypeRef i64 = LLVMIntTypeInContext(ctx, 64);
	LLVMTypeKind k = LLVMGetTypeKind(l->type);
	unsigned d;

	for (d = 1; d < l->depth; d++)
		v = LLVMBuildExtractValue(b, v, l->path[d], "");
	if (k == LLVMPointerTypeKind)
		v = LLVMBuildPtrToInt(b, v, i64, "");
	else if (k != LLVMIntegerTypeKind)
		v = LLVMBuildBitCast(b, v, LLVMIntTypeInContext(ctx,
		                     (unsigned)LLVMSizeOfTypeInBits(td, l->type)), "");
	if (l->part == 2)
		v = LLVMBuildLShr(b, v, LLVMConstInt(LLVMTypeOf(v), 64, 0), "");
	if (l->part)
		v = LLVMBuildTrunc(b, v, i64, "");
	return v;
}

/* Register bits x, as location l's scalar: narrowed or widened (the rest
 * is padding, or the other half of an i128), then of its type. */
static LLVMValueRef
loc_value(LLVMBuilderRef b, LLVMTargetDataRef td, LLVMValueRef x,
          const struct abi_loc *l)
{
	LLVMContextRef ctx = LLVMGetTypeContext(l->type);
	unsigned want = bits_of(td, l), have = LLVMGetIntTypeWidth(LLVMTypeOf(x));
	LLVMTypeRef it = LLVMIntTypeInContext(ctx, want);
	LLVMTypeKind k = LLVMGetTypeKind(l->type);

	if (have > want)
		x = LLVMBuildTrunc(b, x, it, "");
	else if (have < want)
		x = LLVMBuildZExt(b, x, it, "");
	if (l->part || k == LLVMIntegerTypeKind)
		return x;
	if (k == LLVMPointerTypeKind)
		return LLVMBuildIntToPtr(b, x, l->type, "");
	return LLVMBuildBitCast(b, x, l->type, "");
}

/* bits bits at offset off of the memory p points to, as an integer. */
static LLVMValueRef
load_piece(LLVMBuilderRef b, LLVMValueRef p, unsigned off, unsigned bits)
{
	LLVMContextRef ctx = LLVMGetTypeContext(LLVMTypeOf(p));
	LLVMTypeRef i8 = LLVMIntTypeInContext(ctx, 8);
	LLVMValueRef idx = LLVMConstInt(LLVMIntTypeInContext(ctx, 64), off, 0), v;

	if (off)
		p = LLVMBuildInBoundsGEP2(b, i8, p, &idx, 1, "");
	v = LLVMBuildLoad2(b, LLVMIntTypeInContext(ctx, bits), p, "");
	LLVMSetAlignment(v, 1);
	return v;
}

/* agg with v at path[0..depth). */
static LLVMValueRef
insert_at(LLVMBuilderRef b, LLVMValueRef agg, const unsigned *path,
          unsigned depth, LLVMValueRef v)
{
	LLVMValueRef inner;

	if (depth == 0)
		return v;
	inner = LLVMBuildExtractValue(b, agg, path[0], "");
	return LLVMBuildInsertValue(b, agg, insert_at(b, inner, path + 1, depth - 1, v),
	                            path[0], "");
}

/* What from puts in its locations, as the values to's locations
 * receive (engine.h). */
void
abi_move(LLVMBuilderRef b, LLVMTargetDataRef td,
         const struct abi_sig *from, LLVMValueRef *values,
         const struct abi_sig *to, LLVMTypeRef *types, size_t ntypes,
         LLVMValueRef *out)
{
	LLVMValueRef lo = NULL;
	size_t i, j;
	unsigned piece = 0;

	for (i = 0; i < ntypes; i++)
		out[i] = aggregate(types[i]) ? LLVMGetPoison(types[i]) : NULL;
	for (i = j = 0; i < to->n; i++) {
		const struct abi_loc *t = &to->v[i], *f = &from->v[j];
		LLVMValueRef x, v;

		if (t->memory) {  /* byval on both sides: the pointer as it is */
			out[t->path[0]] = values[f->path[0]];
			j++;
			continue;
		}
		if (f->memory) {
			/* The caller's byval bytes, one 8-byte slot each. */
			x = load_piece(b, values[f->path[0]], piece * 8, t->bits);
			if (++piece * 64 >= f->bits) {
				piece = 0;
				j++;
			}
		} else {
			x = loc_bits(b, td, values[f->path[0]], f);
			j++;
		}

		if (t->part == 1) {  /* an i128's low half: the high comes next */
			lo = x;
			continue;
		}
		if (t->part == 2) {
			LLVMTypeRef i128 = t->type;

			v = LLVMBuildOr(b, LLVMBuildZExt(b, lo, i128, ""),
			                LLVMBuildShl(b, LLVMBuildZExt(b, x, i128, ""),
			                             LLVMConstInt(i128, 64, 0), ""), "");
		} else {
			v = loc_value(b, td, x, t);
		}
		out[t->path[0]] = out[t->path[0]]
		    ? insert_at(b, out[t->path[0]], t->path + 1, t->depth - 1, v)
		    : v;
	}
	/* An argument of no registers (an empty struct) is all poison. */
	for (i = 0; i < ntypes; i++)
		if (!out[i])
			out[i] = LLVMGetPoison(types[i]);
}
