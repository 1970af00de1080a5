/*
 * llvm/explain.c: what is left of the helpers, and why; for "link" after
 * its work, and for "helperlink report" on an object or bitcode file
 * (inspect.c).
 *
 * A call left in code is explained by what the import found (static
 * state, weak, noinline, recursion: struct helper_info), by its address
 * being used, or, when LLVM's own inliner decided, by the attributes that
 * made it refuse (inliner.c); for a file helperlink wrote, by the reasons
 * it left in it (notes.c).
 */
#include <stdlib.h>
#include <string.h>

#include "../object.h"
#include "../rename.h"
#include "../report.h"
#include "engine.h"

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
	const char *note = strmap_get(&refs->notes, helper);
	LLVMValueRef cf, hf;

	if (c->address)
		return xstrdup("its address is used, not called");
	/* What the link that wrote the file found (notes.c). */
	if (note)
		return xstrdup(note);
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
		return hi->not_forced ? xasprintf("%s; LLVM's inliner kept the call",
		                                  hi->note)
		                      : xstrdup("");
	/* LLVM's own inliner had the choice. */
	return inliner_reason(cf, hf, LLVMGetTarget(caller_module), hi->size, 0);
}

void
explain_calls(struct report *rep, const struct code_refs *refs,
             const struct strmap *helpers, const struct strmap *helper_code,
             const struct strmap *info, LLVMModuleRef caller_module,
             LLVMModuleRef helper_module, int forced)
{
	char hbuf[512], fbuf[512];
	size_t i;

	for (i = 0; i < refs->n; i++) {
		const struct code_ref *c = &refs->v[i];
		const char *helper = helper_of(helpers, c->symbol, hbuf, sizeof(hbuf));
		char *why;

		/* Helpers calling helpers, or the local functions of their
		 * files, are the helpers' business.  By name: a static of
		 * the same name elsewhere is taken for one of theirs, and
		 * one the link renamed (NAME.1) is not. */
		if (!helper || helper_of(helpers, c->function, fbuf, sizeof(fbuf)) ||
		    strmap_get(helper_code, c->function))
			continue;
		why = explain(info, helper, c, refs, caller_module, helper_module,
		              forced);
		report_add_call(rep, c->function, helper, c->address ? "address" : "call",
		                why);
		free(why);
	}
}

/* The reason given for the first call of helper left in rep, or NULL. */
static const char *
call_reason(const struct report *rep, const char *helper)
{
	size_t i;

	for (i = 0; i < rep->ncalls; i++)
		if (strcmp(rep->calls[i].helper, helper) == 0 &&
		    strcmp(rep->calls[i].kind, "call") == 0 && *rep->calls[i].reason)
			return rep->calls[i].reason;
	return NULL;
}

void
explain_helpers(struct report *rep, const struct strmap *info)
{
	const char **names = strmap_keys(info);
	size_t i;

	for (i = 0; names[i]; i++) {
		const struct helper_info *hi = strmap_get(info, names[i]);
		const char *note = hi->why_not ? hi->why_not : hi->note;

		/* A helper left called says why as its calls do. */
		if (!note)
			note = call_reason(rep, names[i]);
		report_add_helper(rep, names[i], hi->file ? hi->file->file.name : "",
		                  hi->size, note);
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

/* An available_externally copy that is used (a function, or a constant
 * such as a helper's table) is not in the object: the object refers to
 * it.  Into the undefined map arg. */
static void
note_copy(LLVMValueRef g, void *arg)
{
	if (LLVMGetLinkage(g) == LLVMAvailableExternallyLinkage && LLVMGetFirstUse(g))
		strmap_put(arg, value_name(g), (void *)1);
}

void
explain_link(struct session *s, struct report *rep)
{
	struct code_refs refs;
	size_t i;

	memset(&refs, 0, sizeof(refs));
	refs_module(s->crate, &refs);
	rep->file = xstrdup(s->o->output);
	explain_calls(rep, &refs, &s->info, &s->helper_locals, &s->info, s->crate,
	              s->crate, s->o->force_inline);
	explain_helpers(rep, &s->info);
	/* What the crate uses now that it did not declare before. */
	each_global(s->crate, note_copy, &refs.undefined);
	for (i = 0; i < refs.undefined.cap; i++) {
		const char *sym = refs.undefined.e[i].key;
		const struct helper_info *hi;
		const struct cross_info *ci;

		if (!sym || !refs.undefined.e[i].val ||
		    strmap_get(&s->crate_declared, sym) || strmap_get(&s->info, sym))
			continue;
		hi = strmap_get(&s->helper_refs, sym);
		ci = hi ? NULL : strmap_get(&s->cross_refs, sym);
		report_add_ref(rep, sym, hi ? hi->name : ci ? ci->name : "?");
	}
	cross_explain(s, &refs, rep);
	refs_release(&refs);
}

int
explain_object(struct session *s, struct report *rep, const struct buf *obj)
{
	struct strmap undefined = STRMAP_INIT;
	struct object ob;
	const char **syms = strmap_keys(&s->libcalls);
	size_t i;
	int ret;

	ret = object_open(&ob, s->o->output, (const unsigned char *)obj->data,
	                  obj->len, &undefined);
	for (i = 0; ret == 0 && syms[i]; i++) {
		const struct helper_info *hi = strmap_get(&s->libcalls, syms[i]);
		/* --redefine-sym reaches library calls: the object's name. */
		const char *now = s->o->renames ? renames_get(s->o->renames, syms[i])
		                                : NULL;

		if (!now)
			now = syms[i];
		if (strmap_get(&undefined, now) &&
		    !strmap_get(&s->crate_declared, syms[i]))
			report_add_ref(rep, now, hi->name);
	}
	object_close(&ob);
	free(syms);
	strmap_release(&undefined);
	return ret;
}

int
explain_check(struct session *s, struct report *rep)
{
	report_finish(rep, s->o->exports);
	return explain_errors(rep, s->o->output, s->o->exports_name,
	                      s->o->require_inlined, 1);
}

