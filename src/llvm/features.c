/*
 * llvm/features.c: what a helper's code needs of the target, against its
 * Rust callers'.
 *
 * A function's "target-features" say what LLVM may use when it compiles
 * it; inlined, the helper's code is compiled with its caller's.  Generic
 * IR compiles for any features: an @llvm.ctpop that clang's -msse4.2 would
 * make a popcnt becomes a few shifts and adds on the crate's baseline.  So
 * the features a helper's attributes list are not what it needs: clang's
 * driver adds +popcnt and +crc32 for -msse4.2, +xsave for -mavx, +mmx for
 * -msse, which neither LLVM's X86 target nor rustc's -C target-feature
 * implies (X86.td; clang's X86TargetInfo::initFeatureMap).  What code
 * needs is what its target intrinsics select (target_features.c has a
 * table: @llvm.x86.avx2.* needs avx2, @llvm.x86.xgetbv xsave), and, as
 * helperlink cannot see inside them, all of the helper's own features when
 * it has inline asm, calls an intrinsic the table lacks, passes vectors
 * wider than 16 bytes to a call (their registers depend on the features),
 * or uses scalable vectors.
 *
 * A helper whose needs a caller lacks would put instructions into Rust
 * code that its CPU may not have: it is refused, naming what it needs and
 * why.  --allow-feature-mismatch inlines it all the same when the need is
 * only presumed (inline asm, an intrinsic without a table), and keeps it a
 * call when an intrinsic needs the feature: LLVM could not compile that.  Every other function the import
 * defines gets the crate's own target-cpu and target-features (plus what
 * it needs, when a caller of its own has more than the crate): LLVM 23's
 * alwaysinline and its inliner want the callee's features to be the
 * caller's, and the feature names a newer LLVM no longer knows go too.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../demangle.h"
#include "../target.h"
#include "../target_features.h"
#include "engine.h"

struct needs {
	struct buf features;   /* "+a,+b" */
	struct buf why;        /* "for @llvm.x86.avx2.pshuf.b", or NULL */
	int all;               /* its own features, all of them */
};

/* Whether the comma-separated list has item (of len bytes). */
static int
list_has(const char *list, const char *item, size_t len)
{
	while (list && *list) {
		size_t k = strcspn(list, ",");

		if (k == len && strncmp(list, item, len) == 0)
			return 1;
		list += k + (list[k] == ',');
	}
	return 0;
}

/* Add features ("a,b") to what n needs, for the intrinsic why. */
static void
need(struct needs *n, const char *features, const char *why, size_t len)
{
	const char *p = features;

	while (*p) {
		size_t k = strcspn(p, ",");
		char *item = xasprintf("+%.*s", (int)k, p);

		if (!list_has(n->features.data, item, k + 1))
			buf_addf(&n->features, "%s%s", n->features.len ? "," : "", item);
		free(item);
		p += k + (p[k] == ',');
	}
	if (*features && !n->why.len)
		buf_addf(&n->why, "for @%.*s", (int)len, why);
}

/* The bits of a vector element. */
static unsigned
scalar_bits(LLVMTypeRef t)
{
	switch (LLVMGetTypeKind(t)) {
	case LLVMIntegerTypeKind: return LLVMGetIntTypeWidth(t);
	case LLVMHalfTypeKind: case LLVMBFloatTypeKind: return 16;
	case LLVMFloatTypeKind: return 32;
	default: return 64;   /* double, pointers */
	}
}

/* Whether a type is a vector wider than 16 bytes, or a scalable one. */
static int
wide_vector(LLVMTypeRef t)
{
	LLVMTypeKind k = LLVMGetTypeKind(t);

	if (k == LLVMScalableVectorTypeKind)
		return 1;
	return k == LLVMVectorTypeKind &&
	       LLVMGetVectorSize(t) * scalar_bits(LLVMGetElementType(t)) > 128;
}

/* Whether a call passes or returns a wide vector. */
static int
passes_wide_vectors(LLVMValueRef call)
{
	unsigned i, n = (unsigned)LLVMGetNumArgOperands(call);

	if (wide_vector(LLVMTypeOf(call)))
		return 1;
	for (i = 0; i < n; i++)
		if (wide_vector(LLVMTypeOf(LLVMGetOperand(call, i))))
			return 1;
	return 0;
}

/* Whether text at name (n bytes) starts with the name of a vector,
 * floating-point or MMX register ("xmm0", "st", "mm1"; "v3", "q1"). */
static int
vector_register(const char *name, size_t n, int aarch64)
{
	static const char *const x86[] = {"xmm", "ymm", "zmm", "mm"};
	size_t i, k;

	if (aarch64)
		return n >= 2 && strchr("vqdshbzp", name[0]) &&
		       name[1] >= '0' && name[1] <= '9';
	if (n >= 2 && strncmp(name, "st", 2) == 0)
		return 1;
	for (i = 0; i < LEN(x86); i++) {
		k = strlen(x86[i]);
		if (n > k && strncmp(name, x86[i], k) == 0 &&
		    name[k] >= '0' && name[k] <= '9')
			return 1;
	}
	return 0;
}

