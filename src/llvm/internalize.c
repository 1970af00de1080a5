/*
 * llvm/internalize.c: the helpers once the import is linked into the
 * crate.  They get internal linkage, so that the object defines none of
 * them and two crates never clash; a call whose type is not the helper's
 * is rebuilt (signature.c); a helper whose address the crate takes keeps
 * that address, the C object's, and a call that stays of another type
 * calls the C object's helper.  After inlining, what was imported and is
 * no longer used is deleted.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"

/* The copy of helper name that split_original() made, or NULL. */
static LLVMValueRef
copy_of(LLVMModuleRef m, const char *name)
{
	char *copy = xasprintf("%s" COPY_SUFFIX, name);
	LLVMValueRef f = LLVMGetNamedFunction(m, copy);

	free(copy);
	return f;
}

/* The crate's functions that call an imported helper, by name. */
static void
callers_of_helpers(struct session *s, struct strmap *changed)
{
	size_t i;

	for (i = 0; i < s->imported.cap; i++) {
		LLVMValueRef f;
		LLVMUseRef u;

		if (!s->imported.e[i].key ||
		    !(f = LLVMGetNamedFunction(s->crate, s->imported.e[i].key)) ||
		    LLVMIsDeclaration(f))
			continue;
		for (u = LLVMGetFirstUse(f); u; u = LLVMGetNextUse(u)) {
			LLVMValueRef user = LLVMGetUser(u);
			const char *caller;

			if (LLVMGetValueKind(user) != LLVMInstructionValueKind)
				continue;
			caller = value_name(parent_function(user));
			if (strmap_get(&s->crate_defined, caller))
				strmap_put(changed, caller, f);
		}
	}
}

/* Whether use u of helper f must reach the C object's helper: a use of
 * its address, or a call of another type, or with other arguments in
 * memory, that stays a call. */
static int
needs_original(LLVMUseRef u, LLVMValueRef f)
{
	return !is_callee(u) ||
	       LLVMGetCalledFunctionType(LLVMGetUser(u)) != LLVMGlobalGetValueType(f) ||
	       !signature_same_memory(LLVMGetUser(u), f);
}

/*
 * What must reach the C object's helper goes to an external declaration
 * of its name: its address, which must keep its identity, and the calls
 * of another type that stay calls (LLVM must not see a definition behind
 * a call that does not match it: its optimizer would take what it infers
 * of the definition for the call, and drop the stores to a byval
 * argument the definition does not have).  The direct calls of its type
 * go to the copy, which is renamed.
 */
static void
split_original(LLVMModuleRef m, LLVMValueRef f)
{
	LLVMValueRef d, user;
	LLVMUseRef u, next;
	char *name, *copy;
	int needed = 0;

	for (u = LLVMGetFirstUse(f); u && !needed; u = LLVMGetNextUse(u))
		needed = needs_original(u, f);
	if (!needed)
		return;
	name = xstrdup(value_name(f));
	copy = xasprintf("%s" COPY_SUFFIX, name);
	d = LLVMAddFunction(m, "", LLVMGlobalGetValueType(f));
	LLVMReplaceAllUsesWith(f, d);
	for (u = LLVMGetFirstUse(d); u; u = next) {
		next = LLVMGetNextUse(u);
		user = LLVMGetUser(u);
		if (!needs_original(u, f))
			LLVMSetOperand(user, (unsigned)LLVMGetNumOperands(user) - 1, f);
	}
	LLVMSetValueName2(f, copy, strlen(copy));
	LLVMSetValueName2(d, name, strlen(name));
	free(copy);
	free(name);
}

/* The name prefix of the constants that keep a helper's copy alive until
 * internalize_rebind(): the inliner deletes an internal function once
 * nothing uses it, and a copy whose calls are all inlined, or that only a
 * helper's address use made, may be needed again. */
#define KEEP_MARK "helperlink.keep."

/* Whether internalize_rebind() runs: after the cleanup of --opt=default,
 * with every helper forced inline (a live use would change what LLVM's
 * cost model decides for the others). */
static int
rebinds(const struct link_options *o)
{
	return o->opt == OPT_DEFAULT && o->force_inline && !o->force_inline_max;
}

static void
keep_copy(LLVMModuleRef m, LLVMValueRef copy)
{
	char *name = xasprintf(KEEP_MARK "%s", value_name(copy));
	LLVMValueRef g = LLVMAddGlobal(m, LLVMTypeOf(copy), name);

	LLVMSetInitializer(g, copy);
	LLVMSetGlobalConstant(g, 1);
	LLVMSetLinkage(g, LLVMInternalLinkage);
	free(name);
}

static void
unkeep(LLVMValueRef g, void *arg)
{
	(void)arg;
	if (is_variable(g) && startswith(value_name(g), KEEP_MARK))
		LLVMDeleteGlobal(g);
}

void
internalize(struct session *s, struct strmap *callers)
{
	size_t i;

	for (i = 0; i < s->imported.cap; i++) {
		LLVMValueRef f;

		if (!s->imported.e[i].key ||
		    !(f = LLVMGetNamedFunction(s->crate, s->imported.e[i].key)) ||
		    LLVMIsDeclaration(f))
			continue;
		LLVMSetLinkage(f, LLVMInternalLinkage);
		LLVMSetVisibility(f, LLVMDefaultVisibility);
		signature_rebuild_calls(s, f, s->imported.e[i].val);
		split_original(s->crate, f);
		if (rebinds(s->o) &&
		    f != LLVMGetNamedFunction(s->crate, s->imported.e[i].key))
			keep_copy(s->crate, f);
	}
	callers_of_helpers(s, callers);
}

