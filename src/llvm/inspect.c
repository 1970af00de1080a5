/*
 * llvm/inspect.c: "helperlink report" on a file someone else built: the
 * references of an object or bitcode file, with the helpers as the
 * helper bitcode, the prefixes and the lists define them, and the reasons
 * explain.c finds; and the calls of a file, for report --diff.
 */
#include <stdlib.h>
#include <string.h>

#include "../demangle.h"
#include "../file.h"
#include "../guard.h"
#include "../bitcode.h"
#include "../report.h"
#include "engine.h"

/* The session's crate for a report: a module holding no code, with the
 * target of the bitcode file path, named file; -1 after printing why. */
static int
empty_crate(struct session *s, const char *path, const char *file)
{
	struct bc_file in = {NULL, NULL, BUF_INIT};
	LLVMModuleRef m = NULL;
	int ret = -1;

	if (session_read(&in, path, NULL) == 0)
		m = session_parse(s, &in, 1);
	if (m) {
		s->crate = LLVMModuleCreateWithNameInContext(in.name, s->ctx);
		LLVMSetTarget(s->crate, LLVMGetTarget(m));
		LLVMSetDataLayout(s->crate, LLVMGetDataLayoutStr(m));
		s->crate_path = file;
		LLVMDisposeModule(m);
		ret = 0;
	}
	buf_release(&in.data);
	return ret;
}

/* Whether name is a helper by --helper-prefix or --helper-list.  A prefix
 * matches C function names only, not "rust_helper_count.calls", the
 * name clang gives to a static variable of rust_helper_count. */
static int
matches(const struct report_options *ro, const char *name)
{
	size_t i;

	for (i = 0; i < ro->nprefixes; i++)
		if (startswith(name, ro->prefixes[i]) &&
		    !name[strspn(name, "abcdefghijklmnopqrstuvwxyz"
		                       "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")])
			return 1;
	return ro->list && strmap_get(ro->list, name) != NULL;
}

/* A function of a linked file that has several names (a helper that is
 * an alias, or shares its code with an identical function) is referred
 * to under the first: name the helper instead, if one of them is. */
static void
prefer_helper(const struct report_options *ro, const struct code_refs *refs,
              struct code_ref *c, const struct strmap *info)
{
	const char *names = strmap_get(&refs->aliases, c->symbol), *end;

	if (!names || matches(ro, c->symbol) || strmap_get(info, c->symbol))
		return;
	for (; (end = strchr(names, '\n')) != NULL; names = end + 1) {
		char *name = xstrndup(names, (size_t)(end - names));

		if (matches(ro, name) || strmap_get(info, name)) {
			free(c->symbol);
			c->symbol = name;
			return;
		}
		free(name);
	}
}

/* Refuse, by its first bytes, a file that is neither ELF, nor bitcode,
 * nor an archive (which the object reader names), before reading it all. */
static int
check_kind(const char *path)
{
	unsigned char head[8];
	long n;

	if (check_input(path) < 0)
		return -1;
	n = read_prefix(path, head, sizeof(head));
	if (n < 0)
		return error("cannot open '%s':", path);
	if ((n >= 4 && memcmp(head, "\177ELF", 4) == 0) ||
	    bc_magic(head, (size_t)n) ||
	    (n == 8 && memcmp(head, "!<arch>\n", 8) == 0))
		return 0;
	return error("cannot read '%s': not an ELF object or LLVM bitcode", path);
}

/*
 * The references in in->path, an object or a bitcode file.  A bitcode
 * module is left in *m, for explain() to read.  -1 after printing why.
 */
static int
file_refs(struct session *s, struct bc_file *in, LLVMModuleRef *m,
          struct code_refs *refs)
{
	int ret = -1;

	diag_subject(&s->diag, in->path);
	if (check_kind(in->path) < 0 || read_file(in->path, &in->data) < 0)
		goto out;
	if (bc_is_bitcode((const unsigned char *)in->data.data, in->data.len)) {
		buf_release(&in->data);
		if (session_read(in, in->path, NULL) < 0 ||
		    !(*m = session_parse(s, in, 0)))
			goto out;
		refs_module(*m, refs);
		notes_read_module(*m, &refs->notes);
		ret = 0;
	} else {
		guard_note("LLVM", "disassembling", in->path);
		ret = refs_object(in->path, &in->data, refs);
	}
out:
	diag_subject(&s->diag, NULL);
	return ret;
}

/* The helpers the helper bitcode defines, imported into s as a report
 * imports them: all of them, changing nothing. */
static int
read_helpers(struct session *s, const struct report_options *ro)
{
	if (ro->nhelpers == 0)
		return 0;
	return empty_crate(s, ro->helpers[0], ro->file) < 0 ? -1 : import_helpers(s);
}

