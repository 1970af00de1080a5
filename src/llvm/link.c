/*
 * llvm/link.c: the engine of "helperlink link", from the crate's bitcode
 * to its object, and of the plugin inside rustc, from rustc's module to
 * the same module with the helpers inlined (llvm_link_hosted(): rustc
 * optimizes and compiles it then).  llvm_link() at the bottom reads as
 * the steps:
 *
 *   read         the crate modules, linked into one
 *   cross        with --inline-from, copies of the small functions of
 *                other Rust crates that the crate calls (cross.c)
 *   import       the helpers the crate calls, into a module of their own
 *                (import.c), linked into the crate
 *   internalize  the helpers become local, calls of another type are
 *                rebuilt (internalize.c, signature.c)
 *   inline       and optimize (passes.c); what was imported and is no
 *                longer used is deleted
 *   report       what became of each helper (explain.c)
 *   emit         renaming (redefine.c), with --verify LLVM's verifier,
 *                code generation (codegen.c)
 *
 * LLVMLinkModules2() frees the crate's declarations of the helpers it
 * defines, and new values may take their addresses, so values are
 * remembered by name from one step to the next.
 */
#include <stdlib.h>
#include <string.h>

#include "../guard.h"
#include "engine.h"

/* Read the crate modules and link them into one. */
static int
read_crates(struct session *s)
{
	const struct link_options *o = s->o;
	size_t i;

	for (i = 0; i < o->ncrates; i++) {
		struct bc_file f = {NULL, NULL, BUF_INIT};
		const char *name = o->crate_names ? o->crate_names[i] : o->crates[i];
		LLVMModuleRef m;

		if (session_read(&f, o->crates[i], name) < 0) {
			buf_release(&f.data);
			return -1;
		}
		m = session_parse(s, &f, 0);
		buf_release(&f.data);
		if (!m)
			return -1;
		if (!s->crate) {
			s->crate = m;
			s->crate_path = name;
			continue;
		}
		if (unify_target(s, m, name) < 0 || unify_flags(s, m, name) < 0) {
			LLVMDisposeModule(m);
			return -1;
		}
		if (session_link(s, s->crate, m, name, s->crate_path) < 0)
			return -1;
	}
	session_note_crate(s);
	return 0;
}

/* Link the import into the crate, which then owns it. */
static int
link_import(struct session *s)
{
	int ret;

	/* The kernel builds its helpers with -g0 for BTF's sake; this keeps
	 * the crate's debug info and drops only theirs.  Inlined code then
	 * takes the line of its call, as it would from -g0 helpers. */
	if (s->o->strip_helper_debug)
		LLVMStripModuleDebugInfo(s->import);
	ret = session_link(s, s->crate, s->import, s->helper_names.data,
	                   s->crate_path);
	s->import = NULL;
	return ret;
}

/* Inline the helpers and clean up the functions that called them. */
static int
inline_helpers(struct session *s, const struct strmap *callers)
{
	struct strmap again = STRMAP_INIT;

	/* A warning from here on is about the helpers' code: the crate's
	 * came from this LLVM, the helpers' from another. */
	diag_subject(&s->diag, s->helper_names.data);
	guard_note("LLVM", "inlining helpers into", s->crate_path);
	if (passes_inline(s->crate, &s->cg, s->o, &s->diag) < 0 ||
	    passes_optimize(s->crate, &s->cg, s->o, callers, &s->diag) < 0)
		return -1;
	cross_finish(s);
	/* Calls that the cleanup made direct, once more; a whole pipeline
	 * has inlined what it could. */
	if (internalize_rebind(s, &again) > 0 &&
	    (passes_inline(s->crate, &s->cg, s->o, &s->diag) < 0 ||
	     passes_optimize(s->crate, &s->cg, s->o, &again, &s->diag) < 0)) {
		strmap_release(&again);
		return -1;
	}
	strmap_release(&again);
	internalize_finish(s);
	return 0;
}

static int
verify(struct session *s)
{
	char *why = ir_verify(s->crate);

	if (why)
		error("internal error: the linked module is invalid: %s", why);
	free(why);
	return why ? -1 : 0;
}

/* Rename (in IR, or in the object after code generation, which reaches
 * the library calls it creates), verify with --verify, and emit. */
