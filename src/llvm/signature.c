/*
 * llvm/signature.c: calls whose type is not the helper's.
 *
 * rustc and clang each lower a C signature to IR types of their own
 * (abi.c), and LLVM never inlines a call whose function type differs from
 * its callee's.  A call whose arguments and result go through the same
 * registers as the helper's is rebuilt with the helper's type: each
 * register's bits are taken from the caller's values and given to the
 * helper's, as the calling convention would (abi.c says which register
 * each scalar uses).  When the model does not cover a signature (an
 * argument on the stack, an ABI attribute such as byval), a call is still
 * rebuilt if the two types differ only element by element in a pointer
 * against an integer of pointer width, which every convention passes
 * alike.  Any other difference (a double for a uint64_t, a u32 for a
 * uint64_t, another number of registers) is a real mismatch between the
 * Rust declaration and the C definition: the call stays, and the report
 * gives both types.  call and invoke are rebuilt alike.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"

static int
is_aggregate(LLVMTypeKind k)
{
	return k == LLVMStructTypeKind || k == LLVMArrayTypeKind;
}

static unsigned
element_count(LLVMTypeRef t)
{
	if (LLVMGetTypeKind(t) == LLVMStructTypeKind)
		return LLVMCountStructElementTypes(t);
	return LLVMGetArrayLength(t);
}

static LLVMTypeRef
element_type(LLVMTypeRef t, unsigned i)
{
	if (LLVMGetTypeKind(t) == LLVMStructTypeKind)
		return LLVMStructGetTypeAtIndex(t, i);
	return LLVMGetElementType(t);
}

/* --- by elements: a pointer against an integer as wide --- */

static int
pointer_and_int(LLVMTargetDataRef td, LLVMTypeRef p, LLVMTypeRef i)
{
	return LLVMGetTypeKind(p) == LLVMPointerTypeKind &&
	       LLVMGetPointerAddressSpace(p) == 0 &&
	       LLVMGetTypeKind(i) == LLVMIntegerTypeKind &&
	       LLVMGetIntTypeWidth(i) == 8 * LLVMPointerSize(td);
}

/* Whether a value of type from passes as one of type to would. */
static int
same_elements(LLVMTargetDataRef td, LLVMTypeRef from, LLVMTypeRef to)
{
	unsigned i, n;

	if (from == to)
		return 1;
	if (pointer_and_int(td, from, to) || pointer_and_int(td, to, from))
		return 1;
	if (!is_aggregate(LLVMGetTypeKind(from)) || !is_aggregate(LLVMGetTypeKind(to)) ||
	    (n = element_count(from)) != element_count(to))
		return 0;
	for (i = 0; i < n; i++)
		if (!same_elements(td, element_type(from, i), element_type(to, i)))
			return 0;
	return 1;
}

/* Convert v to type to, which same_elements() accepted. */
static LLVMValueRef
convert(LLVMBuilderRef b, LLVMValueRef v, LLVMTypeRef to)
{
	LLVMTypeRef from = LLVMTypeOf(v);
	LLVMValueRef out;
	unsigned i, n;

	if (from == to)
		return v;
	if (LLVMGetTypeKind(from) == LLVMPointerTypeKind)
		return LLVMBuildPtrToInt(b, v, to, "");
	if (LLVMGetTypeKind(to) == LLVMPointerTypeKind)
		return LLVMBuildIntToPtr(b, v, to, "");
	out = LLVMGetPoison(to);
	n = element_count(to);
	for (i = 0; i < n; i++)
		out = LLVMBuildInsertValue(
		    b, out,
		    convert(b, LLVMBuildExtractValue(b, v, i, ""), element_type(to, i)),
		    i, "");
	return out;
}

