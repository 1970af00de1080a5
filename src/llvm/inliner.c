/*
 * llvm/inliner.c: why LLVM's own inliner refuses a helper, where it had
 * the choice (link --no-force-inline): the attributes of caller and callee
 * that LLVM 22's functionsHaveCompatibleAttributes() requires to agree,
 * its TargetLibraryInfo check for no-builtin attributes, and the target's
 * feature check; or else its cost model, which the helper's size stands
 * for.
 */
#include <stdlib.h>
#include <string.h>

#include "../target_features.h"
#include "engine.h"

static void
list_add(struct buf *why, const char *item)
{
	buf_addf(why, "%s%s", why->len ? ", " : "", item);
}

/* Enum attributes that must be equal (CompatRule isEqual<...>), or that
 * the callee must not have without the caller. */
static const char *const equal_attrs[] = {
	"sanitize_address", "sanitize_memory", "sanitize_thread",
	"sanitize_hwaddress", "sanitize_memtag", "safestack", "shadowcallstack",
};
static const char *const callee_attrs[] = {
	"null_pointer_is_valid", "strictfp",
};
/* String attributes the callee must not have without the caller:
 * "no-builtins", and the no-builtin-NAME of clang's -fno-builtin-NAME;
 * only the ones LLVM may know are looked for. */
static const char *const builtin_attrs[] = {
	"no-builtins", "no-builtin-wcslen", "no-builtin-memcpy",
	"no-builtin-memset", "no-builtin-memmove", "no-builtin-strlen",
	"no-builtin-bcmp", "no-builtin-memcmp", "no-builtin-stpcpy",
};

void
inliner_conflicts(LLVMValueRef caller, LLVMValueRef helper,
                  const char *triple, struct buf *why)
{
	struct buf missing = BUF_INIT;
	char *ccpu, *cfeat, *hcpu, *hfeat, *cnb, *hnb;
	size_t i;

	for (i = 0; i < LEN(equal_attrs); i++)
		if (fn_has_attr(caller, equal_attrs[i]) != fn_has_attr(helper, equal_attrs[i]))
			list_add(why, equal_attrs[i]);
	for (i = 0; i < LEN(callee_attrs); i++)
		if (fn_has_attr(helper, callee_attrs[i]) && !fn_has_attr(caller, callee_attrs[i]))
			list_add(why, callee_attrs[i]);
	for (i = 0; i < LEN(builtin_attrs); i++) {
		cnb = fn_string_attr(caller, builtin_attrs[i]);
		hnb = fn_string_attr(helper, builtin_attrs[i]);
		if (hnb && !cnb)
			list_add(why, builtin_attrs[i]);
		free(cnb);
		free(hnb);
	}
	ccpu = fn_string_attr(caller, "target-cpu");
	cfeat = fn_string_attr(caller, "target-features");
	hcpu = fn_string_attr(helper, "target-cpu");
	hfeat = fn_string_attr(helper, "target-features");
	if (features_compatible(triple, ccpu, cfeat, hcpu, hfeat, &missing) == 0) {
		list_add(why, "target-features ");
		buf_add(why, missing.data, missing.len);
	}
	free(ccpu);
	free(cfeat);
	free(hcpu);
	free(hfeat);
	buf_release(&missing);
}

char *
inliner_reason(LLVMValueRef caller, LLVMValueRef helper, const char *triple,
               long size, int recursive)
{
	struct buf why = BUF_INIT;
	char *s;

	if (fn_has_attr(helper, "noinline"))
		return xstrdup("it is marked noinline");
	if (recursive)
		return xstrdup("recursion");
	inliner_conflicts(caller, helper, triple, &why);
	if (why.len) {
		s = xasprintf("conflicting attributes: %s", why.data);
		buf_release(&why);
		return s;
	}
	return xasprintf("size: %ld IR instructions", size);
}
