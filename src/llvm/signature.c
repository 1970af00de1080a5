/*
 * llvm/signature.c: calls whose type is not the helper's.
 *
 * rustc and clang each lower a C signature to IR types of their own.
 * For most helpers the two agree, but not always: a struct of a pointer
 * and two ints returned in registers is { i64, i64 } to rustc and
 * { ptr, i64 } to clang.  Both are the same two registers, yet LLVM never
 * inlines a call whose function type differs from its callee's.  Such a
 * call is rebuilt with the helper's type, converting each argument and
 * the result, when every difference is one that passes the same bits in
 * the same registers: a pointer against an integer of pointer width, or
 * aggregates whose elements differ only so.  Any other difference (a
 * double against an i64, an i32 against an i64, a different number of
 * arguments) is a real mismatch between the Rust declaration and the C
 * definition; the call stays, and the report says why.
 */
#include <stdlib.h>

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

/* A pointer against an integer as wide as a pointer. */
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
same_registers(LLVMTargetDataRef td, LLVMTypeRef from, LLVMTypeRef to)
{
	LLVMTypeKind fk, tk;
	unsigned i, n;

	if (from == to)
		return 1;
	if (pointer_and_int(td, from, to) || pointer_and_int(td, to, from))
		return 1;
	fk = LLVMGetTypeKind(from);
	tk = LLVMGetTypeKind(to);
	if (!is_aggregate(fk) || !is_aggregate(tk) ||
	    (n = element_count(from)) != element_count(to))
		return 0;
	for (i = 0; i < n; i++)
		if (!same_registers(td, element_type(from, i), element_type(to, i)))
			return 0;
	return 1;
}

/* Convert v to type to, which same_registers() accepted. */
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

/* Whether a call of type call may be rebuilt as one of type fn. */
static int
adaptable(LLVMTargetDataRef td, LLVMTypeRef call, LLVMTypeRef fn)
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
	    !same_registers(td, LLVMGetReturnType(fn), cr))
		return 0;
	cp = xcalloc(n + 1, sizeof(*cp));
	fp = xcalloc(n + 1, sizeof(*fp));
	LLVMGetParamTypes(call, cp);
	LLVMGetParamTypes(fn, fp);
	for (ok = 1, i = 0; ok && i < n; i++)
		ok = same_registers(td, cp[i], fp[i]);
	free(cp);
	free(fp);
	return ok;
}

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

/* Rebuild call as a call of f with f's type. */
static void
adapt(LLVMBuilderRef b, LLVMValueRef call, LLVMValueRef f)
{
	LLVMTypeRef ct = LLVMGetCalledFunctionType(call);
	LLVMTypeRef ft = LLVMGlobalGetValueType(f);
	LLVMTypeRef cr = LLVMGetReturnType(ct);
	unsigned i, n = LLVMCountParamTypes(ft);
	LLVMTypeRef *fp = xcalloc(n + 1, sizeof(*fp));
	LLVMValueRef *args = xcalloc(n + 1, sizeof(*args));
	LLVMValueRef new;

	LLVMGetParamTypes(ft, fp);
	LLVMPositionBuilderBefore(b, call);
	for (i = 0; i < n; i++)
		args[i] = convert(b, LLVMGetOperand(call, i), fp[i]);
	new = LLVMBuildCall2(b, ft, f, args, n, "");
	LLVMSetInstructionCallConv(new, LLVMGetInstructionCallConv(call));
	LLVMSetTailCall(new, LLVMIsTailCall(call));
	LLVMInstructionSetDebugLoc(new, LLVMInstructionGetDebugLoc(call));
	copy_attributes(call, new, LLVMAttributeFunctionIndex, 1);
	copy_attributes(call, new, LLVMAttributeReturnIndex,
	                cr == LLVMGetReturnType(ft));
	for (i = 0; i < n; i++)
		copy_attributes(call, new, i + 1,
		                LLVMTypeOf(LLVMGetOperand(call, i)) == fp[i]);
	if (LLVMGetTypeKind(cr) != LLVMVoidTypeKind)
		LLVMReplaceAllUsesWith(call, convert(b, new, cr));
	LLVMInstructionEraseFromParent(call);
	free(args);
	free(fp);
}

void
signature_rebuild_calls(struct session *s, LLVMValueRef f)
{
	LLVMTypeRef ft = LLVMGlobalGetValueType(f);
	LLVMTargetDataRef td = LLVMGetModuleDataLayout(s->crate);
	LLVMValueRef *calls = NULL;
	size_t i, n = 0;
	LLVMUseRef u;

	/* Collected first: rebuilding a call changes f's uses. */
	for (u = LLVMGetFirstUse(f); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef call = LLVMGetUser(u);
		LLVMTypeRef ct;
		char *want, *have, *why;

		if (!is_callee(u) || LLVMGetInstructionOpcode(call) != LLVMCall ||
		    (ct = LLVMGetCalledFunctionType(call)) == ft)
			continue;
		/* Operand bundles are not copied; so a call with any (or,
		 * before LLVM 18, one that might have some) stays. */
		if (adaptable(td, ct, ft) && LLVMGetNumOperandBundles &&
		    LLVMGetNumOperandBundles(call) == 0) {
			calls = xrealloc(calls, (n + 1) * sizeof(*calls));
			calls[n++] = call;
			continue;
		}
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

		for (i = 0; i < n; i++)
			adapt(b, calls[i], f);
		LLVMDisposeBuilder(b);
	}
	free(calls);
}
