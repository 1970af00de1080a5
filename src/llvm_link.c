/*
 * llvm_link.c: the engine of "helperlink link".
 *
 * 1. The crate modules are read and linked into one.
 * 2. Each helper module is read lazily, so that function bodies stay
 *    unread until the IR linker needs them.  Before linking, every helper
 *    definition that is not wanted gets internal linkage: LLVM's
 *    ModuleLinker only starts from external definitions and pulls in local
 *    ones when something it links refers to them, so what gets imported is
 *    exactly what the crate's references reach.  Helpers are linked into a
 *    separate import module, pass after pass, until no helper file defines
 *    a function that is still undefined.
 * 3. In the import module, a helper that reaches a static variable stays
 *    out of line (its state must not be duplicated) and the others get
 *    alwaysinline.  The import module is linked into the crate and the
 *    helpers get internal linkage.
 * 4. Optimization (llvm_opt.c) and code generation (llvm_codegen.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bitcode.h"
#include "llvm_int.h"
#include "target.h"

struct input {
	const char *path;
	struct buf data;  /* LLVM reads bitcode from here without copying */
};

struct helper_file {
	struct input in;
	int scanned;
	struct strmap defines;  /* external function definitions */
};

struct session {
	const struct link_options *o;
	LLVMContextRef ctx;
	struct diag diag;
	struct codegen cg;
	LLVMModuleRef crate, import;
	const char *crate_path;
	struct strmap crate_defined;   /* non-local definitions of the crate */
	struct strmap crate_strong;    /* those of them that are strong */
	struct strmap wanted;          /* functions the crate or imports lack */
	struct strmap owner;           /* strong helper definition -> file */
	struct strmap imported;        /* helper functions linked in */
	struct helper_file *helpers;
	struct buf helper_names;       /* what later messages are about */
};

static void
input_release(struct input *in)
{
	buf_release(&in->data);
}

/* Read a bitcode file and refuse it if a newer LLVM produced it. */
static int
input_read(struct input *in, const char *path)
{
	struct llvm_version have = llvm_version(), made;
	struct bc_ident id;
	enum bc_status st;
	char v1[32], v2[32];

	in->path = path;
	if (read_file(path, &in->data) < 0)
		return -1;
	st = bc_identify((const unsigned char *)in->data.data, in->data.len, &id);
	if (st != BC_OK)
		return error("cannot read '%s': %s", path, bc_status_str(st));
	if (!id.found || version_from_producer(id.producer, &made) < 0)
		return 0;  /* older than LLVM 3.8, or an unknown producer */
	if (!version_can_read(&have, &made))
		return error("cannot read '%s': bitcode was produced by LLVM %s, "
		             "this LLVM is %s", path, version_str(&made, v1),
		             version_str(&have, v2));
	return 0;
}

/* Parse an input; lazily, function bodies are read when first needed. */
static LLVMModuleRef
input_parse(struct session *s, struct input *in, int lazy)
{
	LLVMMemoryBufferRef mb;
	LLVMModuleRef m = NULL;
	LLVMBool failed;

	mb = LLVMCreateMemoryBufferWithMemoryRange(in->data.data, in->data.len,
	                                           in->path, 0);
	diag_subject(&s->diag, in->path);
	if (lazy) {
		/* On success the module owns mb. */
		failed = LLVMGetBitcodeModuleInContext2(s->ctx, mb, &m);
		if (failed)
			LLVMDisposeMemoryBuffer(mb);
	} else {
		failed = LLVMParseBitcodeInContext2(s->ctx, mb, &m);
		LLVMDisposeMemoryBuffer(mb);
	}
	if (failed) {
		error("cannot read '%s': %s", in->path,
		      diag_take(&s->diag, "invalid bitcode"));
		return NULL;
	}
	return m;
}