/* Whether an inline asm constraint string ("=r,x,~{xmm0},~{dirflag}")
 * asks for a vector or floating-point register or register class. */
static int
constraints_use_vectors(const char *c, size_t len, int aarch64)
{
	const char *classes = aarch64 ? "wxyU" : "xvYtfuyk";
	char *all = xstrndup(c, len), *p, *q;
	int found = 0;

	for (p = strtok(all, ","); p && !found; p = strtok(NULL, ",")) {
		q = p + strspn(p, "=+&*!~");
		found = *q == '{' ? vector_register(q + 1, strlen(q + 1), aarch64)
		                  : strpbrk(q, classes) != NULL;
	}
	free(all);
	return found;
}

/*
 * Whether inline asm may use vector or floating-point registers, which
 * only the features that provide them let LLVM allocate: by its operand
 * types, its constraints ("x", "v", "w", "{xmm0}", "~{ymm1}") or its text
 * ("%xmm0", "q1").  Other asm needs no feature: the assembler takes any
 * instruction, and the same instructions ran in the C object.  Unknown
 * (an LLVM without the accessors): it may.
 */
static int
asm_uses_vectors(LLVMValueRef call, LLVMValueRef a, int aarch64)
{
	const char *c, *text;
	size_t len, tlen, i, n = LLVMGetNumArgOperands(call);
	LLVMTypeKind k;

	if (!LLVMGetInlineAsmConstraintString || !LLVMGetInlineAsmAsmString)
		return 1;
	for (i = 0; i <= n; i++) {
		k = LLVMGetTypeKind(LLVMTypeOf(i < n ? LLVMGetOperand(call, (unsigned)i)
		                                     : call));
		if (k == LLVMVectorTypeKind || k == LLVMScalableVectorTypeKind ||
		    k == LLVMHalfTypeKind || k == LLVMBFloatTypeKind ||
		    k == LLVMFloatTypeKind || k == LLVMDoubleTypeKind ||
		    k == LLVMFP128TypeKind)
			return 1;
	}
	c = LLVMGetInlineAsmConstraintString(a, &len);
	if (constraints_use_vectors(c, len, aarch64))
		return 1;
	/* x86-64 registers follow '%' (or "%%"); AArch64's start a word. */
	text = LLVMGetInlineAsmAsmString(a, &tlen);
	for (i = 0; i < tlen; i++) {
		const char *r = text + i;

		if (aarch64 ? i > 0 && (isalnum((unsigned char)text[i - 1]) ||
		                        text[i - 1] == '_')
		            : text[i] != '%')
			continue;
		if (!aarch64)
			r += 1 + (i + 1 < tlen && text[i + 1] == '%');
		if (r < text + tlen && vector_register(r, tlen - (size_t)(r - text), aarch64))
			return 1;
	}
	return 0;
}

/* What f's own code needs (see the top), into n. */
static void
code_needs(LLVMValueRef f, const char *triple, struct needs *n)
{
	LLVMBasicBlockRef bb;
	LLVMValueRef i, callee;
	const char *name, *features;
	int aarch64 = target_is_aarch64(triple);
	size_t len;

	for (bb = LLVMGetFirstBasicBlock(f); bb && !n->all; bb = LLVMGetNextBasicBlock(bb))
		for (i = LLVMGetFirstInstruction(bb); i && !n->all;
		     i = LLVMGetNextInstruction(i)) {
			if (LLVMGetTypeKind(LLVMTypeOf(i)) == LLVMScalableVectorTypeKind) {
				n->all = 1;
				buf_addstr(&n->why, "for its scalable vectors");
			}
			if (!is_call(i) || !(callee = LLVMGetCalledValue(i)))
				continue;
			if (LLVMGetValueKind(callee) == LLVMInlineAsmValueKind) {
				if (asm_uses_vectors(i, callee, aarch64)) {
					n->all = 1;
					buf_addstr(&n->why, "for its inline asm, which may "
					           "use vector registers");
				}
			} else if (!is_function(callee)) {
				continue;
			} else if ((name = LLVMGetValueName2(callee, &len)) &&
			           LLVMGetIntrinsicID(callee)) {
				if ((features = features_of_intrinsic(triple, name)) != NULL) {
					need(n, features, name, len);
				} else {
					n->all = 1;
					buf_addf(&n->why, "for @%.*s, which helperlink has "
					         "no table for", (int)len, name);
				}
			} else if (passes_wide_vectors(i)) {
				n->all = 1;
				buf_addstr(&n->why, "for a call that passes wide vectors");
			}
		}
	if (n->all) {
		char *own = fn_string_attr(f, "target-features");

		buf_reset(&n->features);
		if (own)
			buf_addstr(&n->features, own);
		free(own);
	}
}

