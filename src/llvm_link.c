/*
 * llvm_link.c: the engine of "helperlink link".
 *
 * 1. The crate modules are read and linked into one.
 * 2. The helpers the crate calls are imported into a separate module
 *    (llvm_import.c), which is linked into the crate; the helpers then get
 *    internal linkage, so that the object defines none of them.
 * 3. The helpers are inlined and the functions that called them cleaned
 *    up (llvm_opt.c); what was imported and is no longer used is deleted.
 * 4. Code generation (llvm_codegen.c).
 *
 * LLVMLinkModules2() frees the crate's declarations of the helpers it
 * defines, and new values may take their addresses, so values are
 * remembered by name from one step to the next.
 */
#include <stdlib.h>
#include <string.h>

#include "bitcode.h"
#include "llvm_int.h"

int
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

LLVMModuleRef
input_parse(struct session *s, struct input *in, int lazy)
{
	LLVMMemoryBufferRef mb;
	LLVMModuleRef m = NULL;
	LLVMBool failed;

	mb = LLVMCreateMemoryBufferWithMemoryRange(in->data.data, in->data.len,
	                                           in->path, 0);
	diag_subject(&s->diag, in->path);
	if (lazy) {
		/* On success the module owns mb, which reads in->data. */
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

int
link_into(struct session *s, LLVMModuleRef dest, LLVMModuleRef src,
          const char *src_path, const char *dest_path)
{
	diag_subject(&s->diag, src_path);
	if (LLVMLinkModules2(dest, src) || diag_failed(&s->diag))
		return error("cannot link '%s' into '%s': %s", src_path, dest_path,
		             diag_take(&s->diag, "the IR linker failed"));
	return 0;
}

struct helper_info *
helper_info(struct session *s, const char *name, struct helper_file *hf)
{
	struct helper_info *info = strmap_get(&s->info, name);

	if (!info) {
		info = xcalloc(1, sizeof(*info));
		info->size = -1;
		strmap_put(&s->info, name, info);
		info->name = strmap_keys_find(&s->info, name);
	}
	if (!info->file)
		info->file = hf;
	return info;
}

int
session_wants(const struct session *s, const char *name)
{
	return s->report_mode || strmap_get(&s->crate_wants, name) != NULL;
}

void
helper_why_not(struct session *s, const char *name, const char *why)
{
	struct helper_info *info = helper_info(s, name, NULL);

	if (!info->why_not)
		info->why_not = xstrdup(why);
}

static void
note_crate_symbol(LLVMValueRef v, void *arg)
{
	struct session *s = arg;
	LLVMLinkage l = LLVMGetLinkage(v);
	const char *name = value_name(v);

	if (!*name || l == LLVMAppendingLinkage)
		return;
	if (LLVMIsDeclaration(v)) {
		strmap_put(&s->crate_declared, name, v);
		if (is_function(v))
			strmap_put(&s->crate_wants, name, v);
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

		if (input_read(&in, o->crates[i]) < 0) {
			buf_release(&in.data);
			return -1;
		}
		m = input_parse(s, &in, 0);
		buf_release(&in.data);
		if (!m)
			return -1;
		if (!s->crate) {
			s->crate = m;
			s->crate_path = o->crates[i];
			continue;
		}
		if (target_unify(s, m, o->crates[i]) < 0 ||
		    target_check_flags(s, m, o->crates[i]) < 0) {
			LLVMDisposeModule(m);
			return -1;
		}
		if (link_into(s, s->crate, m, o->crates[i], s->crate_path) < 0)
			return -1;
	}
	each_global(s->crate, note_crate_symbol, s);
	return 0;
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
			caller = value_name(
			    LLVMGetBasicBlockParent(LLVMGetInstructionParent(user)));
			if (strmap_get(&s->crate_defined, caller))
				strmap_put(changed, caller, f);
		}
	}
}

/*
 * A helper whose address the crate takes must keep its identity: the
 * address is the C object's.  Its name becomes an external declaration
 * again, and only the direct calls go to the copy, which is renamed.
 */
