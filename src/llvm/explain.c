/*
 * llvm/explain.c: what is left of the helpers, and why; for "link" after
 * its work, and for "helperlink report" on an object or bitcode file
 * (inspect.c).
 *
 * A call left in code is explained by what the import found (static
 * state, weak, noinline, recursion: struct helper_info), by its address
 * being used, or, when LLVM's own inliner decided, by the attributes that
 * made it refuse: LLVM 22's functionsHaveCompatibleAttributes(), its
 * TargetLibraryInfo check for no-builtin attributes, and the target's
 * feature check.
 */
#include <stdlib.h>
#include <string.h>

#include "../report.h"
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
explain_attributes(LLVMValueRef caller, LLVMValueRef helper,
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

/* The helper a symbol is, if it is one: its name, or that of its copy. */
static const char *
helper_of(const struct strmap *helpers, const char *symbol, char *buf, size_t n)
{
	size_t len = strlen(symbol), sl = strlen(COPY_SUFFIX);

	if (strmap_get(helpers, symbol))
		return symbol;
	if (len > sl && strcmp(symbol + len - sl, COPY_SUFFIX) == 0 && len - sl < n) {
		memcpy(buf, symbol, len - sl);
		buf[len - sl] = '\0';
		if (strmap_get(helpers, buf))
			return buf;
	}
	return NULL;
}

/*
 * Why a call is left.  caller_module and helper_module, when given, hold
 * the caller's and the helper's IR, for LLVM's own reasons.
 */
static char *
explain(const struct strmap *info, const char *helper, const struct code_ref *c,
        const struct code_refs *refs, LLVMModuleRef caller_module,
        LLVMModuleRef helper_module, int forced)
{
	const struct helper_info *hi = info ? strmap_get(info, helper) : NULL;
	struct buf why = BUF_INIT;
	LLVMValueRef cf, hf;

	if (c->address)
		return xstrdup("its address is used, not called");
	if (hi && hi->why_not)
		return xstrdup(hi->why_not);
	if (hi && hi->recursive)
		return xstrdup("recursion");
	if (strmap_get(&refs->undefined, c->symbol))
		return xstrdup("not linked in: its code is not in this file");
	if (!hi)
		return xstrdup(info && info->n ? "not in the helper bitcode" : "");
	if (forced || !caller_module || !helper_module ||
	    (cf = LLVMGetNamedFunction(caller_module, c->function)) == NULL ||
	    (hf = LLVMGetNamedFunction(helper_module, helper)) == NULL ||
	    LLVMIsDeclaration(hf))
		return xstrdup("");
	/* LLVM's own inliner had the choice: its attribute rules, or else
	 * its cost model, which the helper's size stands for. */
	explain_attributes(cf, hf, LLVMGetTarget(caller_module), &why);
	if (why.len) {
		char *s = xasprintf("conflicting attributes: %s", why.data);

		buf_release(&why);
		return s;
	}
	return xasprintf("size: %ld IR instructions", hi->size);
}

void
explain_calls(struct report *rep, const struct code_refs *refs,
             const struct strmap *helpers, const struct strmap *info,
             LLVMModuleRef caller_module, LLVMModuleRef helper_module,
             int forced)
{
	char hbuf[512], fbuf[512];
	size_t i;

	for (i = 0; i < refs->n; i++) {
		const struct code_ref *c = &refs->v[i];
		const char *helper = helper_of(helpers, c->symbol, hbuf, sizeof(hbuf));
		char *why;

		/* Helpers calling helpers are the helpers' business. */
		if (!helper || helper_of(helpers, c->function, fbuf, sizeof(fbuf)))
			continue;
		why = explain(info, helper, c, refs, caller_module, helper_module,
		              forced);
		report_add_call(rep, c->function, helper, c->address ? "address" : "call",
		                why);
		free(why);
	}
}

void
explain_helpers(struct report *rep, const struct strmap *info)
{
	const char **names = strmap_keys(info);
	size_t i;

	for (i = 0; names[i]; i++) {
		const struct helper_info *hi = strmap_get(info, names[i]);

		report_add_helper(rep, names[i], hi->file ? hi->file->file.name : "",
		                  hi->size, hi->why_not ? hi->why_not : hi->note);
	}
	free(names);
}

/* The first call left, for a message about one. */
static const struct report_call *
first_call(const struct report *rep)
{
	size_t i;

	for (i = 0; i < rep->ncalls; i++)
		if (strcmp(rep->calls[i].kind, "call") == 0)
			return &rep->calls[i];
	return NULL;
}

/* The first symbol that is not exported. */
static const struct report_ref *
first_unexported(const struct report *rep)
{
	size_t i;

	for (i = 0; i < rep->nrefs; i++)
		if (rep->refs[i].exported == 0)
			return &rep->refs[i];
	return NULL;
}

/*
 * One line for each check that fails.  With list (a link, whose report
 * the user does not see), the rows behind a line about several come
 * first, as the report prints them.
 */
int
explain_errors(const struct report *rep, const char *what, const char *exports,
               int require_inlined, int list)
{
	struct buf rows = BUF_INIT, left = BUF_INIT;
	const struct report_call *c = first_call(rep);
	const struct report_ref *r = first_unexported(rep);
	size_t nrefs = report_print_unexported(rep, &rows);
	size_t ncalls = report_print_left(rep, &left);
	int failed = 0;

	if (nrefs == 1) {
		error("'%s' uses '%s', which '%s' does not export, through the "
		      "inlined helper '%s'", what, r->symbol, exports, r->helper);
	} else if (nrefs > 1) {
		if (list)
			msg_text(rows.data);
		error("'%s' uses %zu symbols that '%s' does not export, through "
		      "inlined helpers (%s)", what, nrefs, exports, list
		      ? "listed above" : "'NO' in the report's 'exported' column");
	}
	failed = nrefs > 0;
	/* A use of a helper's address costs no call: it is listed, and
	 * not an error. */
	if (require_inlined && ncalls == 1) {
		error("'%s': '%s' still calls '%s'%s%s", what, c->caller, c->helper,
		      *c->reason ? ": " : "", c->reason);
	} else if (require_inlined && ncalls > 1) {
		if (list)
			msg_text(left.data);
		error("'%s': %zu helper calls are left (%s)", what, ncalls,
		      list ? "listed above" : "see the report");
	}
	failed |= require_inlined && ncalls > 0;
	buf_release(&rows);
	buf_release(&left);
	return failed ? -1 : 0;
}

int
explain_link(struct session *s, struct report *rep)
{
	struct code_refs refs;
	LLVMValueRef g;
	size_t i;

	memset(&refs, 0, sizeof(refs));
	refs_module(s->crate, &refs);
	rep->file = xstrdup(s->o->output);
	explain_calls(rep, &refs, &s->info, &s->info, s->crate, s->crate,
	             s->o->force_inline);
	explain_helpers(rep, &s->info);
	/* What the crate uses now that it did not declare before. */
	for (g = LLVMGetFirstFunction(s->crate); g; g = LLVMGetNextFunction(g))
		if (LLVMGetLinkage(g) == LLVMAvailableExternallyLinkage &&
		    LLVMGetFirstUse(g))
			strmap_put(&refs.undefined, value_name(g), (void *)1);
	for (i = 0; i < refs.undefined.cap; i++) {
		const char *sym = refs.undefined.e[i].key;
		const struct helper_info *hi;

		if (!sym || !refs.undefined.e[i].val ||
		    strmap_get(&s->crate_declared, sym) || strmap_get(&s->info, sym))
			continue;
		hi = strmap_get(&s->helper_refs, sym);
		report_add_ref(rep, sym, hi ? hi->name : "?");
	}
	refs_release(&refs);
	report_finish(rep, s->o->exports);
	return explain_errors(rep, s->o->output, s->o->exports_name,
	                      s->o->require_inlined, 1);
}