/* Call fn for each global value of m: functions, variables, aliases, ifuncs. */
static void
each_global(LLVMModuleRef m, void (*fn)(LLVMValueRef, void *), void *arg)
{
	LLVMValueRef v, next;

	for (v = LLVMGetFirstFunction(m); v; v = next) {
		next = LLVMGetNextFunction(v);
		fn(v, arg);
	}
	for (v = LLVMGetFirstGlobal(m); v; v = next) {
		next = LLVMGetNextGlobal(v);
		fn(v, arg);
	}
	for (v = LLVMGetFirstGlobalAlias(m); v; v = next) {
		next = LLVMGetNextGlobalAlias(v);
		fn(v, arg);
	}
	for (v = LLVMGetFirstGlobalIFunc(m); v; v = next) {
		next = LLVMGetNextGlobalIFunc(v);
		fn(v, arg);
	}
}

static int
is_function(LLVMValueRef v)
{
	return LLVMGetValueKind(v) == LLVMFunctionValueKind;
}

static int
is_variable(LLVMValueRef v)
{
	return LLVMGetValueKind(v) == LLVMGlobalVariableValueKind;
}

/*
 * A real data layout conflict, as opposed to two spellings of one layout:
 * byte order, symbol mangling, or the size or alignment of a basic type.
 * Returns what differs, or NULL.
 */
static const char *
layout_conflict(LLVMContextRef ctx, const char *a, const char *b)
{
	static char what[64];
	LLVMTypeRef probe[16];
	const char *name[16];
	LLVMTargetDataRef ta, tb;
	char ma[8] = "", mb[8] = "";
	size_t n = 0, i;

	if (strcmp(a, b) == 0)
		return NULL;
	if (target_dl_byte_order(a) != target_dl_byte_order(b))
		return "byte order";
	target_dl_component(a, "m", ma, sizeof(ma));
	target_dl_component(b, "m", mb, sizeof(mb));
	if (strcmp(ma, mb) != 0)
		return "symbol mangling";
#define PROBE(t, s) (probe[n] = (t), name[n++] = (s))
	PROBE(LLVMIntTypeInContext(ctx, 1), "i1");
	PROBE(LLVMIntTypeInContext(ctx, 8), "i8");
	PROBE(LLVMIntTypeInContext(ctx, 16), "i16");
	PROBE(LLVMIntTypeInContext(ctx, 32), "i32");
	PROBE(LLVMIntTypeInContext(ctx, 64), "i64");
	PROBE(LLVMIntTypeInContext(ctx, 128), "i128");
	PROBE(LLVMHalfTypeInContext(ctx), "half");
	PROBE(LLVMFloatTypeInContext(ctx), "float");
	PROBE(LLVMDoubleTypeInContext(ctx), "double");
	PROBE(LLVMX86FP80TypeInContext(ctx), "x86_fp80");
	PROBE(LLVMFP128TypeInContext(ctx), "fp128");
	PROBE(LLVMPointerTypeInContext(ctx, 0), "ptr");
	PROBE(LLVMVectorType(LLVMIntTypeInContext(ctx, 32), 4), "<4 x i32>");
	PROBE(LLVMVectorType(LLVMIntTypeInContext(ctx, 64), 4), "<4 x i64>");
#undef PROBE
	ta = LLVMCreateTargetData(a);
	tb = LLVMCreateTargetData(b);
	for (i = 0; i < n; i++) {
		if (LLVMABISizeOfType(ta, probe[i]) != LLVMABISizeOfType(tb, probe[i]) ||
		    LLVMABIAlignmentOfType(ta, probe[i]) !=
		        LLVMABIAlignmentOfType(tb, probe[i]))
			break;
	}
	LLVMDisposeTargetData(ta);
	LLVMDisposeTargetData(tb);
	if (i == n)
		return NULL;
	snprintf(what, sizeof(what), "the layout of %s", name[i]);
	return what;
}

/*
 * Make m agree with the crate on target: the triple is unified silently
 * (the kernel's helpers say x86_64-pc-linux-gnu where Rust says
 * x86_64-unknown-none-elf), a different architecture or a real data layout
 * conflict is an error.
 */