static void
keep_address(LLVMModuleRef m, LLVMValueRef f)
{
	LLVMValueRef d, user;
	LLVMUseRef u, next;
	char *name, *copy;
	int taken = 0;

	for (u = LLVMGetFirstUse(f); u && !taken; u = LLVMGetNextUse(u))
		taken = !is_callee(u);
	if (!taken)
		return;
	name = xstrdup(value_name(f));
	copy = xasprintf("%s" COPY_SUFFIX, name);
	d = LLVMAddFunction(m, "", LLVMGlobalGetValueType(f));
	LLVMReplaceAllUsesWith(f, d);
	for (u = LLVMGetFirstUse(d); u; u = next) {
		next = LLVMGetNextUse(u);
		user = LLVMGetUser(u);
		if (is_callee(u))
			LLVMSetOperand(user, (unsigned)LLVMGetNumOperands(user) - 1, f);
	}
	LLVMSetValueName2(f, copy, strlen(copy));
	LLVMSetValueName2(d, name, strlen(name));
	free(copy);
	free(name);
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
report_not_inlined(struct session *s)
{
	size_t i;

	for (i = 0; i < s->imported.cap; i++) {
		struct helper_file *hf = s->imported.e[i].val;
		const char *name = s->imported.e[i].key;
		char *copy;
		LLVMValueRef f;

		if (!name)
			continue;
		copy = xasprintf("%s" COPY_SUFFIX, name);
		f = LLVMGetNamedFunction(s->crate, copy);
		free(copy);
		if (!f)
			f = LLVMGetNamedFunction(s->crate, name);
		if (f && !LLVMIsDeclaration(f) && LLVMGetFirstUse(f) &&
		    fn_has_attr(f, "alwaysinline")) {
			struct helper_info *info = helper_info(s, name, hf);

			helper_why_not(s, name, info->recursive
			               ? "recursion: LLVM could not inline it"
			               : "LLVM could not inline it");
			warn("'%s': '%s' stays a call: %s", hf->in.path, name,
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

/* Link the import into the crate, make the helpers local, and inline. */
static int
finish_import(struct session *s)
{
	struct strmap changed = STRMAP_INIT;
	size_t i, n;
	int ret;

	/* The kernel builds its helpers with -g0 for BTF's sake; this keeps
	 * the crate's debug info and drops only theirs.  Inlined code then
	 * takes the line of its call, as it would from -g0 helpers. */
	if (s->o->strip_helper_debug)
		LLVMStripModuleDebugInfo(s->import);
	ret = link_into(s, s->crate, s->import, s->helper_names.data,
	                s->crate_path);
	s->import = NULL;
	if (ret < 0)
		return -1;
	for (i = 0; i < s->imported.cap; i++) {
		LLVMValueRef f;

		if (!s->imported.e[i].key ||
		    !(f = LLVMGetNamedFunction(s->crate, s->imported.e[i].key)) ||
		    LLVMIsDeclaration(f))
			continue;
		LLVMSetLinkage(f, LLVMInternalLinkage);
		LLVMSetVisibility(f, LLVMDefaultVisibility);
		adapt_calls(s, f);
		keep_address(s->crate, f);
	}
	callers_of_helpers(s, &changed);
	/* A warning from here on is about the helpers' code: the crate's
	 * came from this LLVM, the helpers' from another. */
	diag_subject(&s->diag, s->helper_names.data);
	ret = opt_run(s->crate, &s->cg, s->o, &changed, &s->diag);
	strmap_release(&changed);
	if (ret < 0)
		return -1;
	do {
		n = count_globals(s->crate);
		each_global(s->crate, remove_if_dead, s);
	} while (count_globals(s->crate) != n);
	if (s->o->force_inline)
		report_not_inlined(s);
	return 0;
}

void
session_release(struct session *s)
{
	size_t i;

	codegen_release(&s->cg);
	if (s->import)
		LLVMDisposeModule(s->import);
	if (s->crate)
		LLVMDisposeModule(s->crate);
	for (i = 0; s->helpers && i < s->o->nhelpers; i++) {
		buf_release(&s->helpers[i].in.data);
		strmap_release(&s->helpers[i].defines);
	}
	free(s->helpers);
	strmap_release(&s->crate_defined);
	strmap_release(&s->crate_strong);
	strmap_release(&s->crate_wants);
	strmap_release(&s->owner);
	strmap_release(&s->imported);
	strmap_release(&s->crate_declared);
	strmap_release(&s->helper_refs);
	strmap_release(&s->used_names);
	for (i = 0; i < s->helper_refs_more.cap; i++)
		free(s->helper_refs_more.e[i].val);
	strmap_release(&s->helper_refs_more);
	for (i = 0; i < s->info.cap; i++) {
		struct helper_info *info = s->info.e[i].val;

		if (info) {
			free(info->why_not);
			free(info->note);
			free(info);
		}
	}
	strmap_release(&s->info);
	LLVMContextDispose(s->ctx);
	diag_subject(&s->diag, NULL);
	buf_release(&s->diag.errors);
	buf_release(&s->helper_names);
}

static int
verify(struct session *s)
{
	char *msg = NULL;
	int bad = LLVMVerifyModule(s->crate, LLVMReturnStatusAction, &msg);

	if (bad)
		error("internal error: the linked module is invalid: %s",
		      msg ? msg : "");
	LLVMDisposeMessage(msg);
	return bad ? -1 : 0;
}

int
llvm_link(const struct link_options *o, struct buf *out, struct report *rep)
{
	struct session s;
	int ret = -1;

	memset(&s, 0, sizeof(s));
	s.o = o;
	capture_begin(NULL);
	s.ctx = LLVMContextCreate();
	diag_install(s.ctx, &s.diag);
	if (load_crates(&s) < 0 || codegen_init(&s.cg, s.crate, o) < 0)
		goto out;
	if (o->nhelpers > 0 && import_helpers(&s) < 0)
		goto out;
	/* Nothing imported, nothing changed: the crate stays as rustc left it. */
	if (s.imported.n > 0 && finish_import(&s) < 0)
		goto out;
	if (link_report(&s, rep) < 0)
		goto out;
	if (o->renames && o->emit != EMIT_OBJ &&
	    ir_redefine(s.crate, o->renames, s.crate_path) < 0)
		goto out;
	if (o->verify && verify(&s) < 0)
		goto out;
	ret = codegen_emit(&s.cg, s.crate, o, &s.diag, out);
	if (ret == 0 && o->renames && o->emit == EMIT_OBJ)
		ret = elf_redefine(out, o->renames, o->output);
out:
	session_release(&s);
	capture_end();
	return ret;
}
