/*
 * llvm_import.c: bring the helpers the crate calls into one import module.
 *
 * A helper file is read lazily: function bodies stay unread until the IR
 * linker needs them.  LLVM's ModuleLinker starts from the external
 * definitions of the module it links and pulls in what they refer to;
 * local, linkonce and available_externally definitions are only linked
 * when something refers to them (LinkModules.cpp, linkIfNeeded(), LLVM 22).
 * So before linking, each definition of the helper file is changed:
 *
 * - a helper the crate calls stays external, or becomes external if it was
 *   linkonce_odr or weak_odr: the linker starts from it;
 * - another function becomes available_externally: the helpers' code may
 *   inline it, but it is not emitted, and calls and its address bind to
 *   the C object's definition, as they did in the C object; one that the
 *   linker may replace (weak) is also noinline;
 * - a variable is never copied: a mutable one becomes a declaration, a
 *   constant one available_externally, so that its value still folds;
 * - static functions and data are copied, being reachable no other way;
 *   so are aliases and ifuncs, with what they point to;
 * - top-level asm and the llvm.* arrays (constructors, llvm.used) belong
 *   to the C object and are dropped.
 *
 * The module is lazy, so values are changed in place, never replaced; the
 * llvm.* arrays, which no function body refers to, are the exception.
 *
 * Then, in the import module, a helper that reaches a static mutable
 * variable stays out of line, because its state must not be duplicated,
 * and the others get alwaysinline.
 */
#include <stdlib.h>
#include <string.h>

#include "llvm_int.h"

struct scan {
	struct session *s;
	struct helper_file *hf;
	int failed;
};

/* Record what a helper file can contribute, and refuse clashes. */
static void
scan_definition(LLVMValueRef v, void *arg)
{
	struct scan *sc = arg;
	struct session *s = sc->s;
	LLVMLinkage l = LLVMGetLinkage(v);
	const char *name = value_name(v);
	struct helper_file *other;

	if (sc->failed || !*name || LLVMIsDeclaration(v) || linkage_is_local(l) ||
	    l == LLVMAppendingLinkage || l == LLVMAvailableExternallyLinkage)
		return;
	if (is_function(v) && !linkage_is_interposable(l))
		strmap_put(&sc->hf->defines, name, sc->hf);
	if (!linkage_is_strong(l))
		return;
	if (strmap_get(&s->crate_strong, name)) {
		error("symbol '%s' is defined in both '%s' and '%s'", name,
		      s->crate_path, sc->hf->in.path);
		sc->failed = 1;
		return;
	}
	other = strmap_put(&s->owner, name, sc->hf);
	if (other && other != sc->hf) {
		error("symbol '%s' is defined in both '%s' and '%s'", name,
		      other->in.path, sc->hf->in.path);
		sc->failed = 1;
	}
}

/* The helpers the crate calls that hf defines and no earlier file gave. */
static size_t
needed_from(struct session *s, struct helper_file *hf, struct strmap *needed)
{
	size_t i;

	for (i = 0; i < hf->defines.cap; i++) {
		const char *name = hf->defines.e[i].key;

		if (name && strmap_get(&s->crate_wants, name) &&
		    !strmap_get(&s->imported, name))
			strmap_put(needed, name, hf);
	}
	return needed->n;
}

/* The global value behind a constant expression, or NULL. */
static LLVMValueRef
strip_to_global(LLVMValueRef c)
{
	while (c && LLVMGetValueKind(c) == LLVMConstantExprValueKind)
		c = LLVMGetOperand(c, 0);
	return c && (is_function(c) || is_variable(c)) ? c : NULL;
}

/* What aliases and ifuncs point to must be copied with them. */
static void
alias_targets(LLVMModuleRef m, struct strmap *copy)
{
	LLVMValueRef a, t;

	for (a = LLVMGetFirstGlobalAlias(m); a; a = LLVMGetNextGlobalAlias(a))
		if ((t = strip_to_global(LLVMAliasGetAliasee(a))) != NULL)
			strmap_put(copy, value_name(t), a);
	for (a = LLVMGetFirstGlobalIFunc(m); a; a = LLVMGetNextGlobalIFunc(a))
		if ((t = strip_to_global(LLVMGetGlobalIFuncResolver(a))) != NULL)
			strmap_put(copy, value_name(t), a);
}

struct prepare {
	const struct strmap *needed;
	struct strmap copy;     /* names to copy as local definitions */
	int unoptimized;        /* a needed helper is optnone: clang -O0 */
};

