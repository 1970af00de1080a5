/*
 * llvm/signature.c: calls whose type is not the helper's.
 *
 * rustc and clang each lower a C signature to IR types of their own
 * (abi.c), and LLVM never inlines a call whose function type differs from
 * its callee's.  A call whose arguments and result go through the same
 * registers and stack slots as the helper's is rebuilt with the helper's
 * type (abi.c says where each scalar and each byval argument goes,
 * abi_move.c moves the bits), with the attributes of the helper's
 * definition.  When the model does not cover a signature (an argument
 * on AArch64's stack, an ABI attribute such as inreg), a call is still
 * rebuilt if the two types differ only element by element in a pointer
 * against an integer of pointer width, which every convention passes
 * alike.  A result may be narrower in C than in Rust where Rust needs no
 * more of it (narrower_result(): a small struct that rustc widens; the
 * rest reads as zero).  A struct of up to 8 bytes that Rust declares wider
 * than C's is taken so too, unwarned: rustc's integer for it carries no
 * noundef either, and at -O0 its uses are a store of all of it.  Any
 * other difference (a double for a uint64_t, a u32 for a uint64_t,
 * another number of registers) is a real mismatch between the Rust
 * declaration and the C definition: the call stays, with a warning, and
 * the report gives both types.  call and invoke are rebuilt alike.
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
	if (LLVMGetTypeKind(from) == LLVMIntegerTypeKind &&
	    LLVMGetTypeKind(to) == LLVMIntegerTypeKind)  /* narrower_result() */
		return LLVMBuildZExt(b, v, to, "");
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

static int narrower_result(LLVMValueRef call, LLVMTypeRef cr, LLVMTypeRef fr);

static int
elements_match(LLVMTargetDataRef td, LLVMValueRef c, LLVMTypeRef call, LLVMTypeRef fn)
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
	    !same_elements(td, LLVMGetReturnType(fn), cr) &&
	    !narrower_result(c, cr, LLVMGetReturnType(fn)))
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

/* The ABI attributes that put an argument in a register of its own or
 * in memory the model does not follow: with any, only the element rule
 * applies.  byval and sret are followed (memory_params()). */
static const char *const abi_attrs[] = {
	"inalloca", "preallocated", "inreg", "swiftself", "swifterror",
	"swiftasync", "nest",
};

/* An attribute of a call site's or of a function's parameter or result
 * (index 0 is the result, then the parameters from 1). */
static LLVMAttributeRef
attr_at(LLVMValueRef v, int call, unsigned i, const char *name)
{
	unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));

	if (!kind)
		return NULL;
	return call ? LLVMGetCallSiteEnumAttribute(v, i, kind)
	            : LLVMGetEnumAttributeAtIndex(v, i, kind);
}

static int
has_abi_attrs(LLVMValueRef call, LLVMValueRef f, unsigned ncall, unsigned nf)
{
	unsigned i, k;

	for (k = 0; k < LEN(abi_attrs); k++) {
		for (i = 0; i <= ncall; i++)
			if (attr_at(call, 1, i, abi_attrs[k]))
				return 1;
		for (i = 0; i <= nf; i++)
			if (attr_at(f, 0, i, abi_attrs[k]))
				return 1;
	}
	return 0;
}

/* The parameters of a call site or a function passed in memory (byval),
 * with the size and alignment of each; sret, a pointer in a register, is
 * only noted by its type's size (+ 1), and must be the same on both
 * sides. */
struct memory {
	struct abi_byval byval;
	unsigned long long sret;
	int bad;
};

static void
memory_params(LLVMTargetDataRef td, LLVMValueRef v, int call, unsigned nparams,
              struct memory *m)
{
	LLVMAttributeRef a, al;
	LLVMTypeRef t;
	unsigned i;

	memset(m, 0, sizeof(*m));
	for (i = 0; i < nparams; i++) {
		if ((a = attr_at(v, call, i + 1, "sret")) != NULL)
			m->sret = 1 + LLVMABISizeOfType(td, LLVMGetTypeAttributeValue(a));
		if ((a = attr_at(v, call, i + 1, "byval")) == NULL)
			continue;
		if (i >= 64) {
			m->bad = 1;
			return;
		}
		t = LLVMGetTypeAttributeValue(a);
		al = attr_at(v, call, i + 1, "align");
		m->byval.mask |= (uint64_t)1 << i;
		m->byval.size[i] = LLVMABISizeOfType(td, t);
		m->byval.align[i] = al ? LLVMGetEnumAttributeValue(al)
		                       : LLVMABIAlignmentOfType(td, t);
	}
}

/* Whether a call and the helper put the same parameters in memory, of
 * the same sizes and alignments: else a pointer is no pointer on the
 * other side, however alike the types look element by element. */
