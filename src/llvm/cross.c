/*
 * llvm/cross.c: the small functions of other Rust crates (--inline-from).
 *
 * A kernel module cannot inline a non-generic function of the kernel
 * crate: that crate is built with -Ccodegen-units=1 -Clto=n, and only
 * functions marked #[inline] (and, since rustc 1.75, small leaves) reach
 * other crates through their metadata.  With the crate's bitcode (the
 * kernel's rust/kernel.bc), a link copies the functions the module calls
 * into it, as internal copies that are then inlined, under these rules:
 *
 * - marked noinline (#[inline(never)]), cold (#[cold]) or optnone: a call;
 * - more than --inline-from-max IR instructions, with the local functions
 *   it calls: a call;
 * - code that uses a local mutable static, a thread-local, or a static
 *   whose address or section is its identity (an immutable Rust `static`
 *   without unnamed_addr), which a copy would duplicate: a call;
 * - code that uses a symbol the module may not use: a call.  With
 *   --exports, the module may use what the list exports; without, what a
 *   --inline-from file defines strongly (for the kernel crate, what
 *   rust/exports.c exports), what a --helpers file defines, and what the
 *   module uses already.
 *
 * Everything else of the file is a declaration, and what a constant of
 * it names is checked as code, so nothing it did not check reaches the
 * module.  Only direct calls of the function's own type go to the copy: a
 * use of its address stays the crate's.  The copy is named with
 * CROSS_SUFFIX until it is inlined; one that LLVM does not inline is
 * dropped for a call of the original, but after a whole --opt pipeline
 * (cross_finish()).
 */
#include <stdlib.h>
#include <string.h>

#include "../report.h"
#include "engine.h"

#define CROSS_SUFFIX ".helperlink.from"

struct select {
	struct session *s;
	const struct strmap *wants;   /* what the crate calls */
	const struct strmap *uses;    /* what it uses already */
	struct strmap allowed;        /* strong definitions of the files and
	                                 the helpers' */
	const char *file;
};

static char *
copy_name(const char *name)
{
	return xasprintf("%s" CROSS_SUFFIX, name);
}

/* The copy of name in m, or NULL. */
static LLVMValueRef
copy_of(LLVMModuleRef m, const char *name)
{
	char *copy = copy_name(name);
	LLVMValueRef f = LLVMGetNamedFunction(m, copy);

	free(copy);
	return f;
}

static struct cross_info *
cross_info(struct session *s, const char *name, const char *file)
{
	struct cross_info *ci = strmap_get(&s->cross, name);

	if (ci)
		return ci;
	ci = xcalloc(1, sizeof(*ci));
	strmap_put(&s->cross, name, ci);
	ci->name = strmap_keys_find(&s->cross, name);
	ci->file = file;
	ci->size = -1;
	return ci;
}

/* What one definition of an --inline-from file becomes: a function the
 * crate calls a copy, to be linked; the others declarations (functions
 * after the link, as the module is lazy), available_externally constants
 * and declared variables; aliases marked, the llvm.* arrays dropped. */
static void
prepare(LLVMValueRef v, void *arg)
{
	struct select *sel = arg;
	LLVMLinkage l = LLVMGetLinkage(v);
	const char *name = value_name(v);

	if (l == LLVMAppendingLinkage) {
		LLVMDeleteGlobal(v);
		return;
	}
	if (LLVMIsDeclaration(v) || linkage_is_local(l))
		return;
	if (!is_function(v) && !is_variable(v)) {
		import_hide_alias(v);
		return;
	}
	if (linkage_is_strong(l))
		strmap_put(&sel->allowed, name, (void *)1);
	LLVMSetComdat(v, NULL);
	if (is_variable(v)) {
		import_variable(v);
	} else if (linkage_is_strong(l) && strmap_get(sel->wants, name) &&
	           !strmap_get(&sel->s->cross, name)) {
		char *copy = copy_name(name);

		cross_info(sel->s, name, sel->file);
		LLVMSetValueName2(v, copy, strlen(copy));
		free(copy);
	} else {
		LLVMSetLinkage(v, LLVMAvailableExternallyLinkage);
	}
}

/* The names of the functions the helper files define. */
static int
note_helpers(struct session *s, struct strmap *allowed)
{
	size_t i;

	for (i = 0; i < s->o->nhelpers; i++) {
		struct bc_file f = {NULL, NULL, BUF_INIT};
		LLVMModuleRef m;
		LLVMValueRef v;

		if (session_read(&f, s->o->helpers[i], s->o->helper_names
		                 ? s->o->helper_names[i] : NULL) < 0 ||
		    !(m = session_parse(s, &f, 1))) {
			buf_release(&f.data);
			return -1;
		}
		for (v = LLVMGetFirstFunction(m); v; v = LLVMGetNextFunction(v))
			if (!LLVMIsDeclaration(v) && !linkage_is_local(LLVMGetLinkage(v)))
				strmap_put(allowed, value_name(v), (void *)1);
		LLVMDisposeModule(m);
		buf_release(&f.data);
	}
	return 0;
}