static int
unify_target(struct session *s, LLVMModuleRef m, const char *path)
{
	const char *ct = LLVMGetTarget(s->crate), *mt = LLVMGetTarget(m);
	const char *cdl = LLVMGetDataLayoutStr(s->crate);
	const char *mdl = LLVMGetDataLayoutStr(m), *why;
	char fa[32], fb[32];

	if (*mt && strcmp(target_arch_family(ct, fa, sizeof(fa)),
	                  target_arch_family(mt, fb, sizeof(fb))) != 0)
		return error("cannot link '%s' into '%s': it is for %s, the crate "
		             "is for %s", path, s->crate_path, mt, ct);
	if (*mdl && (why = layout_conflict(s->ctx, cdl, mdl)) != NULL)
		return error("cannot link '%s' into '%s': data layouts differ in "
		             "%s ('%s' against '%s')", path, s->crate_path, why, mdl,
		             cdl);
	LLVMSetTarget(m, ct);
	LLVMSetDataLayout(m, cdl);
	return 0;
}

struct flag_check {
	struct session *s;
	const char *path;
	int failed;
};

/* A module flag with behaviour Error (1) must have one value everywhere. */
static int
check_flag(const char *key, int behavior, LLVMValueRef value, void *arg)
{
	struct flag_check *fc = arg;
	LLVMValueRef mine;
	int b;

	if (behavior != 1)
		return 0;
	mine = module_flag(fc->s->crate, key, &b);
	if (!mine || mine == value)
		return 0;
	fc->failed = 1;
	if (LLVMGetTypeKind(LLVMTypeOf(value)) == LLVMIntegerTypeKind &&
	    LLVMGetTypeKind(LLVMTypeOf(mine)) == LLVMIntegerTypeKind)
		error("cannot link '%s' into '%s': module flag '%s' differs "
		      "(%llu against %llu)", fc->path, fc->s->crate_path, key,
		      LLVMConstIntGetZExtValue(value),
		      LLVMConstIntGetZExtValue(mine));
	else
		error("cannot link '%s' into '%s': module flag '%s' differs",
		      fc->path, fc->s->crate_path, key);
	return 1;
}

static int
check_module_flags(struct session *s, LLVMModuleRef m, const char *path)
{
	struct flag_check fc = {s, path, 0};

	module_flags_each(m, check_flag, &fc);
	return fc.failed ? -1 : 0;
}

/* Link src into dest; src is destroyed either way. */
static int
link_into(struct session *s, LLVMModuleRef dest, LLVMModuleRef src,
          const char *src_path, const char *dest_path)
{
	diag_subject(&s->diag, src_path);
	if (LLVMLinkModules2(dest, src))
		return error("cannot link '%s' into '%s': %s", src_path, dest_path,
		             diag_take(&s->diag, "the IR linker failed"));
	return 0;
}

static void
note_crate_symbol(LLVMValueRef v, void *arg)
{
	struct session *s = arg;
	LLVMLinkage l = LLVMGetLinkage(v);
	const char *name = value_name(v);

	if (!*name || linkage_is_local(l) || l == LLVMAppendingLinkage)
		return;
	if (LLVMIsDeclaration(v)) {
		if (is_function(v))
			strmap_put(&s->wanted, name, v);
		return;
	}
	strmap_put(&s->crate_defined, name, v);
	if (linkage_is_strong(l))
		strmap_put(&s->crate_strong, name, v);
}

static int
load_crates(struct session *s)
{
	const struct link_options *o = s->o;
	size_t i;

	for (i = 0; i < o->ncrates; i++) {
		struct input in = {NULL, BUF_INIT};
		LLVMModuleRef m;
		int ret;

		if (input_read(&in, o->crates[i]) < 0) {
			input_release(&in);
			return -1;
		}
		m = input_parse(s, &in, 0);
		input_release(&in);
		if (!m)
			return -1;
		if (!s->crate) {
			s->crate = m;
			s->crate_path = o->crates[i];
			continue;
		}
		ret = unify_target(s, m, o->crates[i]);
		if (ret == 0)
			ret = check_module_flags(s, m, o->crates[i]);
		if (ret < 0) {
			LLVMDisposeModule(m);
			return -1;
		}
		if (link_into(s, s->crate, m, o->crates[i], s->crate_path) < 0)
			return -1;
	}
	each_global(s->crate, note_crate_symbol, s);
	return 0;
}