static int
same_memory(const struct memory *a, const struct memory *b)
{
	unsigned i;

	if (a->bad || b->bad || a->sret != b->sret || a->byval.mask != b->byval.mask)
		return 0;
	/* An alignment below 8 is a slot's 8 (rustc says 4 where clang
	 * says 8 for a struct of ints). */
	for (i = 0; i < 64; i++)
		if ((a->byval.mask >> i & 1) &&
		    (a->byval.size[i] != b->byval.size[i] ||
		     (a->byval.align[i] > 8 ? a->byval.align[i] : 8) !=
		     (b->byval.align[i] > 8 ? b->byval.align[i] : 8)))
			return 0;
	return 1;
}

int
signature_same_memory(LLVMValueRef call, LLVMValueRef f)
{
	LLVMTargetDataRef td = LLVMGetModuleDataLayout(LLVMGetGlobalParent(f));
	struct memory a, b;

	memory_params(td, call, 1, LLVMCountParamTypes(LLVMGetCalledFunctionType(call)), &a);
	memory_params(td, f, 0, LLVMCountParamTypes(LLVMGlobalGetValueType(f)), &b);
	return same_memory(&a, &b);
}

struct lowered {
	struct abi_sig call_args, fn_args, call_ret, fn_ret;
	struct memory call_mem, fn_mem;
};

static void
lowered_release(struct lowered *l)
{
	abi_release(&l->call_args);
	abi_release(&l->fn_args);
	abi_release(&l->call_ret);
	abi_release(&l->fn_ret);
}

/*
 * Whether call uses its result only for its low bits bits: each use
 * truncates it to at most that many, masks it with a constant within
 * them, or shifts the rest out to the left.
 */
static int
uses_low_bits_only(LLVMValueRef call, unsigned bits)
{
	unsigned width = LLVMGetIntTypeWidth(LLVMTypeOf(call));
	LLVMUseRef u;

	for (u = LLVMGetFirstUse(call); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef user = LLVMGetUser(u), k;

		switch (LLVMGetInstructionOpcode(user)) {
		case LLVMTrunc:
			if (LLVMGetIntTypeWidth(LLVMTypeOf(user)) > bits)
				return 0;
			break;
		case LLVMAnd:
			k = LLVMGetOperand(user, LLVMGetOperand(user, 0) == call);
			if (LLVMGetValueKind(k) != LLVMConstantIntValueKind || width > 64 ||
			    (bits < 64 && LLVMConstIntGetZExtValue(k) >> bits))
				return 0;
			break;
		case LLVMShl:
			k = LLVMGetOperand(user, 1);
			if (LLVMGetOperand(user, 0) != call ||
			    LLVMGetValueKind(k) != LLVMConstantIntValueKind || width > 64 ||
			    LLVMConstIntGetZExtValue(k) < width - bits)
				return 0;
			break;
		default:
			return 0;
		}
	}
	return 1;
}

/*
 * Whether call's integer result, of type cr, is wider than the helper's,
 * fr, and the call needs no more of it.  rustc returns a C struct of up
 * to 8 bytes (kuid_t, refcount_t, a struct of a short) as an i64 on
 * AArch64, and clang as an i16, i24 or i32; AAPCS64 leaves the rest of
 * x0 unspecified.  rustc says so: the result of such a call has no
 * noundef, which it gives every integer it returns as a scalar.  A u64
 * declared for a uint32_t (noundef, and its bits used) stays a mismatch;
 * one whose uses take only the low bits does not.  Both are in the first
 * integer register, on either target.
 */
static int
narrower_result(LLVMValueRef call, LLVMTypeRef cr, LLVMTypeRef fr)
{
	return LLVMGetTypeKind(cr) == LLVMIntegerTypeKind &&
	       LLVMGetTypeKind(fr) == LLVMIntegerTypeKind &&
	       LLVMGetIntTypeWidth(cr) <= 64 &&
	       LLVMGetIntTypeWidth(cr) > LLVMGetIntTypeWidth(fr) &&
	       (!attr_at(call, 1, 0, "noundef") ||
	        uses_low_bits_only(call, LLVMGetIntTypeWidth(fr)));
}

/* Whether call, of type ct, and the helper, of type ft, pass the same
 * bytes in the same registers and stack slots. */
static int
registers_match(struct session *s, LLVMValueRef call, LLVMTypeRef ct,
                LLVMTypeRef ft, struct lowered *l)
{
	LLVMTargetDataRef td = LLVMGetModuleDataLayout(s->crate);
	const char *triple = LLVMGetTarget(s->crate);
	int cvoid = LLVMGetTypeKind(LLVMGetReturnType(ct)) == LLVMVoidTypeKind;
	const struct memory *cm = &l->call_mem, *fm = &l->fn_mem;

	memset(&l->call_args, 0, sizeof(l->call_args));
	memset(&l->fn_args, 0, sizeof(l->fn_args));
	memset(&l->call_ret, 0, sizeof(l->call_ret));
	memset(&l->fn_ret, 0, sizeof(l->fn_ret));
	if (cm->bad || fm->bad || cm->sret != fm->sret ||
	    abi_lower(td, triple, ct, 0, &cm->byval, &l->call_args) < 0 ||
	    abi_lower(td, triple, ft, 0, &fm->byval, &l->fn_args) < 0 ||
	    !abi_same(&l->call_args, &l->fn_args))
		return 0;
	/* A result that Rust ignores may be dropped. */
	if (cvoid)
		return 1;
	return abi_lower(td, triple, ct, 1, NULL, &l->call_ret) == 0 &&
	       abi_lower(td, triple, ft, 1, NULL, &l->fn_ret) == 0 &&
	       l->fn_ret.n > 0 && (abi_same(&l->call_ret, &l->fn_ret) ||
	                           narrower_result(call, LLVMGetReturnType(ct),
	                                           LLVMGetReturnType(ft)));
}