static int
emit(struct session *s, struct buf *out)
{
	const struct link_options *o = s->o;
	struct buf from = BUF_INIT;
	int ret;

	if (o->renames && o->emit != EMIT_OBJ &&
	    redefine_ir(s->crate, o->renames, s->crate_path) < 0)
		return -1;
	notes_embed(s, o);
	guard_note("LLVM", "compiling", o->output);
	buf_addstr(&from, s->crate_path);
	if (s->imported.n)
		buf_addf(&from, "', '%s", s->helper_names.data);
	/* What code generation says (and its fatal errors) is about all of
	 * them. */
	diag_subject(&s->diag, from.data);
	ret = (o->verify && verify(s) < 0) ||
	      codegen_emit(&s->cg, s->crate, o, from.data, &s->diag, out) < 0;
	diag_subject(&s->diag, NULL);
	buf_release(&from);
	if (ret)
		return -1;
	if (o->renames && o->emit == EMIT_OBJ)
		return elf_redefine(out, o->renames, o->output);
	return 0;
}

/* What both entry points do to the crate: import, link, internalize,
 * inline, report. */
static int
link_helpers(struct session *s, struct report *rep)
{
	struct strmap callers = STRMAP_INIT;
	int ret = -1;

	if (codegen_init(&s->cg, s->crate, s->crate_path, s->o) < 0)
		goto out;
	/* Other crates' code first: it may call helpers. */
	if (s->o->ninline_from > 0 && cross_import(s, &callers) < 0)
		goto out;
	if (s->o->nhelpers > 0 && import_helpers(s) < 0)
		goto out;
	/* Only an object of the link's own shows what code generation adds. */
	if (!s->hosted && s->o->emit == EMIT_OBJ)
		describe_libcalls(s);
	/* Nothing imported, nothing changed: the crate stays as rustc left it. */
	if (s->imported.n > 0 && link_import(s) < 0)
		goto out;
	if (s->imported.n > 0)
		internalize(s, &callers);
	if ((s->imported.n > 0 || s->cross.n > 0) && inline_helpers(s, &callers) < 0)
		goto out;
	explain_link(s, rep);
	ret = 0;
out:
	strmap_release(&callers);
	return ret;
}

int
llvm_link(const struct link_options *o, struct buf *out, struct report *rep)
{
	struct session s;
	int ret = -1;

	session_begin(&s, o, NULL);
	/* What the object needs is known once it is written. */
	if (read_crates(&s) == 0 && link_helpers(&s, rep) == 0 &&
	    emit(&s, out) == 0 &&
	    (s.libcalls.n == 0 || explain_object(&s, rep, out) == 0))
		ret = explain_check(&s, rep);
	codegen_release(&s.cg);
	session_end(&s);
	return ret;
}

/* A helper's name, and the C name a crate may call it by. */
static void
note_helper_name(struct strmap *names, const char *name)
{
	char *c = import_wrapped_name(name);

	strmap_put(names, name, (void *)1);
	if (c)
		strmap_put(names, c, (void *)1);
	free(c);
}

int
llvm_calls_any(void *module, const struct strmap *names,
               const struct strmap *except)
{
	LLVMValueRef f;

	for (f = LLVMGetFirstFunction(module); f; f = LLVMGetNextFunction(f))
		if (LLVMIsDeclaration(f) && LLVMGetFirstUse(f) &&
		    strmap_get(names, value_name(f)) && !strmap_get(except, value_name(f)))
			return 1;
	return 0;
}

int
llvm_link_hosted(void *crate, const struct link_options *o, struct report *rep,
                 struct strmap *functions)
{
	struct session s;
	size_t i, k;
	int ret;

	session_begin_hosted(&s, o, (LLVMModuleRef)crate);
	session_note_crate(&s);
	ret = link_helpers(&s, rep);
	if (ret == 0)
		ret = explain_check(&s, rep);
	for (i = 0; functions && functions->n == 0 && s.helpers && i < o->nhelpers; i++)
		for (k = 0; k < s.helpers[i].defines.cap; k++)
			if (s.helpers[i].defines.e[k].key)
				note_helper_name(functions, s.helpers[i].defines.e[k].key);
	codegen_release(&s.cg);
	session_end(&s);
	return ret;
}