/* The check of one copy: its size and what its code uses. */
struct check {
	struct select *sel;
	struct cross_info *ci;
	struct ptrset seen;
	struct strmap refs;   /* the symbols it makes the module use */
	long size;
	char *why;
};

static void check_code(struct check *c, LLVMValueRef f);

static void
problem(struct check *c, char *why)
{
	if (c->why)
		free(why);
	else
		c->why = why;
}

/* A symbol the copy would make the module use. */
static void
check_outside(struct check *c, const char *sym)
{
	const struct link_options *o = c->sel->s->o;

	if (startswith(sym, "llvm.") || strmap_get(c->sel->uses, sym))
		return;
	if (o->exports ? !strmap_get(o->exports, sym)
	               : !strmap_get(&c->sel->allowed, sym)) {
		problem(c, o->exports
		        ? xasprintf("it uses '%s', which '%s' does not export", sym,
		                    o->exports_name)
		        : xasprintf("it uses '%s', which the module may not use "
		                    "(give --exports to tell)", sym));
		return;
	}
	strmap_put(&c->refs, sym, c->ci);
}

static void
check_variable(struct check *c, LLVMValueRef v)
{
	const char *name = value_name(v);
	const char *section = LLVMGetSection(v);

	if (!linkage_is_local(LLVMGetLinkage(v))) {
		check_outside(c, name);
		/* An available_externally constant: its value may fold into
		 * the code, and what it names is linked in with it. */
		if (LLVMGetInitializer(v) && ptrset_add(&c->seen, v))
			check_code(c, LLVMGetInitializer(v));
	} else if (!LLVMIsGlobalConstant(v) || LLVMIsThreadLocal(v)) {
		problem(c, xasprintf("it uses the mutable static '%s'", name));
	} else if (LLVMGetUnnamedAddress(v) == LLVMNoUnnamedAddr ||
	           (section && *section)) {
		problem(c, xasprintf("it uses the static '%s', which must stay "
		                     "one object", name));
	} else if (ptrset_add(&c->seen, v) && LLVMGetInitializer(v)) {
		/* A constant's initializer: a vtable names functions. */
		check_code(c, LLVMGetInitializer(v));
	}
}

/* An operand of the copy's code, or a constant's part. */
static void
check_value(struct check *c, LLVMValueRef v, int depth)
{
	LLVMValueKind k;
	int i, n;

	if (!v)
		return;
	if (depth > 16) {
		/* What is not looked at is not allowed. */
		problem(c, xstrdup("it uses a constant nested too deeply to check"));
		return;
	}
	k = LLVMGetValueKind(v);
	if (k == LLVMConstantExprValueKind || k == LLVMConstantStructValueKind ||
	    k == LLVMConstantArrayValueKind || k == LLVMConstantVectorValueKind) {
		n = LLVMGetNumOperands(v);
		for (i = 0; i < n; i++)
			check_value(c, LLVMGetOperand(v, (unsigned)i), depth + 1);
	} else if (is_variable(v)) {
		check_variable(c, v);
	} else if (is_function(v)) {
		const char *name = value_name(v);

		/* Another copy is checked on its own; if it is refused, this
		 * code calls the original, which the crate uses already. */
		if (endswith(name, CROSS_SUFFIX))
			return;
		if (linkage_is_local(LLVMGetLinkage(v)))
			check_code(c, v);
		else
			check_outside(c, name);
	}
}

/* A local function's code (once), or a constant's initializer. */
static void
check_code(struct check *c, LLVMValueRef f)
{
	LLVMBasicBlockRef bb;
	LLVMValueRef i;
	int k, n;

	if (!is_function(f)) {
		check_value(c, f, 1);
		return;
	}
	if (!ptrset_add(&c->seen, f))
		return;
	for (bb = LLVMGetFirstBasicBlock(f); bb; bb = LLVMGetNextBasicBlock(bb))
		for (i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i)) {
			c->size++;
			n = LLVMGetNumOperands(i);
			for (k = 0; k < n; k++)
				check_value(c, LLVMGetOperand(i, (unsigned)k), 0);
		}
}

