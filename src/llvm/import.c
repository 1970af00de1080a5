/*
 * llvm/import.c: bring the helpers the crate calls into one import module.
 *
 * A helper file is read lazily: function bodies stay unread until the IR
 * linker needs them.  LLVM's ModuleLinker starts from the external
 * definitions of the module it links and pulls in what they refer to;
 * local, linkonce and available_externally definitions are only linked
 * when something refers to them (LinkModules.cpp, linkIfNeeded(), LLVM 22).
 * So before linking, each definition of the helper file is changed:
 *
 * - a helper the crate calls stays external, or becomes external if it was
 *   linkonce_odr, weak_odr or available_externally (C99 inline): the
 *   linker starts from it;
 * - another function becomes available_externally: the helpers' code may
 *   inline it, but it is not emitted, and calls and its address bind to
 *   the C object's definition, as they did in the C object; one that the
 *   linker may replace (weak) is also noinline;
 * - a variable is never copied: a mutable one becomes a declaration, a
 *   constant one available_externally, so that its value still folds;
 * - an external alias or ifunc gets a marker name and local linkage, and
 *   once linked it is replaced by a declaration of its own name, so that
 *   it too binds to the C object (a weak alias may be overridden);
 * - static functions and data are copied, being reachable no other way,
 *   unless they must stay unique (unique.c); a static in llvm.used
 *   gets a marker name, as the list itself is dropped;
 * - top-level asm and the llvm.* arrays (constructors, llvm.used) belong
 *   to the C object and are dropped.
 *
 * The module is lazy, so values are changed in place, never replaced; the
 * llvm.* arrays, which no function body refers to, are the exception.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"

#define ALIAS_MARK "helperlink.alias."

struct scan {
	struct session *s;
	struct helper_file *hf;
	size_t nfunctions, noptnone;
	int failed;
};

/* Why a function, alias or ifunc that is not imported stays a call;
 * NULL for an alias a link resolves to its function. */
static const char *
alias_why_not(LLVMValueRef v)
{
	LLVMValueRef f;

	if (is_function(v))
		return "it is weak, so the linker may replace it";
	if (LLVMGetValueKind(v) == LLVMGlobalIFuncValueKind)
		return "it is an ifunc, whose code is chosen when the program is loaded";
	if (linkage_is_interposable(LLVMGetLinkage(v)))
		return "it is a weak alias, so the linker may replace it";
	f = LLVMAliasGetAliasee(v);
	if (!is_function(f))
		return "it is an alias of something other than a function";
	if (LLVMIsDeclaration(f) || linkage_is_interposable(LLVMGetLinkage(f)))
		return "it is an alias of a function the linker may replace";
	if (LLVMGlobalGetValueType(f) != LLVMGlobalGetValueType(v))
		return "it is an alias of a function of another type";
	return NULL;  /* a link calls the function (alias_functions()) */
}

/* Record what a helper file can contribute, and refuse clashes. */
static void
scan_definition(LLVMValueRef v, void *arg)
{
	struct scan *sc = arg;
	struct session *s = sc->s;
	LLVMLinkage l = LLVMGetLinkage(v);
	const char *name = value_name(v);
	struct helper_file *other;

	if (sc->failed || LLVMIsDeclaration(v) || l == LLVMAppendingLinkage)
		return;
	if (is_function(v)) {
		sc->nfunctions++;
		sc->noptnone += fn_has_attr(v, "optnone");
	}
	if (*name && linkage_is_local(l) && is_function(v))
		strmap_put(&s->helper_locals, name, sc->hf);
	if (!*name || linkage_is_local(l))
		return;
	if (is_function(v) && !linkage_is_interposable(l))
		strmap_put(&sc->hf->defines, name, sc->hf);
	else if (!is_variable(v) && session_wants(s, name) && alias_why_not(v))
		session_why_not(s, name, alias_why_not(v));
	if (!is_variable(v) && session_wants(s, name))
		session_helper(s, name, sc->hf);
	if (!linkage_is_strong(l))
		return;
	if (strmap_get(&s->crate_strong, name)) {
		error("symbol '%s' is defined in both '%s' and '%s'", name,
		      s->crate_path, sc->hf->file.name);
		sc->failed = 1;
		return;
	}
	other = strmap_put(&s->owner, name, sc->hf);
	if (other && other != sc->hf) {
		error("symbol '%s' is defined in both '%s' and '%s'", name,
		      other->file.name, sc->hf->file.name);
		sc->failed = 1;
	}
}