static int
elements_match(LLVMTargetDataRef td, LLVMTypeRef call, LLVMTypeRef fn)
{
	LLVMTypeRef *cp, *fp, cr = LLVMGetReturnType(call);
	unsigned i, n = LLVMCountParamTypes(fn);
	int ok;

	if (LLVMIsFunctionVarArg(call) || LLVMIsFunctionVarArg(fn) ||
	    LLVMCountParamTypes(call) != n)
		return 0;
	/* A result that Rust ignores may be dropped; one it expects must
	 * be there. */
	if (LLVMGetTypeKind(cr) != LLVMVoidTypeKind &&
	    !same_elements(td, LLVMGetReturnType(fn), cr))
		return 0;
	cp = xcalloc(n + 1, sizeof(*cp));
	fp = xcalloc(n + 1, sizeof(*fp));
	LLVMGetParamTypes(call, cp);
	LLVMGetParamTypes(fn, fp);
	for (ok = 1, i = 0; ok && i < n; i++)
		ok = same_elements(td, cp[i], fp[i]);
	free(cp);
	free(fp);
	return ok;
}

/* --- by registers --- */

/* The ABI attributes that put an argument in memory or in a register of
 * their own: with any, only the element rule applies. */
static const char *const abi_attrs[] = {
	"byval", "sret", "inalloca", "preallocated", "inreg", "swiftself",
	"swifterror", "swiftasync", "nest",
};

static int
has_abi_attrs(LLVMValueRef call, LLVMValueRef f, unsigned ncall, unsigned nf)
{
	unsigned i, k, kind;

	for (k = 0; k < LEN(abi_attrs); k++) {
		kind = LLVMGetEnumAttributeKindForName(abi_attrs[k],
		                                       strlen(abi_attrs[k]));
		/* Index 0 is the result, then the parameters from 1. */
		for (i = 0; kind && i <= ncall; i++)
			if (LLVMGetCallSiteEnumAttribute(call, i, kind))
				return 1;
		for (i = 0; kind && i <= nf; i++)
			if (LLVMGetEnumAttributeAtIndex(f, i, kind))
				return 1;
	}
	return 0;
}

struct lowered {
	struct abi_sig call_args, fn_args, call_ret, fn_ret;
};

static void
lowered_release(struct lowered *l)
{
	abi_release(&l->call_args);
	abi_release(&l->fn_args);
	abi_release(&l->call_ret);
	abi_release(&l->fn_ret);
}

/* Whether both types pass the same bytes in the same registers. */
static int
registers_match(struct session *s, LLVMTypeRef ct, LLVMTypeRef ft,
                struct lowered *l)
{
	LLVMTargetDataRef td = LLVMGetModuleDataLayout(s->crate);
	const char *triple = LLVMGetTarget(s->crate);
	int cvoid = LLVMGetTypeKind(LLVMGetReturnType(ct)) == LLVMVoidTypeKind;