static void
make_local(LLVMValueRef v)
{
	LLVMSetLinkage(v, LLVMInternalLinkage);
	LLVMSetVisibility(v, LLVMDefaultVisibility);
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
	if (LLVMIsDeclaration(v) || linkage_is_local(l) ||
	    l == LLVMAvailableExternallyLinkage)
		return;
	if (LLVMGetValueKind(v) == LLVMGlobalAliasValueKind) {
		make_local(v);
		return;
	}
	/* Comdats are for global objects (not aliases; LLVMSetComdat() on one
	 * crashes).  available_externally and local values may not be in a
	 * comdat, and the helpers the crate calls become local in the end. */
	LLVMSetComdat(v, NULL);
	if (!is_function(v) && !is_variable(v)) {
		make_local(v);  /* an ifunc */
	} else if (strmap_get(&p->copy, name)) {
		make_local(v);
	} else if (is_variable(v)) {
		if (LLVMIsGlobalConstant(v) && !LLVMIsThreadLocal(v) &&
		    !linkage_is_interposable(l)) {
			LLVMSetLinkage(v, LLVMAvailableExternallyLinkage);
		} else {
			LLVMSetInitializer(v, NULL);
			LLVMSetLinkage(v, LLVMExternalLinkage);
		}
	} else if (strmap_get(p->needed, name)) {
		LLVMSetLinkage(v, LLVMExternalLinkage);
		if (fn_has_attr(v, "optnone"))
			p->unoptimized = 1;
	} else {
		if (linkage_is_interposable(l))
			fn_add_attr(v, "noinline");
		LLVMSetLinkage(v, LLVMAvailableExternallyLinkage);
	}
}

/* Import what hf offers that the crate calls. */
static int
import_from(struct session *s, struct helper_file *hf)
{
	struct strmap needed = STRMAP_INIT;
	struct prepare p = {&needed, STRMAP_INIT, 0};
	struct scan sc = {s, hf, 0};
	LLVMModuleRef m;
	size_t i;
	int ret = -1;

	m = input_parse(s, &hf->in, 1);
	if (!m)
		return -1;
	each_global(m, scan_definition, &sc);
	if (sc.failed)
		goto out;
	if (needed_from(s, hf, &needed) == 0) {
		ret = 0;
		goto out;
	}
	if (target_unify(s, m, hf->in.path) < 0 ||
	    target_check_flags(s, m, hf->in.path) < 0)
		goto out;
	alias_targets(m, &p.copy);
	each_global(m, prepare_value, &p);
	LLVMSetModuleInlineAsm2(m, "", 0);
	if (p.unoptimized)
		warn("'%s' was built without optimization; its helpers are "
		     "inlined, but build it with -O2", hf->in.path);
	ret = link_into(s, s->import, m, hf->in.path, s->crate_path);
	m = NULL;
	for (i = 0; ret == 0 && i < needed.cap; i++)
		if (needed.e[i].key)
			strmap_put(&s->imported, needed.e[i].key, hf);
out:
	if (m)
		LLVMDisposeModule(m);
	strmap_release(&needed);
	strmap_release(&p.copy);
	return ret;
}

/*
 * Static state: a helper whose code reaches a mutable variable with local
 * linkage would get its own copy of that variable, and the C object keeps
 * the other.  Such helpers are not inlined.
 */
struct taint {
	struct strmap reached;  /* function name -> the variable's name */
	char **vars;            /* the variables' names, owned here */
	size_t nvars;
	LLVMValueRef *work;
	size_t nwork, capwork;
};

static void
taint_push(struct taint *t, LLVMValueRef v)
{
	if (t->nwork == t->capwork) {
		t->capwork = t->capwork ? t->capwork * 2 : 64;
		t->work = xrealloc(t->work, t->capwork * sizeof(*t->work));
	}
	t->work[t->nwork++] = v;
}

/* Mark every function from which var can be reached. */
static void
taint_from(struct taint *t, LLVMValueRef var)
{
	char *varname = xstrdup(value_name(var));

	t->vars = xrealloc(t->vars, (t->nvars + 1) * sizeof(*t->vars));
	t->vars[t->nvars++] = varname;
	t->nwork = 0;
	taint_push(t, var);
	while (t->nwork > 0) {
		LLVMValueRef v = t->work[--t->nwork];
		LLVMUseRef u;

		for (u = LLVMGetFirstUse(v); u; u = LLVMGetNextUse(u)) {
			LLVMValueRef user = LLVMGetUser(u), f;

			if (LLVMGetValueKind(user) != LLVMInstructionValueKind) {
				taint_push(t, user);
				continue;
			}
			f = LLVMGetBasicBlockParent(LLVMGetInstructionParent(user));
			if (strmap_get(&t->reached, value_name(f)))
				continue;
			strmap_put(&t->reached, value_name(f), varname);
			taint_push(t, f);
		}
	}
}

