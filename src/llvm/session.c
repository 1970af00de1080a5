/*
 * llvm/session.c: the bottom of the engine.  A session is one link or one
 * report: an LLVM context with its diagnostic handler, standard error
 * captured meanwhile, the bitcode it reads and links, and what it learns
 * about each helper.  Every step above uses these; they call nothing
 * above them.
 */
#include <stdlib.h>
#include <string.h>

#include "../bitcode.h"
#include "../capture.h"
#include "../file.h"
#include "../guard.h"
#include "engine.h"

void
session_begin(struct session *s, const struct link_options *o,
              const char *subject)
{
	memset(s, 0, sizeof(*s));
	s->o = o;
	capture_begin(subject);
	s->ctx = LLVMContextCreate();
	diag_install(s->ctx, &s->diag);
}

void
session_begin_hosted(struct session *s, const struct link_options *o,
                     LLVMModuleRef crate)
{
	memset(s, 0, sizeof(*s));
	s->o = o;
	s->hosted = 1;
	s->ctx = LLVMGetModuleContext(crate);
	s->crate = crate;
	s->crate_path = o->output;
	diag_install(s->ctx, &s->diag);
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

void
session_note_crate(struct session *s)
{
	each_global(s->crate, note_crate_symbol, s);
}

static void
free_helper_info(struct strmap *info)
{
	size_t i;

	for (i = 0; i < info->cap; i++) {
		struct helper_info *hi = info->e[i].val;

		if (hi) {
			free(hi->why_not);
			free(hi->note);
			free(hi);
		}
	}
	strmap_release(info);
}

void
session_end(struct session *s)
{
	size_t i;

	if (s->import)
		LLVMDisposeModule(s->import);
	if (s->crate && !s->hosted)
		LLVMDisposeModule(s->crate);
	for (i = 0; s->helpers && i < s->o->nhelpers; i++) {
		buf_release(&s->helpers[i].file.data);
		strmap_release(&s->helpers[i].defines);
	}
	free(s->helpers);
	for (i = 0; s->cross_files && i < s->o->ninline_from; i++)
		buf_release(&s->cross_files[i].data);
	free(s->cross_files);
	for (i = 0; i < s->cross.cap; i++) {
		struct cross_info *ci = s->cross.e[i].val;

		if (ci) {
			free(ci->why_not);
			free(ci);
		}
	}
	strmap_release(&s->cross);
	strmap_release(&s->cross_refs);
	strmap_release(&s->crate_defined);
	strmap_release(&s->crate_strong);
	strmap_release(&s->crate_wants);
	strmap_release(&s->owner);
	strmap_release(&s->imported);
	strmap_release(&s->crate_declared);
	strmap_release(&s->helper_refs);
	strmap_release(&s->used_names);
	strmap_release(&s->code_owner);
	strmap_release(&s->helper_locals);
	strmap_release(&s->libcalls);
	for (i = 0; i < s->helper_refs_more.cap; i++)
		free(s->helper_refs_more.e[i].val);
	strmap_release(&s->helper_refs_more);
	free_helper_info(&s->info);
	if (!s->hosted)
		LLVMContextDispose(s->ctx);
	diag_release(&s->diag);
	buf_release(&s->helper_names);
	if (!s->hosted)
		capture_end();
}

int
session_read(struct bc_file *f, const char *path, const char *name)
{
	struct llvm_version have = llvm_version(), made;
	unsigned char head[20];
	struct bc_ident id;
	enum bc_status st;
	char v1[32], v2[32];
	long n;
	size_t where;

	f->path = path;
	f->name = name = name ? name : path;
	/* The magic number first: no need to read gigabytes of something
	 * else. */
	n = read_prefix(path, head, sizeof(head));
	if (n >= 0 && !bc_magic(head, (size_t)n))
		return error("cannot read '%s': not LLVM bitcode", name);
	if (read_file(path, &f->data) < 0)
		return -1;
	st = bc_identify((const unsigned char *)f->data.data, f->data.len, &id);
	if (st != BC_OK)
		return error("cannot read '%s': %s", name, bc_status_str(st));
	st = bc_check((const unsigned char *)f->data.data, f->data.len, &where);
	if (st != BC_OK)
		return error("cannot read '%s': %s (at byte %zu)", name,
		             bc_status_str(st), where);
	if (!id.found || version_from_producer(id.producer, &made) < 0)
		return 0;  /* older than LLVM 3.8, or an unknown producer */
	if (!version_can_read(&have, &made))
		return error("cannot read '%s': bitcode was produced by LLVM %s, "
		             "this LLVM is %s", name, version_str(&made, v1),
		             version_str(&have, v2));
	return 0;
}

LLVMModuleRef
session_parse(struct session *s, struct bc_file *f, int lazy)
{
	LLVMMemoryBufferRef mb;
	LLVMModuleRef m = NULL;
	LLVMBool failed;
	char *why;

	mb = LLVMCreateMemoryBufferWithMemoryRange(f->data.data, f->data.len,
	                                           f->name, 0);
	diag_subject(&s->diag, f->name);
	guard_note("LLVM", "reading", f->name);
	if (lazy) {
		/* On success the module owns mb, which reads f->data. */
		failed = LLVMGetBitcodeModuleInContext2(s->ctx, mb, &m);
		if (failed)
			LLVMDisposeMemoryBuffer(mb);
	} else {
		failed = LLVMParseBitcodeInContext2(s->ctx, mb, &m);
		LLVMDisposeMemoryBuffer(mb);
	}
	if (failed) {
		error("cannot read '%s': %s", f->name,
		      diag_take(&s->diag, "invalid bitcode"));
		return NULL;
	}
	/* The reader accepts IR that the verifier would not, and the steps
	 * after this one count on valid IR. */
	if ((why = ir_verify(m)) != NULL) {
		error("'%s': invalid bitcode: %s", f->name, why);
		free(why);
		LLVMDisposeModule(m);
		return NULL;
	}
	return m;
}

int
session_link(struct session *s, LLVMModuleRef dest, LLVMModuleRef src,
             const char *src_path, const char *dest_path)
{
	diag_subject(&s->diag, src_path);
	guard_note("LLVM", "linking", src_path);
	if (LLVMLinkModules2(dest, src) || diag_failed(&s->diag))
		return error("cannot link '%s' into '%s': %s", src_path, dest_path,
		             diag_take(&s->diag, "the IR linker failed"));
	return 0;
}

struct helper_info *
session_helper(struct session *s, const char *name, struct helper_file *hf)
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

void
session_why_not(struct session *s, const char *name, const char *why)
{
	struct helper_info *info = session_helper(s, name, NULL);

	if (!info->why_not)
		info->why_not = xstrdup(why);
}

int
session_wants(const struct session *s, const char *name)
{
	return s->report_mode || strmap_get(&s->crate_wants, name) != NULL;
}