static void
make_local(LLVMValueRef v)
{
	LLVMSetLinkage(v, LLVMInternalLinkage);
	LLVMSetVisibility(v, LLVMDefaultVisibility);
}

/* The crate's calls of name become calls of its declaration other. */
static void
crate_merge(struct session *s, const char *name, LLVMValueRef other)
{
	LLVMValueRef decl = strmap_get(&s->crate_wants, name);

	LLVMReplaceAllUsesWith(decl, other);
	LLVMDeleteFunction(decl);
	strmap_put(&s->crate_wants, name, NULL);
	strmap_put(&s->crate_declared, name, NULL);
}

/* How a wrapper's name is made from the C function's. */
static const char *const wrapper_forms[] = {"rust_helper_%s", "%s__extern"};

char *
import_wrapped_name(const char *wrapper)
{
	size_t n = strlen(wrapper), k;

	for (k = 0; k < LEN(wrapper_forms); k++) {
		const char *form = wrapper_forms[k], *mark = strstr(form, "%s");
		size_t pre = (size_t)(mark - form), post = strlen(mark + 2);

		if (n > pre + post && strncmp(wrapper, form, pre) == 0 &&
		    strcmp(wrapper + n - post, mark + 2) == 0)
			return xstrndup(wrapper + pre, n - pre - post);
	}
	return NULL;
}

/*
 * Calls by a C inline function's own name.  A crate may declare
 * io_uring_prep_nop() itself, which no object defines; when hf defines a
 * wrapper of it (rust_helper_io_uring_prep_nop, or bindgen's
 * io_uring_prep_nop__extern, as "helperlink gen" writes them), the crate's
 * declaration becomes the wrapper's, which is then imported and inlined as
 * any helper.
 */
static void
bind_c_names(struct session *s, struct helper_file *hf)
{
	const char **names = strmap_keys(&s->crate_wants);
	size_t i, k;

	for (i = 0; names[i]; i++) {
		LLVMValueRef decl = strmap_get(&s->crate_wants, names[i]), other;
		char *wrapper = NULL, *name;

		if (strmap_get(&hf->defines, names[i]))
			continue;
		for (k = 0; k < LEN(wrapper_forms) && !wrapper; k++) {
			wrapper = xasprintf(wrapper_forms[k], names[i]);
			if (!strmap_get(&hf->defines, wrapper)) {
				free(wrapper);
				wrapper = NULL;
			}
		}
		if (!wrapper)
			continue;
		name = xstrdup(names[i]);
		other = LLVMGetNamedFunction(s->crate, wrapper);
		if (other) {
			/* The crate declares both names: one declaration. */
			crate_merge(s, name, other);
		} else {
			LLVMSetValueName2(decl, wrapper, strlen(wrapper));
			strmap_put(&s->crate_wants, wrapper, decl);
			strmap_put(&s->crate_declared, wrapper, decl);
			session_helper(s, wrapper, hf);
			strmap_put(&s->crate_wants, name, NULL);
			strmap_put(&s->crate_declared, name, NULL);
		}
		free(name);
		free(wrapper);
	}
	free(names);
}

/*
 * A helper that is an alias of a function of its file:
 *
 *	static long add(long x) { return x + 3; }
 *	long rust_helper_add(long) __attribute__((alias("add")));
 *
 * The function takes the helper's name and the alias a marker name, so
 * that the function is imported as the helper, and the alias, once
 * linked, is replaced by it (import_resolve_aliases()).  When the crate also
 * calls the function by its own (external) name, the crate's calls of the
 * alias become calls of the function instead.  A weak alias may be
 * replaced by the linker, and an ifunc is chosen at load time: those stay
 * calls (scan_definition()).
 */