/* Why the copy f of ci may not be inlined, or NULL. */
static char *
check_copy(struct select *sel, struct cross_info *ci, LLVMValueRef f)
{
	struct check c = {sel, ci, PTRSET_INIT, STRMAP_INIT, 0, NULL};
	unsigned max = sel->s->o->inline_from_max;
	size_t i;

	if (fn_has_attr(f, "noinline") || fn_has_attr(f, "optnone"))
		c.why = xstrdup("it is marked noinline (#[inline(never)])");
	else if (fn_has_attr(f, "cold"))
		c.why = xstrdup("it is marked cold (#[cold])");
	check_code(&c, f);
	ci->size = c.size;
	if (!c.why && max && c.size > (long)max)
		c.why = xasprintf("it has %ld IR instructions, more than "
		                  "--inline-from-max=%u", c.size, max);
	/* What the report names as the code that uses each. */
	for (i = 0; !c.why && i < c.refs.cap; i++)
		if (c.refs.e[i].key && !strmap_get(&sel->s->cross_refs, c.refs.e[i].key))
			strmap_put(&sel->s->cross_refs, c.refs.e[i].key, ci);
	ptrset_release(&c.seen);
	strmap_release(&c.refs);
	return c.why;
}

/* The copy of name is not inlined: its uses become the original's. */
static void
drop_copy(LLVMModuleRef m, const char *name)
{
	LLVMValueRef f = copy_of(m, name), d;

	if (!f)
		return;
	d = LLVMGetNamedFunction(m, name);
	if (!d)
		d = LLVMAddFunction(m, name, LLVMGlobalGetValueType(f));
	LLVMReplaceAllUsesWith(f, d);
	LLVMDeleteFunction(f);
}

/* Decide each copy just linked into m; the file's other functions become
 * declarations. */
static void
decide(struct select *sel, LLVMModuleRef m)
{
	struct session *s = sel->s;
	const char **names = strmap_keys(&s->cross);
	LLVMValueRef f, next;
	size_t i;

	for (i = 0; names[i]; i++) {
		struct cross_info *ci = strmap_get(&s->cross, names[i]);

		f = copy_of(m, names[i]);
		if (ci->decided || !f || LLVMIsDeclaration(f))
			continue;
		ci->decided = 1;
		ci->why_not = check_copy(sel, ci, f);
		if (ci->why_not)
			drop_copy(m, names[i]);
		else
			fn_add_attr(f, "alwaysinline");
	}
	free(names);
	for (f = LLVMGetFirstFunction(m); f; f = next) {
		next = LLVMGetNextFunction(f);
		if (LLVMGetLinkage(f) == LLVMAvailableExternallyLinkage)
			fn_make_declaration(m, value_name(f));
	}
}

/* The copies of what the crate calls, from every --inline-from file, into
 * a module of their own; NULL after printing why. */
static LLVMModuleRef
select_copies(struct session *s, const struct strmap *wants,
              const struct strmap *uses)
{
	const struct link_options *o = s->o;
	struct select sel = {s, wants, uses, STRMAP_INIT, NULL};
	LLVMModuleRef cm, m;
	char *why;
	size_t i;

	cm = LLVMModuleCreateWithNameInContext("helperlink-cross", s->ctx);
	LLVMSetTarget(cm, LLVMGetTarget(s->crate));
	LLVMSetDataLayout(cm, LLVMGetDataLayoutStr(s->crate));
	s->cross_files = xcalloc(o->ninline_from, sizeof(*s->cross_files));
	if (!o->exports && note_helpers(s, &sel.allowed) < 0)
		goto fail;
	for (i = 0; i < o->ninline_from; i++) {
		struct bc_file *f = &s->cross_files[i];

		if (session_read(f, o->inline_from[i], NULL) < 0 ||
		    !(m = session_parse(s, f, 1)))
			goto fail;
		if (unify_target(s, m, f->name) < 0 || unify_flags(s, m, f->name) < 0) {
			LLVMDisposeModule(m);
			goto fail;
		}
		sel.file = f->name;
		each_global(m, prepare, &sel);
		LLVMSetModuleInlineAsm2(m, "", 0);
		if (session_link(s, cm, m, f->name, s->crate_path) < 0)
			goto fail;
		import_resolve_aliases(cm);
		decide(&sel, cm);
	}
	if ((why = ir_verify(cm)) != NULL) {
		error("'%s': invalid bitcode: %s", o->inline_from[0], why);
		free(why);
		goto fail;
	}
	strmap_release(&sel.allowed);
	return cm;
fail:
	strmap_release(&sel.allowed);
	LLVMDisposeModule(cm);
	return NULL;
}

/* The crate's direct calls of name, of f's type, go to f. */
static unsigned
rebind_calls(struct session *s, const char *name, LLVMValueRef f,
             struct strmap *callers)
{
	LLVMValueRef d = LLVMGetNamedFunction(s->crate, name), user;
	LLVMUseRef u, next;
	unsigned n = 0;