/* Replace a function definition by a declaration of the same name. */
static void
make_declaration(LLVMModuleRef m, LLVMValueRef f)
{
	char *name = xstrdup(value_name(f));
	LLVMValueRef d = LLVMAddFunction(m, "", LLVMGlobalGetValueType(f));

	LLVMReplaceAllUsesWith(f, d);
	LLVMDeleteFunction(f);
	LLVMSetValueName2(d, name, strlen(name));
	free(name);
}

static void
keep_state_out_of_line(struct session *s)
{
	struct taint t = {STRMAP_INIT, NULL, 0, NULL, 0, 0};
	LLVMValueRef g;
	size_t i;

	for (g = LLVMGetFirstGlobal(s->import); g; g = LLVMGetNextGlobal(g))
		if (!LLVMIsDeclaration(g) && linkage_is_local(LLVMGetLinkage(g)) &&
		    !LLVMIsGlobalConstant(g))
			taint_from(&t, g);
	for (i = 0; i < s->imported.cap; i++) {
		const char *name = s->imported.e[i].key, *var;
		struct helper_file *hf;
		LLVMValueRef f;

		if (!name || !(var = strmap_get(&t.reached, name)))
			continue;
		hf = s->imported.e[i].val;
		warn("'%s': not inlining '%s': it uses the static variable '%s', "
		     "which must not be duplicated", hf->in.path, name, var);
		f = LLVMGetNamedFunction(s->import, name);
		if (f && !LLVMIsDeclaration(f))
			make_declaration(s->import, f);
	}
	free(t.work);
	for (i = 0; i < t.nvars; i++)
		free(t.vars[i]);
	free(t.vars);
	strmap_release(&t.reached);
}

/*
 * Give the imported helpers alwaysinline.  clang -O0 marks every function
 * noinline and optnone; those two are dropped together, and the static
 * functions so marked are inlined too, as -O2 would have.  A helper that
 * is only noinline was marked so on purpose and stays a call.
 */
static void
force_inline(struct session *s)
{
	LLVMValueRef f;

	for (f = LLVMGetFirstFunction(s->import); f; f = LLVMGetNextFunction(f)) {
		struct helper_file *hf = strmap_get(&s->imported, value_name(f));
		int unoptimized;

		if (LLVMIsDeclaration(f))
			continue;
		unoptimized = fn_has_attr(f, "optnone");
		if (unoptimized) {
			fn_remove_attr(f, "optnone");
			fn_remove_attr(f, "noinline");
		}
		if (!hf && !(unoptimized && linkage_is_local(LLVMGetLinkage(f))))
			continue;
		if (fn_has_attr(f, "noinline")) {
			warn("'%s': '%s' is marked noinline; it stays a call",
			     hf->in.path, value_name(f));
			continue;
		}
		fn_add_attr(f, "alwaysinline");
	}
}

int
import_helpers(struct session *s)
{
	const struct link_options *o = s->o;
	char *msg = NULL;
	size_t i;

	s->import = LLVMModuleCreateWithNameInContext("helperlink-import", s->ctx);
	LLVMSetTarget(s->import, LLVMGetTarget(s->crate));
	LLVMSetDataLayout(s->import, LLVMGetDataLayoutStr(s->crate));
	s->helpers = xcalloc(o->nhelpers, sizeof(*s->helpers));
	for (i = 0; i < o->nhelpers; i++) {
		if (input_read(&s->helpers[i].in, o->helpers[i]) < 0)
			return -1;
		buf_addf(&s->helper_names, "%s%s", i ? "', '" : "", o->helpers[i]);
	}
	for (i = 0; i < o->nhelpers; i++)
		if (import_from(s, &s->helpers[i]) < 0)
			return -1;
	keep_state_out_of_line(s);
	if (o->force_inline)
		force_inline(s);
	/* Cheap, as it holds only what was imported, and it turns an
	 * unexpected helper file into an error instead of a bad object. */
	if (LLVMVerifyModule(s->import, LLVMReturnStatusAction, &msg)) {
		error("cannot import from '%s': %s", s->helper_names.data,
		      msg ? msg : "invalid IR");
		LLVMDisposeMessage(msg);
		return -1;
	}
	LLVMDisposeMessage(msg);
	return 0;
}