	memset(l, 0, sizeof(*l));
	if (abi_lower(td, triple, ct, 0, &l->call_args) < 0 ||
	    abi_lower(td, triple, ft, 0, &l->fn_args) < 0 ||
	    !abi_same(&l->call_args, &l->fn_args))
		return 0;
	/* A result that Rust ignores may be dropped. */
	if (cvoid)
		return 1;
	return abi_lower(td, triple, ct, 1, &l->call_ret) == 0 &&
	       abi_lower(td, triple, ft, 1, &l->fn_ret) == 0 &&
	       l->fn_ret.n > 0 && abi_same(&l->call_ret, &l->fn_ret);
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

/*
 * The values of types out (nout of them: the parameters, or the result)
 * that receive what from puts in the registers of sig_from, the
 * locations sig_to names; values holds the source values by path[0].
 */
static void
move_registers(LLVMBuilderRef b, LLVMTargetDataRef td,
               const struct abi_sig *from, LLVMValueRef *values,
               const struct abi_sig *to, LLVMTypeRef *types, size_t ntypes,
               LLVMValueRef *out)
{
	LLVMValueRef lo = NULL;
	size_t i;

	for (i = 0; i < ntypes; i++)
		out[i] = is_aggregate(LLVMGetTypeKind(types[i])) ? LLVMGetPoison(types[i])
		                                                 : NULL;
	for (i = 0; i < to->n; i++) {
		const struct abi_loc *t = &to->v[i];
		LLVMValueRef x = loc_bits(b, td, values[from->v[i].path[0]], &from->v[i]);
		LLVMValueRef v;

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

/* --- rebuilding --- */

/* Copy the call site's attributes at idx, if its type there is new's. */
static void
copy_attributes(LLVMValueRef old, LLVMValueRef new, LLVMAttributeIndex idx,
                int same_type)
{
	LLVMAttributeRef *a;
	unsigned i, n = LLVMGetCallSiteAttributeCount(old, idx);

	if (n == 0 || !same_type)
		return;
	a = xcalloc(n, sizeof(*a));
	LLVMGetCallSiteAttributes(old, idx, a);
	for (i = 0; i < n; i++)
		LLVMAddCallSiteAttribute(new, idx, a[i]);
	free(a);
}

/*
 * Where the result of call is converted: before the next instruction of
 * a call; at the start of an invoke's normal destination, which must be
 * reached from the invoke only, and not through a PHI.  NULL when there
 * is no such place.
 */
static LLVMBasicBlockRef
result_block(LLVMValueRef call)
{
	LLVMBasicBlockRef normal;
	LLVMUseRef u;
	int n = 0;

	if (LLVMGetInstructionOpcode(call) != LLVMInvoke)
		return LLVMGetInstructionParent(call);
	normal = LLVMGetNormalDest(call);
	for (u = LLVMGetFirstUse(LLVMBasicBlockAsValue(normal)); u; u = LLVMGetNextUse(u))
		n++;
	for (u = LLVMGetFirstUse(call); u; u = LLVMGetNextUse(u))
		if (LLVMGetInstructionOpcode(LLVMGetUser(u)) == LLVMPHI)
			return NULL;
	return n == 1 ? normal : NULL;
}

/* Whether call can be rebuilt at all: no operand bundles (they are not
 * copied; before LLVM 18 any call might have some), and a place for its
 * result. */
static int
rebuildable(LLVMValueRef call, LLVMTypeRef ct)
{
	if (!LLVMGetNumOperandBundles || LLVMGetNumOperandBundles(call) != 0)
		return 0;
	return LLVMGetTypeKind(LLVMGetReturnType(ct)) == LLVMVoidTypeKind ||
	       !LLVMGetFirstUse(call) || result_block(call);
}

/* Position b where call's result is converted. */
static void
position_for_result(LLVMBuilderRef b, LLVMValueRef call)
{
	LLVMBasicBlockRef bb;
	LLVMValueRef i;

	if (LLVMGetInstructionOpcode(call) != LLVMInvoke) {
		LLVMPositionBuilder(b, LLVMGetInstructionParent(call),
		                    LLVMGetNextInstruction(call));
		return;
	}
	bb = LLVMGetNormalDest(call);
	for (i = LLVMGetFirstInstruction(bb); i && LLVMGetInstructionOpcode(i) == LLVMPHI;
	     i = LLVMGetNextInstruction(i))
		;
	if (i)
		LLVMPositionBuilderBefore(b, i);
	else
		LLVMPositionBuilderAtEnd(b, bb);
}

/* Rebuild call as a call (or invoke) of f with f's type; l, when not
 * NULL, says which registers each value goes through. */
static void
rebuild(LLVMBuilderRef b, LLVMTargetDataRef td, LLVMValueRef call,
        LLVMValueRef f, const struct lowered *l)
{
	LLVMTypeRef ct = LLVMGetCalledFunctionType(call);
	LLVMTypeRef ft = LLVMGlobalGetValueType(f);
	LLVMTypeRef cr = LLVMGetReturnType(ct), fr = LLVMGetReturnType(ft);
	unsigned i, n = LLVMCountParamTypes(ft), nc = LLVMCountParamTypes(ct);
	LLVMTypeRef *fp = xcalloc(n + 1, sizeof(*fp));
	LLVMValueRef *cargs = xcalloc(nc + 1, sizeof(*cargs));
	LLVMValueRef *args = xcalloc(n + 1, sizeof(*args));
	LLVMValueRef new, result;

	LLVMGetParamTypes(ft, fp);
	for (i = 0; i < nc; i++)
		cargs[i] = LLVMGetOperand(call, i);
	LLVMPositionBuilderBefore(b, call);
	if (l) {
		move_registers(b, td, &l->call_args, cargs, &l->fn_args, fp, n, args);
	} else {
		for (i = 0; i < n; i++)
			args[i] = convert(b, cargs[i], fp[i]);
	}
	if (LLVMGetInstructionOpcode(call) == LLVMInvoke) {
		new = LLVMBuildInvoke2(b, ft, f, args, n, LLVMGetNormalDest(call),
		                       LLVMGetUnwindDest(call), "");
	} else {
		new = LLVMBuildCall2(b, ft, f, args, n, "");
		LLVMSetTailCall(new, LLVMIsTailCall(call));
	}
	LLVMSetInstructionCallConv(new, LLVMGetInstructionCallConv(call));
	LLVMInstructionSetDebugLoc(new, LLVMInstructionGetDebugLoc(call));
	copy_attributes(call, new, LLVMAttributeFunctionIndex, 1);
	copy_attributes(call, new, LLVMAttributeReturnIndex, cr == fr);
	for (i = 0; i < n && i < nc; i++)
		copy_attributes(call, new, i + 1, LLVMTypeOf(cargs[i]) == fp[i]);
	if (LLVMGetTypeKind(cr) != LLVMVoidTypeKind && LLVMGetFirstUse(call)) {
		position_for_result(b, new);
		if (l)
			move_registers(b, td, &l->fn_ret, &new, &l->call_ret, &cr, 1,
			               &result);
		else
			result = convert(b, new, cr);
		LLVMReplaceAllUsesWith(call, result);
	}
	LLVMInstructionEraseFromParent(call);
	free(args);
	free(cargs);
	free(fp);
}

void
signature_rebuild_calls(struct session *s, LLVMValueRef f)
{
	LLVMTypeRef ft = LLVMGlobalGetValueType(f);
	LLVMTargetDataRef td = LLVMGetModuleDataLayout(s->crate);
	struct lowered *lows = NULL;
	LLVMValueRef *calls = NULL;
	int *by_registers = NULL;
	size_t i, n = 0;
	LLVMUseRef u;

	/* Collected first: rebuilding a call changes f's uses. */
	for (u = LLVMGetFirstUse(f); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef call = LLVMGetUser(u);
		LLVMTypeRef ct;
		struct lowered l;
		char *want, *have, *why;
		int regs = 0;

		memset(&l, 0, sizeof(l));
		if (!is_callee(u) ||
		    (LLVMGetInstructionOpcode(call) != LLVMCall &&
		     LLVMGetInstructionOpcode(call) != LLVMInvoke) ||
		    (ct = LLVMGetCalledFunctionType(call)) == ft)
			continue;
		if (rebuildable(call, ct) &&
		    ((!has_abi_attrs(call, f, LLVMCountParamTypes(ct),
		                     LLVMCountParamTypes(ft)) &&
		      (regs = registers_match(s, ct, ft, &l))) ||
		     elements_match(td, ct, ft))) {
			calls = xrealloc(calls, (n + 1) * sizeof(*calls));
			lows = xrealloc(lows, (n + 1) * sizeof(*lows));
			by_registers = xrealloc(by_registers, (n + 1) * sizeof(*by_registers));
			calls[n] = call;
			by_registers[n] = regs;
			lows[n] = l;
			if (!regs) {
				lowered_release(&l);
				memset(&lows[n], 0, sizeof(lows[n]));
			}
			n++;
			continue;
		}
		lowered_release(&l);
		want = type_text(ct);
		have = type_text(ft);
		why = xasprintf("Rust calls it as '%s', C defines it as '%s'",
		                want, have);
		session_why_not(s, value_name(f), why);
		free(why);
		free(have);
		free(want);
	}
	if (n) {
		LLVMBuilderRef b = LLVMCreateBuilderInContext(s->ctx);

		for (i = 0; i < n; i++) {
			rebuild(b, td, calls[i], f, by_registers[i] ? &lows[i] : NULL);
			lowered_release(&lows[i]);
		}
		LLVMDisposeBuilder(b);
	}
	free(calls);
	free(lows);
	free(by_registers);
}