	for (u = d ? LLVMGetFirstUse(d) : NULL; u; u = next) {
		next = LLVMGetNextUse(u);
		user = LLVMGetUser(u);
		if (!is_callee(u) ||
		    LLVMGetCalledFunctionType(user) != LLVMGlobalGetValueType(f))
			continue;
		LLVMSetOperand(user, (unsigned)LLVMGetNumOperands(user) - 1, f);
		strmap_put(callers, value_name(parent_function(user)), f);
		n++;
	}
	return n;
}

/* What the copies declare, the helpers among them, the crate now wants. */
static void
note_wants(struct session *s)
{
	LLVMValueRef f;

	for (f = LLVMGetFirstFunction(s->crate); f; f = LLVMGetNextFunction(f))
		if (LLVMIsDeclaration(f) && *value_name(f) &&
		    !strmap_get(&s->crate_declared, value_name(f)))
			strmap_put(&s->crate_wants, value_name(f), f);
}

int
cross_import(struct session *s, struct strmap *callers)
{
	struct strmap uses = STRMAP_INIT;
	LLVMModuleRef cm;
	size_t i;
	int ret = -1;

	for (i = 0; i < s->crate_declared.cap; i++)
		if (s->crate_declared.e[i].key)
			strmap_put(&uses, s->crate_declared.e[i].key, (void *)1);
	for (i = 0; i < s->crate_defined.cap; i++)
		if (s->crate_defined.e[i].key &&
		    !linkage_is_local(LLVMGetLinkage(s->crate_defined.e[i].val)))
			strmap_put(&uses, s->crate_defined.e[i].key, (void *)1);
	cm = select_copies(s, &s->crate_wants, &uses);
	if (!cm || session_link(s, s->crate, cm, s->o->inline_from[0],
	                        s->crate_path) < 0)
		goto out;
	for (i = 0; i < s->cross.cap; i++) {
		struct cross_info *ci = s->cross.e[i].val;
		LLVMValueRef f;

		if (!ci || ci->why_not || !(f = copy_of(s->crate, ci->name)))
			continue;
		LLVMSetLinkage(f, LLVMInternalLinkage);
		LLVMSetVisibility(f, LLVMDefaultVisibility);
		ci->calls = rebind_calls(s, ci->name, f, callers);
	}
	note_wants(s);
	ret = 0;
out:
	strmap_release(&uses);
	return ret;
}

void
cross_finish(struct session *s)
{
	int whole = s->o->opt != OPT_NONE && s->o->opt != OPT_DEFAULT;
	size_t i;

	for (i = 0; i < s->cross.cap; i++) {
		struct cross_info *ci = s->cross.e[i].val;
		LLVMValueRef f;
		LLVMUseRef u;

		if (!ci || ci->why_not)
			continue;
		f = copy_of(s->crate, ci->name);
		ci->inlined = ci->calls;
		if (!f)
			continue;
		for (u = LLVMGetFirstUse(f); u; u = LLVMGetNextUse(u)) {
			if (!is_callee(u))
				continue;
			if (!ci->why_not)
				ci->why_not = xstrdup("LLVM could not inline it");
			ci->inlined -= ci->inlined > 0;
		}
		if (!whole)
			drop_copy(s->crate, ci->name);
	}
}

/* The calls of name in refs. */
static unsigned
calls_of(const struct code_refs *refs, const char *name)
{
	unsigned n = 0;
	size_t i;

	for (i = 0; i < refs->n; i++)
		n += !refs->v[i].address && strcmp(refs->v[i].symbol, name) == 0;
	return n;
}

void
cross_explain(struct session *s, const struct code_refs *refs,
              struct report *rep)
{
	size_t i;

	for (i = 0; i < s->cross.cap; i++) {
		const struct cross_info *ci = s->cross.e[i].val;
		unsigned left;

		if (!ci)
			continue;
		left = calls_of(refs, ci->name);
		if (s->report_mode)
			report_add_cross(rep, ci->name, ci->file, ci->size, left, -1,
			                 ci->why_not ? ci->why_not
			                 : "link --inline-from would inline it");
		else if (left || ci->inlined)
			report_add_cross(rep, ci->name, ci->file, ci->size, left,
			                 ci->inlined, ci->why_not);
	}
}

int
cross_report(struct session *s, const struct code_refs *refs)
{
	LLVMModuleRef cm = select_copies(s, &refs->undefined, &refs->undefined);

	if (!cm)
		return -1;
	LLVMDisposeModule(cm);
	return 0;
}
