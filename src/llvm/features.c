/*
 * llvm/features.c: a helper's target features against its Rust callers'.
 *
 * LLVM 22's alwaysinline inlines whatever the target features say; from
 * LLVM 23 on it respects target-feature compatibility, and clang and rustc
 * spell one baseline differently (clang writes +cmov,+cx8,+fxsr, rustc
 * nothing).  So a helper whose every feature each caller has (by name,
 * through a feature that implies it, or through the CPU; see target_features.c)
 * gets the crate's own target-cpu and target-features, which any LLVM
 * accepts, and which also drops the feature names a newer LLVM no longer
 * knows.  A helper that needs a feature a caller lacks would put
 * instructions into Rust code that its CPU may not have: it is refused,
 * unless --allow-feature-mismatch.
 */
#include <stdlib.h>

#include "../demangle.h"
#include "../target_features.h"
#include "engine.h"

/* Whether helper f fits every caller in the crate; prints why not. */
static int
fits_callers(struct session *s, LLVMValueRef f, const char *name,
             struct helper_file *hf)
{
	LLVMValueRef decl = LLVMGetNamedFunction(s->crate, name);
	char *hcpu = fn_string_attr(f, "target-cpu");
	char *hfeat = fn_string_attr(f, "target-features");
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
		                        hfeat, &missing) == 0) {
			fits = 0;
			who = demangle(value_name(caller));
			if (s->o->allow_feature_mismatch)
				warn("'%s': '%s' needs target features %s, which its "
				     "caller '%s' does not have; inlined all the same",
				     hf->file.name, name, missing.data, who);
			else
				error("'%s': '%s' needs target features %s, which its "
				      "caller '%s' does not have (--allow-feature-mismatch "
				      "inlines it anyway)", hf->file.name, name, missing.data,
				      who);
			free(who);
		}
		free(ccpu);
		free(cfeat);
	}
	buf_release(&missing);
	free(hcpu);
	free(hfeat);
	return fits;
}

/* Give f the crate's target-cpu and target-features, if it needs no more. */
static void
normalize(struct session *s, LLVMValueRef f)
{
	char *cpu = fn_string_attr(f, "target-cpu");
	char *feat = fn_string_attr(f, "target-features");
	struct buf missing = BUF_INIT;

	if (features_compatible(LLVMGetTarget(s->crate), s->cg.cpu, s->cg.features,
	                        cpu, feat, &missing) == 1) {
		fn_set_string_attr(f, "target-cpu", s->cg.cpu);
		fn_set_string_attr(f, "target-features", s->cg.features);
	}
	buf_release(&missing);
	free(cpu);
	free(feat);
}

int
features_check(struct session *s)
{
	const char **names = strmap_keys(&s->imported);
	LLVMValueRef f;
	size_t i;

	/* One line for the first helper that does not fit, not one each. */
	for (i = 0; names[i]; i++) {
		if ((f = LLVMGetNamedFunction(s->import, names[i])) &&
		    !LLVMIsDeclaration(f) &&
		    !fits_callers(s, f, names[i], strmap_get(&s->imported, names[i])) &&
		    !s->o->allow_feature_mismatch) {
			free(names);
			return -1;
		}
	}
	free(names);
	for (f = LLVMGetFirstFunction(s->import); f; f = LLVMGetNextFunction(f))
		if (!LLVMIsDeclaration(f) &&
		    LLVMGetLinkage(f) != LLVMAvailableExternallyLinkage)
			normalize(s, f);
	return 0;
}