static void
alias_functions(struct session *s, LLVMModuleRef m)
{
	LLVMValueRef a, f;

	for (a = LLVMGetFirstGlobalAlias(m); a; a = LLVMGetNextGlobalAlias(a)) {
		const char *name = value_name(a);
		LLVMLinkage l = LLVMGetLinkage(a);
		char *mark, *fname;

		f = LLVMAliasGetAliasee(a);
		if (!session_wants(s, name) || linkage_is_local(l) ||
		    linkage_is_interposable(l) || !is_function(f) ||
		    LLVMIsDeclaration(f) ||
		    linkage_is_interposable(LLVMGetLinkage(f)) ||
		    LLVMGlobalGetValueType(f) != LLVMGlobalGetValueType(a))
			continue;
		if (!linkage_is_local(LLVMGetLinkage(f)) &&
		    (s->report_mode || session_wants(s, value_name(f)))) {
			if (!s->report_mode)
				crate_merge(s, name, strmap_get(&s->crate_wants,
				                                value_name(f)));
			continue;
		}
		mark = xasprintf(ALIAS_MARK "%s", name);
		fname = xstrdup(name);
		LLVMSetValueName2(a, mark, strlen(mark));
		make_local(a);
		LLVMSetValueName2(f, fname, strlen(fname));
		LLVMSetLinkage(f, LLVMExternalLinkage);
		free(mark);
		free(fname);
	}
}

/* The helpers the crate calls that hf defines and no earlier file gave. */
static size_t
needed_from(struct session *s, struct helper_file *hf, struct strmap *needed)
{
	size_t i;

	for (i = 0; i < hf->defines.cap; i++) {
		const char *name = hf->defines.e[i].key;

		if (name && session_wants(s, name) && !strmap_get(&s->imported, name))
			strmap_put(needed, name, hf);
	}
	return needed->n;
}

/* Give the local values in llvm.used or llvm.compiler.used a marker name,
 * so that unique.c knows them once the lists are gone, and remember
 * their names, which asm may use, whether or not the import takes them. */
static void
mark_used(struct session *s, LLVMModuleRef m, const char *list)
{
	LLVMValueRef g = LLVMGetNamedGlobal(m, list), init, v;
	int i, n;

	if (!g || LLVMIsDeclaration(g))
		return;
	init = LLVMGetInitializer(g);
	n = LLVMGetNumOperands(init);
	for (i = 0; i < n; i++) {
		v = LLVMGetOperand(init, (unsigned)i);
		while (v && LLVMGetValueKind(v) == LLVMConstantExprValueKind)
			v = LLVMGetOperand(v, 0);
		if (v && (is_function(v) || is_variable(v)) &&
		    linkage_is_local(LLVMGetLinkage(v)) &&
		    !startswith(value_name(v), USED_MARK)) {
			char *name = xasprintf(USED_MARK "%s", value_name(v));

			strmap_put(&s->used_names, value_name(v), (void *)1);
			LLVMSetValueName2(v, name, strlen(name));
			free(name);
		}
	}
}

struct prepare {
	const struct strmap *needed;
	int unoptimized;   /* the whole file was built with -O0 */
	int force_inline;
};

void
import_hide_alias(LLVMValueRef v)
{
	char *mark = xasprintf(ALIAS_MARK "%s", value_name(v));

	LLVMSetValueName2(v, mark, strlen(mark));
	free(mark);
	make_local(v);
}

void
import_variable(LLVMValueRef v)
{
	if (LLVMIsGlobalConstant(v) && !LLVMIsThreadLocal(v) &&
	    !linkage_is_interposable(LLVMGetLinkage(v))) {
		LLVMSetLinkage(v, LLVMAvailableExternallyLinkage);
	} else {
		LLVMSetInitializer(v, NULL);
		LLVMSetLinkage(v, LLVMExternalLinkage);
	}
}