struct scan {
	struct session *s;
	struct helper_file *hf;
	int failed;
};

/* Record a helper file's external definitions and refuse clashes. */
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
	if (is_function(v))
		strmap_put(&sc->hf->defines, name, v);
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

static int
defined_in_import(struct session *s, const char *name)
{
	LLVMValueRef f = LLVMGetNamedFunction(s->import, name);

	return f && !LLVMIsDeclaration(f) && !linkage_is_local(LLVMGetLinkage(f));
}

/* The functions hf should contribute now; 0 when there are none. */
static size_t
needed_from(struct session *s, struct helper_file *hf, struct strmap *needed)
{
	size_t i;

	for (i = 0; i < hf->defines.cap; i++) {
		const char *name = hf->defines.e[i].key;

		if (name && strmap_get(&s->wanted, name) &&
		    !strmap_get(&s->crate_defined, name) &&
		    !defined_in_import(s, name))
			strmap_put(needed, name, hf);
	}
	return needed->n;
}

struct prepare {
	struct session *s;
	const struct strmap *needed;
};

/*
 * Decide, before linking, what a helper module's global value becomes:
 * a wanted function stays external (the linker starts from it); a
 * function the import already has becomes available_externally (so that
 * references bind to the import's copy); other functions become internal
 * (linked only when something linked refers to them).  External variables
 * are never copied: a mutable one becomes a declaration, to be defined by
 * the real C object; a constant one becomes available_externally, so its
 * value can still be folded.  The module is lazy, so values are only
 * changed, never deleted or replaced, except the llvm.* arrays (constructor
 * lists and llvm.used), which no function body refers to.
 */
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
	if (is_variable(v)) {
		if (LLVMIsGlobalConstant(v) && !LLVMIsThreadLocal(v)) {
			LLVMSetLinkage(v, LLVMAvailableExternallyLinkage);
		} else {
			LLVMSetInitializer(v, NULL);
			LLVMSetLinkage(v, LLVMExternalLinkage);
		}
		LLVMSetComdat(v, NULL);
		return;
	}
	if (is_function(v) && strmap_get(p->needed, name))
		return;
	LLVMSetComdat(v, NULL);
	if (is_function(v) && defined_in_import(p->s, name)) {
		LLVMSetLinkage(v, LLVMAvailableExternallyLinkage);
		return;
	}
	LLVMSetLinkage(v, LLVMInternalLinkage);
	LLVMSetVisibility(v, LLVMDefaultVisibility);
}

/* After a link, the import's undefined functions are wanted too. */
static void
note_import_declaration(LLVMValueRef v, void *arg)
{
	struct session *s = arg;

	if (is_function(v) && LLVMIsDeclaration(v) && *value_name(v))
		strmap_put(&s->wanted, value_name(v), v);
}

/* Import what hf has to offer now; returns 1 when it contributed. */
static int
import_from(struct session *s, struct helper_file *hf)
{
	struct strmap needed = STRMAP_INIT;
	struct prepare p = {s, &needed};
	LLVMModuleRef m = NULL;
	size_t i;

	if (!hf->scanned) {
		struct scan sc = {s, hf, 0};

		m = input_parse(s, &hf->in, 1);
		if (!m)
			return -1;
		each_global(m, scan_definition, &sc);
		hf->scanned = 1;
		if (sc.failed)
			goto err;
	}
	if (needed_from(s, hf, &needed) == 0) {
		if (m)
			LLVMDisposeModule(m);
		strmap_release(&needed);
		return 0;
	}
	if (!m && !(m = input_parse(s, &hf->in, 1)))
		goto err_needed;
	if (unify_target(s, m, hf->in.path) < 0 ||
	    check_module_flags(s, m, hf->in.path) < 0)
		goto err;
	each_global(m, prepare_value, &p);
	if (link_into(s, s->import, m, hf->in.path, s->crate_path) < 0)
		goto err_needed;
	for (i = 0; i < needed.cap; i++)
		if (needed.e[i].key)
			strmap_put(&s->imported, needed.e[i].key, hf);
	each_global(s->import, note_import_declaration, s);
	strmap_release(&needed);
	return 1;

err:
	LLVMDisposeModule(m);
err_needed:
	strmap_release(&needed);
	return -1;
}