size_t
internalize_rebind(struct session *s, struct strmap *callers)
{
	size_t i, n = 0;

	for (i = 0; rebinds(s->o) && i < s->imported.cap; i++) {
		const char *name = s->imported.e[i].key;
		LLVMValueRef f, d;
		LLVMUseRef u, next;

		if (!name)
			continue;
		f = copy_of(s->crate, name);
		d = LLVMGetNamedFunction(s->crate, name);
		if (!f || !d || LLVMIsDeclaration(f))
			continue;
		for (u = LLVMGetFirstUse(d); u; u = next) {
			LLVMValueRef user = LLVMGetUser(u);

			next = LLVMGetNextUse(u);
			if (needs_original(u, f))
				continue;
			LLVMSetOperand(user, (unsigned)LLVMGetNumOperands(user) - 1, f);
			strmap_put(callers, value_name(parent_function(user)), f);
			n++;
		}
	}
	return n;
}

/* Delete an imported local value that nothing uses any more. */
static void
remove_if_dead(LLVMValueRef v, void *arg)
{
	struct session *s = arg;

	if (LLVMGetFirstUse(v) || !linkage_is_local(LLVMGetLinkage(v)) ||
	    strmap_get(&s->crate_defined, value_name(v)))
		return;
	if (is_function(v))
		LLVMDeleteFunction(v);
	else if (is_variable(v))
		LLVMDeleteGlobal(v);
}

/* A helper that LLVM would not inline although it was asked to (a
 * recursive one, or one with computed goto) is still called: say so. */
static void
warn_not_inlined(struct session *s)
{
	size_t i;

	for (i = 0; i < s->imported.cap; i++) {
		struct helper_file *hf = s->imported.e[i].val;
		const char *name = s->imported.e[i].key;
		LLVMValueRef f;

		if (!name)
			continue;
		f = copy_of(s->crate, name);
		if (!f)
			f = LLVMGetNamedFunction(s->crate, name);
		if (f && !LLVMIsDeclaration(f) && LLVMGetFirstUse(f) &&
		    fn_has_attr(f, "alwaysinline")) {
			struct helper_info *info = session_helper(s, name, hf);

			session_why_not(s, name, info->recursive
			               ? "recursion: LLVM could not inline it"
			               : "LLVM could not inline it");
			warn("'%s': '%s' stays a call: %s", hf->file.name, name,
			     info->why_not);
		}
	}
}

static size_t
count_globals(LLVMModuleRef m)
{
	size_t n = 0;
	LLVMValueRef v;

	for (v = LLVMGetFirstFunction(m); v; v = LLVMGetNextFunction(v))
		n++;
	for (v = LLVMGetFirstGlobal(m); v; v = LLVMGetNextGlobal(v))
		n++;
	return n;
}

/* Where LLVM's inliner had the choice (--no-force-inline, or a helper
 * over --force-inline-max) and left a call of f, say why, while f's code
 * is still here to tell. */
static void
note_choice(struct session *s, const char *name, LLVMValueRef f)
{
	struct helper_info *info = session_helper(s, name, NULL);
	LLVMUseRef u;

	if (fn_has_attr(f, "alwaysinline") || info->why_not)
		return;
	for (u = LLVMGetFirstUse(f); u; u = LLVMGetNextUse(u)) {
		if (is_callee(u)) {
			info->why_not = inliner_reason(parent_function(LLVMGetUser(u)), f,
			                               LLVMGetTarget(s->crate), info->size,
			                               info->recursive);
			return;
		}
	}
}

/*
 * A helper still called after inlining (one LLVM would not inline) is
 * called where it is, in the C object: its copy is not kept, for only
 * what is inlined is copied.  Not after a whole default<On> pipeline:
 * its interprocedural passes may have changed the copy and its calls
 * together (an argument promoted to the value it points to, or left
 * dead and passed as poison, the calling convention made fastcc), and
 * only the copy still takes what those calls pass.
 */
static void
call_the_original(struct session *s)
{
	int whole = s->o->opt != OPT_NONE && s->o->opt != OPT_DEFAULT;
	size_t i;

	for (i = 0; i < s->imported.cap; i++) {
		const char *name = s->imported.e[i].key;
		LLVMValueRef f, d;

		if (!name)
			continue;
		f = copy_of(s->crate, name);
		d = LLVMGetNamedFunction(s->crate, name);
		if (!f) {
			f = d;
			d = NULL;
		}
		if (!f || LLVMIsDeclaration(f) || !LLVMGetFirstUse(f) ||
		    !linkage_is_local(LLVMGetLinkage(f)))
			continue;
		note_choice(s, name, f);
		if (whole)
			continue;
		if (!d) {
			char *keep = xstrdup(name);

			LLVMSetValueName2(f, "", 0);
			d = LLVMAddFunction(s->crate, keep, LLVMGlobalGetValueType(f));
			free(keep);
		}
		LLVMReplaceAllUsesWith(f, d);
	}
}

static void
remove_dead(struct session *s)
{
	size_t n;

	do {
		n = count_globals(s->crate);
		each_global(s->crate, remove_if_dead, s);
	} while (count_globals(s->crate) != n);
}

void
internalize_finish(struct session *s)
{
	each_global(s->crate, unkeep, NULL);
	remove_dead(s);
	if (s->o->force_inline)
		warn_not_inlined(s);
	call_the_original(s);
	remove_dead(s);
}