/* Which calls of refs a link with --inline-from would inline. */
static int
read_cross(struct session *s, const struct report_options *ro,
           const struct code_refs *refs)
{
	if (!s->crate && empty_crate(s, ro->inline_from[0], ro->file) < 0)
		return -1;
	return cross_report(s, refs);
}

/* The symbols helper code uses that the file needs from elsewhere. */
static void
add_refs(struct report *rep, struct session *s, const struct code_refs *refs,
         const struct strmap *helpers)
{
	size_t i;

	for (i = 0; i < refs->undefined.cap; i++) {
		const char *sym = refs->undefined.e[i].key, *more;
		const struct helper_info *hi;

		if (!sym || !(hi = strmap_get(&s->helper_refs, sym)) ||
		    strmap_get(helpers, sym))
			continue;
		if ((more = strmap_get(&s->helper_refs_more, sym)) != NULL) {
			char *all = xasprintf("%s, %s", hi->name, more);

			report_add_ref(rep, sym, all);
			free(all);
		} else {
			report_add_ref(rep, sym, hi->name);
		}
	}
}

int
llvm_report(const struct report_options *ro, struct report *rep)
{
	struct link_options lo;
	struct session s;
	struct strmap helpers = STRMAP_INIT;
	struct code_refs refs;
	struct bc_file file = {NULL, NULL, BUF_INIT};
	LLVMModuleRef m = NULL;
	size_t i;
	int ret = -1;

	memset(&lo, 0, sizeof(lo));
	memset(&refs, 0, sizeof(refs));
	lo.helpers = ro->helpers;
	lo.nhelpers = ro->nhelpers;
	lo.force_inline = 1;
	lo.force_inline_max = ro->force_inline_max;
	lo.output = ro->file;
	lo.inline_from = ro->inline_from;
	lo.ninline_from = ro->ninline_from;
	lo.inline_from_max = ro->inline_from_max;
	lo.exports = ro->exports;
	lo.exports_name = ro->exports_name;
	file.path = ro->file;
	session_begin(&s, &lo, NULL);
	s.report_mode = 1;
	if (read_helpers(&s, ro) < 0)
		goto out;
	for (i = 0; i < s.info.cap; i++)
		if (s.info.e[i].key)
			strmap_put(&helpers, s.info.e[i].key, (void *)1);
	if (file_refs(&s, &file, &m, &refs) < 0 ||
	    (ro->ninline_from && read_cross(&s, ro, &refs) < 0))
		goto out;
	/* An object: what code generation makes the helpers' code use is
	 * among what it needs (add_refs()). */
	if (!m && s.crate && codegen_init(&s.cg, s.crate, ro->file, &lo) == 0)
		describe_libcalls(&s);
	for (i = 0; i < refs.n; i++) {
		prefer_helper(ro, &refs, &refs.v[i], &s.info);
		if (matches(ro, refs.v[i].symbol))
			strmap_put(&helpers, refs.v[i].symbol, (void *)1);
	}
	rep->file = xstrdup(ro->file);
	explain_calls(rep, &refs, &helpers, &s.helper_locals, &s.info, m,
	              s.import, 0);
	explain_helpers(rep, &s.info);
	add_refs(rep, &s, &refs, &helpers);
	cross_explain(&s, &refs, rep);
	report_finish(rep, ro->exports);
	ret = explain_errors(rep, ro->file, ro->exports_name, ro->require_inlined,
	                     0);
out:
	if (m)
		LLVMDisposeModule(m);
	buf_release(&file.data);
	refs_release(&refs);
	strmap_release(&helpers);
	codegen_release(&s.cg);
	session_end(&s);
	return ret;
}

int
llvm_call_edges(const char *path, struct diff_edge **edges, size_t *n)
{
	struct link_options lo;
	struct code_refs refs;
	struct session s;
	struct bc_file f = {NULL, NULL, BUF_INIT};
	LLVMModuleRef m = NULL;
	size_t i;
	int ret = -1;

	memset(&lo, 0, sizeof(lo));
	memset(&refs, 0, sizeof(refs));
	*edges = NULL;
	*n = 0;
	f.path = path;
	session_begin(&s, &lo, path);
	if (file_refs(&s, &f, &m, &refs) < 0)
		goto out;
	*edges = xcalloc(refs.n + 1, sizeof(**edges));
	for (i = 0; i < refs.n; i++) {
		if (refs.v[i].address)
			continue;
		(*edges)[*n].function = demangle(refs.v[i].function);
		(*edges)[*n].callee = demangle(refs.v[i].symbol);
		(*n)++;
	}
	diff_sort(*edges, *n);
	ret = 0;
out:
	if (m)
		LLVMDisposeModule(m);
	buf_release(&f.data);
	refs_release(&refs);
	session_end(&s);
	return ret;
}