static int
import_helpers(struct session *s)
{
	const struct link_options *o = s->o;
	int progress;
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
	/* Each pass defines at least one more name, so this ends. */
	do {
		progress = 0;
		for (i = 0; i < o->nhelpers; i++) {
			int r = import_from(s, &s->helpers[i]);

			if (r < 0)
				return -1;
			progress |= r;
		}
	} while (progress);
	return 0;
}

/*
 * Static state: a helper whose code reaches a mutable variable with
 * internal linkage would get its own copy of that variable, and the C
 * side would keep the other.  Such helpers are not inlined.
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
 * Give imported helpers alwaysinline.  A helper that carries both
 * noinline and optnone came from clang -O0, which adds them to every
 * function; they are dropped.  A helper that is only noinline was marked
 * so on purpose and stays a call.
 */
static void
force_inline(struct session *s)
{
	size_t i;

	for (i = 0; i < s->imported.cap; i++) {
		const char *name = s->imported.e[i].key;
		struct helper_file *hf = s->imported.e[i].val;
		LLVMValueRef f;

		if (!name || !(f = LLVMGetNamedFunction(s->import, name)) ||
		    LLVMIsDeclaration(f))
			continue;
		if (fn_has_attr(f, "optnone")) {
			fn_remove_attr(f, "optnone");
			fn_remove_attr(f, "noinline");
		}
		if (fn_has_attr(f, "noinline")) {
			warn("'%s': '%s' is marked noinline; it stays a call",
			     hf->in.path, name);
			continue;
		}
		fn_add_attr(f, "alwaysinline");
	}
}

static int
cmpptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(void *const *)a, y = (uintptr_t)*(void *const *)b;

	return x < y ? -1 : x > y;
}

struct snapshot {
	LLVMValueRef *v;
	size_t n, cap;
};

static void
snapshot_add(LLVMValueRef v, void *arg)
{
	struct snapshot *sn = arg;

	if (sn->n == sn->cap) {
		sn->cap = sn->cap ? sn->cap * 2 : 256;
		sn->v = xrealloc(sn->v, sn->cap * sizeof(*sn->v));
	}
	sn->v[sn->n++] = v;
}

static int
snapshot_has(const struct snapshot *sn, LLVMValueRef v)
{
	return bsearch(&v, sn->v, sn->n, sizeof(*sn->v), cmpptr) != NULL;
}

struct dead {
	const struct snapshot *before;
	int removed;
};

/* Delete an imported local value that nothing uses any more. */
static void
remove_if_dead(LLVMValueRef v, void *arg)
{
	struct dead *d = arg;

	if (LLVMGetFirstUse(v) || !linkage_is_local(LLVMGetLinkage(v)) ||
	    snapshot_has(d->before, v))
		return;
	if (is_function(v))
		LLVMDeleteFunction(v);
	else if (is_variable(v))
		LLVMDeleteGlobal(v);
	else
		return;
	d->removed = 1;
}

/* Collect the crate's functions that call an imported helper. */
static size_t
callers_of_helpers(struct session *s, const struct snapshot *before,
                   LLVMValueRef **out)
{
	struct snapshot callers = {NULL, 0, 0};
	size_t i, j, n = 0;

	for (i = 0; i < s->imported.cap; i++) {
		LLVMValueRef f;
		LLVMUseRef u;

		if (!s->imported.e[i].key ||
		    !(f = LLVMGetNamedFunction(s->crate, s->imported.e[i].key)) ||
		    LLVMIsDeclaration(f))
			continue;
		for (u = LLVMGetFirstUse(f); u; u = LLVMGetNextUse(u)) {
			LLVMValueRef user = LLVMGetUser(u), caller;

			if (LLVMGetValueKind(user) != LLVMInstructionValueKind)
				continue;
			caller = LLVMGetBasicBlockParent(LLVMGetInstructionParent(user));
			if (snapshot_has(before, caller))
				snapshot_add(caller, &callers);
		}
	}
	if (callers.n > 1)
		qsort(callers.v, callers.n, sizeof(*callers.v), cmpptr);
	for (j = 0; j < callers.n; j++)
		if (n == 0 || callers.v[j] != callers.v[n - 1])
			callers.v[n++] = callers.v[j];
	*out = callers.v;
	return n;
}