/* --- rebuilding --- */

/*
 * Give call new the attributes at idx of from: a call's (its function
 * attributes: nounwind, memory, ...) or the helper's definition (what it
 * expects of an argument or its result: signext, zeroext, byval, sret),
 * and never what the caller said of another argument.
 */
static void
add_attributes(LLVMValueRef new, LLVMAttributeIndex idx, LLVMValueRef from)
{
	int call = !is_function(from);
	unsigned i, n = call ? LLVMGetCallSiteAttributeCount(from, idx)
	                     : LLVMGetAttributeCountAtIndex(from, idx);
	LLVMAttributeRef *a;

	if (n == 0)
		return;
	a = xcalloc(n, sizeof(*a));
	if (call)
		LLVMGetCallSiteAttributes(from, idx, a);
	else
		LLVMGetAttributesAtIndex(from, idx, a);
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
	LLVMTypeRef cr = LLVMGetReturnType(ct);
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
		abi_move(b, td, &l->call_args, cargs, &l->fn_args, fp, n, args);
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
	/* The arguments are the helper's now, and so are their attributes:
	 * the caller's were of its own arguments, which are not these. */
	add_attributes(new, LLVMAttributeFunctionIndex, call);
	add_attributes(new, LLVMAttributeReturnIndex, f);
	for (i = 0; i < n; i++)
		add_attributes(new, i + 1, f);
	if (LLVMGetTypeKind(cr) != LLVMVoidTypeKind && LLVMGetFirstUse(call)) {
		position_for_result(b, new);
		if (l)
			abi_move(b, td, &l->fn_ret, &new, &l->call_ret, &cr, 1,
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
signature_rebuild_calls(struct session *s, LLVMValueRef f,
                        const struct helper_file *hf)
{
	LLVMTypeRef ft = LLVMGlobalGetValueType(f);
	LLVMTargetDataRef td = LLVMGetModuleDataLayout(s->crate);
	struct lowered *lows = NULL;
	LLVMValueRef *calls = NULL;
	int *by_registers = NULL;
	size_t i, n = 0;
	int warned = 0;
	LLVMUseRef u;

	/* Collected first: rebuilding a call changes f's uses. */
	for (u = LLVMGetFirstUse(f); u; u = LLVMGetNextUse(u)) {
		LLVMValueRef call = LLVMGetUser(u);
		LLVMTypeRef ct;
		struct lowered l;
		char *want, *have, *why;
		int regs = 0;

		memset(&l, 0, sizeof(l));
		if (is_callee(u) && (LLVMGetInstructionOpcode(call) == LLVMCall ||
		                     LLVMGetInstructionOpcode(call) == LLVMInvoke)) {
			memory_params(td, call, 1, LLVMCountParamTypes(
			              LLVMGetCalledFunctionType(call)), &l.call_mem);
			memory_params(td, f, 0, LLVMCountParamTypes(ft), &l.fn_mem);
		}
		if (!is_callee(u) ||
		    (LLVMGetInstructionOpcode(call) != LLVMCall &&
		     LLVMGetInstructionOpcode(call) != LLVMInvoke) ||
		    ((ct = LLVMGetCalledFunctionType(call)) == ft &&
		     same_memory(&l.call_mem, &l.fn_mem)))
			continue;
		if (ct != ft && rebuildable(call, ct) &&
		    ((!has_abi_attrs(call, f, LLVMCountParamTypes(ct),
		                     LLVMCountParamTypes(ft)) &&
		      (regs = registers_match(s, call, ct, ft, &l))) ||
		     (same_memory(&l.call_mem, &l.fn_mem) &&
		      elements_match(td, call, ct, ft)))) {
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
		why = ct == ft
		      ? xasprintf("Rust calls it as '%s' with arguments in memory "
		                  "(byval, sret) that C's '%s' takes otherwise",
		                  want, have)
		      : xasprintf("Rust calls it as '%s', C defines it as '%s'",
		                  want, have);
		session_why_not(s, value_name(f), why);
		if (!warned++)
			warn("'%s': '%s' stays a call: %s", hf->file.name,
			     value_name(f), why);
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