/* Decide what one definition of a helper file becomes (see the top). */
static void
prepare_value(LLVMValueRef v, void *arg)
{
	struct prepare *p = arg;
	LLVMLinkage l = LLVMGetLinkage(v);
	const char *name = value_name(v);

	if (l == LLVMAppendingLinkage) {
		LLVMDeleteGlobal(v);
		return;
	}
	if (LLVMIsDeclaration(v))
		return;
	if (is_function(v) && p->unoptimized) {
		/* clang -O0 marks every function so; -O2 would have inlined. */
		fn_remove_attr(v, "optnone");
		fn_remove_attr(v, "noinline");
		if (p->force_inline && linkage_is_local(l))
			fn_add_attr(v, "alwaysinline");
	}
	if (linkage_is_local(l))
		return;
	if (!is_function(v) && !is_variable(v)) {  /* an alias or ifunc */
		import_hide_alias(v);
		return;
	}
	/* available_externally and local values may not be in a comdat, and
	 * the helpers the crate calls become local in the end. */
	LLVMSetComdat(v, NULL);
	if (is_variable(v)) {
		import_variable(v);
	} else if (strmap_get(p->needed, name)) {
		LLVMSetLinkage(v, LLVMExternalLinkage);
	} else {
		if (linkage_is_interposable(l))
			fn_add_attr(v, "noinline");
		LLVMSetLinkage(v, LLVMAvailableExternallyLinkage);
	}
}

/* A harmless definition for dead aliases to point to (the C API cannot
 * delete an alias, and an alias must point to a definition). */
static LLVMValueRef
alias_sink(LLVMModuleRef m)
{
	LLVMValueRef g = LLVMGetNamedGlobal(m, "helperlink.alias_sink");
	LLVMTypeRef t;

	if (g)
		return g;
	t = LLVMIntTypeInContext(LLVMGetModuleContext(m), 8);
	g = LLVMAddGlobal(m, t, "helperlink.alias_sink");
	LLVMSetInitializer(g, LLVMConstNull(t));
	LLVMSetLinkage(g, LLVMInternalLinkage);
	return g;
}

void
import_resolve_aliases(LLVMModuleRef m)
{
	LLVMValueRef a, next, d;

	for (a = LLVMGetFirstGlobalAlias(m); a; a = LLVMGetNextGlobalAlias(a)) {
		const char *name = value_name(a);
		LLVMTypeRef t = LLVMGlobalGetValueType(a);

		if (LLVMGetFirstUse(a) == NULL)
			continue;
		if (!startswith(name, ALIAS_MARK)) {
			LLVMReplaceAllUsesWith(a, LLVMAliasGetAliasee(a));
		} else {
			name += strlen(ALIAS_MARK);
			d = LLVMGetNamedFunction(m, name);
			if (!d)
				d = LLVMGetNamedGlobal(m, name);
			if (!d && LLVMGetTypeKind(t) == LLVMFunctionTypeKind)
				d = LLVMAddFunction(m, name, t);
			else if (!d)
				d = LLVMAddGlobal(m, t, name);
			LLVMReplaceAllUsesWith(a, d);
		}
		LLVMAliasSetAliasee(a, alias_sink(m));
	}
	for (a = LLVMGetFirstGlobalIFunc(m); a; a = next) {
		const char *name = value_name(a);

		next = LLVMGetNextGlobalIFunc(a);
		if (!startswith(name, ALIAS_MARK))
			continue;
		name += strlen(ALIAS_MARK);
		d = LLVMGetNamedFunction(m, name);
		if (!d)
			d = LLVMAddFunction(m, name, LLVMGlobalGetValueType(a));
		LLVMReplaceAllUsesWith(a, d);
		LLVMEraseGlobalIFunc(a);
	}
}