static int
finish_import(struct session *s)
{
	struct snapshot before = {NULL, 0, 0};
	struct dead d;
	LLVMValueRef *changed;
	size_t nchanged, i;
	int ret;

	keep_state_out_of_line(s);
	if (s->o->force_inline)
		force_inline(s);
	each_global(s->crate, snapshot_add, &before);
	qsort(before.v, before.n, sizeof(*before.v), cmpptr);
	ret = link_into(s, s->crate, s->import,
	                s->o->nhelpers == 1 ? s->o->helpers[0] : "the helpers",
	                s->crate_path);
	s->import = NULL;
	if (ret < 0)
		goto out;
	for (i = 0; i < s->imported.cap; i++) {
		LLVMValueRef f;

		if (!s->imported.e[i].key ||
		    !(f = LLVMGetNamedFunction(s->crate, s->imported.e[i].key)) ||
		    LLVMIsDeclaration(f))
			continue;
		LLVMSetLinkage(f, LLVMInternalLinkage);
		LLVMSetVisibility(f, LLVMDefaultVisibility);
		LLVMSetComdat(f, NULL);
	}
	nchanged = callers_of_helpers(s, &before, &changed);
	/* A warning from here on is about the helpers' code: the crate's
	 * came from this LLVM, the helpers' from another. */
	diag_subject(&s->diag, s->helper_names.len ? s->helper_names.data
	                                           : s->crate_path);
	ret = opt_run(s->crate, &s->cg, s->o, changed, nchanged, &s->diag);
	free(changed);
	if (ret < 0)
		goto out;
	d.before = &before;
	do {
		d.removed = 0;
		each_global(s->crate, remove_if_dead, &d);
	} while (d.removed);
out:
	free(before.v);
	return ret;
}

static void
session_release(struct session *s)
{
	size_t i;

	codegen_release(&s->cg);
	if (s->import)
		LLVMDisposeModule(s->import);
	if (s->crate)
		LLVMDisposeModule(s->crate);
	/* Lazy modules read from the helpers' data until they are gone. */
	for (i = 0; s->helpers && i < s->o->nhelpers; i++) {
		input_release(&s->helpers[i].in);
		strmap_release(&s->helpers[i].defines);
	}
	free(s->helpers);
	strmap_release(&s->crate_defined);
	strmap_release(&s->crate_strong);
	strmap_release(&s->wanted);
	strmap_release(&s->owner);
	strmap_release(&s->imported);
	LLVMContextDispose(s->ctx);
	diag_subject(&s->diag, NULL);
	buf_release(&s->diag.errors);
	buf_release(&s->helper_names);
}

int
llvm_link(const struct link_options *o, struct buf *out)
{
	struct session s;
	int ret = -1;

	memset(&s, 0, sizeof(s));
	s.o = o;
	capture_begin(NULL);
	s.ctx = LLVMContextCreate();
	diag_install(s.ctx, &s.diag);
	if (load_crates(&s) < 0 || codegen_init(&s.cg, s.crate, o) < 0 ||
	    import_helpers(&s) < 0 || finish_import(&s) < 0)
		goto out;
	if (o->verify) {
		char *msg = NULL;

		if (LLVMVerifyModule(s.crate, LLVMReturnStatusAction, &msg)) {
			error("internal error: the linked module is invalid: %s",
			      msg ? msg : "");
			LLVMDisposeMessage(msg);
			goto out;
		}
		LLVMDisposeMessage(msg);
	}
	ret = codegen_emit(&s.cg, s.crate, o, &s.diag, out);
out:
	session_release(&s);
	capture_end();
	return ret;
}