static void
needs_release(struct needs *n)
{
	buf_release(&n->features);
	buf_release(&n->why);
}

/* With --allow-feature-mismatch, a helper whose intrinsics need what a
 * caller lacks stays a call: LLVM could not compile it there. */
static void
keep_call(struct session *s, struct helper_file *hf, const char *name,
          const char *who, const char *missing, const char *why)
{
	char *reason = xasprintf("it needs target features %s (%s), which '%s' "
	                         "does not have", missing, why, who);

	warn("'%s': '%s' stays a call: %s", hf->file.name, name, reason + 3);
	session_why_not(s, name, reason);
	free(reason);
	fn_make_declaration(s->import, name);
}

/* Whether helper f, needing n, fits every caller in the crate; prints why
 * not. */
static int
fits_callers(struct session *s, LLVMValueRef f, const char *name,
             struct helper_file *hf, const struct needs *n)
{
	LLVMValueRef decl = LLVMGetNamedFunction(s->crate, name);
	char *hcpu = fn_string_attr(f, "target-cpu");
	struct buf missing = BUF_INIT;
	int fits = 1;
	LLVMUseRef u;

	for (u = decl ? LLVMGetFirstUse(decl) : NULL; u && fits;
	     u = LLVMGetNextUse(u)) {
		LLVMValueRef user = LLVMGetUser(u), caller;
		char *ccpu, *cfeat, *who;

		if (LLVMGetValueKind(user) != LLVMInstructionValueKind)
			continue;
		caller = parent_function(user);
		ccpu = fn_string_attr(caller, "target-cpu");
		cfeat = fn_string_attr(caller, "target-features");
		if (features_compatible(LLVMGetTarget(s->crate), ccpu, cfeat, hcpu,
		                        n->features.data, &missing) == 0) {
			fits = 0;
			who = demangle(value_name(caller));
			if (!s->o->allow_feature_mismatch)
				error("'%s': '%s' needs target features %s (%s), which its "
				      "caller '%s' does not have (--allow-feature-mismatch "
				      "inlines it anyway)", hf->file.name, name, missing.data,
				      n->why.data, who);
			else if (n->all)
				warn("'%s': '%s' needs target features %s (%s), which its "
				     "caller '%s' does not have; inlined all the same",
				     hf->file.name, name, missing.data, n->why.data, who);
			else
				keep_call(s, hf, name, who, missing.data, n->why.data);
			free(who);
		}
		free(ccpu);
		free(cfeat);
	}
	buf_release(&missing);
	free(hcpu);
	return fits;
}

/* Give f the crate's target-cpu and target-features, with what it needs
 * beyond them; leave it be when that cannot be told (a CPU without a
 * table). */
static void
normalize(struct session *s, LLVMValueRef f)
{
	const char *triple = LLVMGetTarget(s->crate);
	char *cpu = fn_string_attr(f, "target-cpu");
	struct needs n = {BUF_INIT, BUF_INIT, 0};
	struct buf missing = BUF_INIT;
	int fit;

	code_needs(f, triple, &n);
	fit = features_compatible(triple, s->cg.cpu, s->cg.features, cpu,
	                          n.features.data, &missing);
	if (fit >= 0) {
		fn_set_string_attr(f, "target-cpu", s->cg.cpu);
		if (fit == 0) {
			const char *own = s->cg.features ? s->cg.features : "";
			char *both = xasprintf("%s%s%s", own, *own ? "," : "",
			                       missing.data);

			fn_set_string_attr(f, "target-features", both);
			free(both);
		} else {
			fn_set_string_attr(f, "target-features", s->cg.features);
		}
	}
	buf_release(&missing);
	needs_release(&n);
	free(cpu);
}

int
features_check(struct session *s)
{
	const char **names = strmap_keys(&s->imported);
	LLVMValueRef f;
	size_t i;

	/* One line for the first helper that does not fit, not one each. */
	for (i = 0; names[i]; i++) {
		struct needs n = {BUF_INIT, BUF_INIT, 0};
		int fits = 1;

		if ((f = LLVMGetNamedFunction(s->import, names[i])) &&
		    !LLVMIsDeclaration(f)) {
			code_needs(f, LLVMGetTarget(s->crate), &n);
			fits = fits_callers(s, f, names[i],
			                    strmap_get(&s->imported, names[i]), &n);
		}
		needs_release(&n);
		if (!fits && !s->o->allow_feature_mismatch) {
			free(names);
			return -1;
		}
	}
	free(names);
	for (f = LLVMGetFirstFunction(s->import); f; f = LLVMGetNextFunction(f))
		if (!LLVMIsDeclaration(f))
			normalize(s, f);
	return 0;
}