/* Import what hf offers that the crate calls. */
static int
import_from(struct session *s, struct helper_file *hf)
{
	struct strmap needed = STRMAP_INIT;
	struct prepare p = {&needed, 0, s->o->force_inline};
	struct scan sc = {s, hf, 0, 0, 0};
	LLVMModuleRef m;
	size_t i;
	int ret = -1;

	m = session_parse(s, &hf->file, 1);
	if (!m)
		return -1;
	alias_functions(s, m);
	each_global(m, scan_definition, &sc);
	if (sc.failed)
		goto out;
	if (!s->report_mode)
		bind_c_names(s, hf);
	if (needed_from(s, hf, &needed) == 0) {
		ret = 0;
		goto out;
	}
	if (unify_target(s, m, hf->file.name) < 0 ||
	    unify_flags(s, m, hf->file.name) < 0)
		goto out;
	p.unoptimized = sc.nfunctions > 0 && sc.noptnone == sc.nfunctions;
	if (p.unoptimized)
		warn("'%s' was built without optimization; build helpers with -O2",
		     hf->file.name);
	mark_used(s, m, "llvm.used");
	mark_used(s, m, "llvm.compiler.used");
	each_global(m, prepare_value, &p);
	LLVMSetModuleInlineAsm2(m, "", 0);
	ret = session_link(s, s->import, m, hf->file.name, s->crate_path);
	m = NULL;
	if (ret < 0)
		goto out;
	import_resolve_aliases(s->import);
	for (i = 0; i < needed.cap; i++) {
		if (needed.e[i].key) {
			strmap_put(&s->imported, needed.e[i].key, hf);
			session_helper(s, needed.e[i].key, hf);
		}
	}
out:
	if (m)
		LLVMDisposeModule(m);
	strmap_release(&needed);
	return ret;
}

/* Give the imported helpers alwaysinline; one marked noinline (or optnone,
 * which implies it) was marked so on purpose and stays a call, and one
 * larger than --force-inline-max is left to LLVM's inliner. */
static void
force_inline(struct session *s)
{
	size_t i;

	for (i = 0; i < s->imported.cap; i++) {
		struct helper_file *hf = s->imported.e[i].val;
		struct helper_info *info;
		LLVMValueRef f;

		if (!s->imported.e[i].key ||
		    !(f = LLVMGetNamedFunction(s->import, s->imported.e[i].key)) ||
		    LLVMIsDeclaration(f))
			continue;
		info = strmap_get(&s->info, value_name(f));
		if (s->o->force_inline_max && info &&
		    info->size > (long)s->o->force_inline_max) {
			/* A library's real function, not a wrapper: inlined
			 * where LLVM's inliner finds it pays. */
			free(info->note);
			info->not_forced = 1;
			info->note = xasprintf("not forced: %ld IR instructions, more "
			                       "than --force-inline-max=%u", info->size,
			                       s->o->force_inline_max);
		} else if (fn_has_attr(f, "noinline")) {
			session_why_not(s, value_name(f), "it is marked noinline");
			if (!s->report_mode)
				warn("'%s': '%s' is marked noinline; it stays a call",
				     hf->file.name, value_name(f));
		} else if (!s->report_mode) {
			fn_add_attr(f, "alwaysinline");
		}
	}
}

int
import_helpers(struct session *s)
{
	const struct link_options *o = s->o;
	char *why;
	size_t i;

	s->import = LLVMModuleCreateWithNameInContext("helperlink-import", s->ctx);
	LLVMSetTarget(s->import, LLVMGetTarget(s->crate));
	LLVMSetDataLayout(s->import, LLVMGetDataLayoutStr(s->crate));
	s->helpers = xcalloc(o->nhelpers, sizeof(*s->helpers));
	for (i = 0; i < o->nhelpers; i++) {
		struct bc_file *f = &s->helpers[i].file;

		if (session_read(f, o->helpers[i],
		                 o->helper_names ? o->helper_names[i] : NULL) < 0)
			return -1;
		buf_addf(&s->helper_names, "%s%s", i ? "', '" : "", f->name);
	}
	for (i = 0; i < o->nhelpers; i++)
		if (import_from(s, &s->helpers[i]) < 0)
			return -1;
	describe_sizes(s);
	unique_keep(s);
	if (!s->report_mode && features_check(s) < 0)
		return -1;
	if (o->force_inline)
		force_inline(s);
	describe_code(s);
	/* Cheap, as it holds only what was imported, and it turns an
	 * unexpected helper file into an error instead of a bad object. */
	if ((why = ir_verify(s->import)) != NULL) {
		error("'%s': invalid bitcode: %s", s->helper_names.data, why);
		free(why);
		return -1;
	}
	return 0;
}
