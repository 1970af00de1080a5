/* link_run.c: doing what "helperlink link" is asked; see link_args.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "bitcode.h"
#include "file.h"
#include "guard.h"
#include "link_args.h"
#include "map.h"
#include "msg.h"
#include "proc.h"
#include "rename.h"
#include "symlist.h"
#include "temp.h"
#include "toolchain.h"
#include "util.h"

/* The renamings the arguments ask for, read into r; -1 after printing
 * why. */
static int
read_renames(const struct link_args *a, struct renames *r)
{
	size_t i;

	for (i = 0; i < a->nredefine_sym; i++)
		if (renames_add_arg(r, a->redefine_sym[i]) < 0)
			return -1;
	for (i = 0; i < a->nredefine_syms; i++)
		if (renames_read(r, a->redefine_syms[i]) < 0)
			return -1;
	return 0;
}

/*
 * --header: write the wrappers of the headers' inline functions (as
 * "helperlink gen" does) and compile them with the C compiler into
 * bitcode, one more helper file.  Both files are temporary, beside the
 * output; their names are left in c and bc for the caller to remove.
 */
static int
header_helpers(const struct link_args *a, struct buf *c, struct buf *bc)
{
	const char *cc = toolchain_cc(), **argv = NULL;
	struct buf src = BUF_INIT;
	size_t n = 0, i;
	int ret = -1;

	if (gen_run(&a->gen, cc, 0, &src) < 0 ||
	    temp_beside(a->o.output, src.data, src.len, c) < 0 ||
	    temp_beside(a->o.output, "", 0, bc) < 0)
		goto out;
	/* The headers are found as gen found them: from here, then -I. */
	strlist_push(&argv, &n, cc);
	strlist_push(&argv, &n, "-O2");
	strlist_push(&argv, &n, "-iquote");
	strlist_push(&argv, &n, ".");
	for (i = 0; i < a->gen.flags.n; i++)
		strlist_push(&argv, &n, a->gen.flags.v[i]);
	strlist_push(&argv, &n, "-c");
	strlist_push(&argv, &n, "-emit-llvm");
	strlist_push(&argv, &n, "-x");
	strlist_push(&argv, &n, "c");
	strlist_push(&argv, &n, c->data);
	strlist_push(&argv, &n, "-o");
	strlist_push(&argv, &n, bc->data);
	strlist_push(&argv, &n, NULL);
	if (run_command((char *const *)argv) != 0) {
		error("'%s': %s cannot compile the helpers written for it",
		      a->gen.headers[0], cc);
		goto out;
	}
	ret = 0;
out:
	free(argv);
	buf_release(&src);
	return ret;
}

/* What a guarded link gives back: the output, then the report. */
struct engine_run {
	const struct link_options *o;
	const char *llvm;
};

/* In the guarded child: load libLLVM, link, print the report; out holds
 * the output's length (8 bytes, little-endian), the output, the text. */
static int
engine(void *arg, struct buf *out)
{
	const struct engine_run *e = arg;
	struct buf obj = BUF_INIT;
	unsigned char len[8];
	struct report rep;
	size_t i;
	int ret = 1;

	memset(&rep, 0, sizeof(rep));
	if (llvm_load(e->llvm, NULL) == 0 && llvm_link(e->o, &obj, &rep) == 0) {
		for (i = 0; i < 8; i++)
			len[i] = (unsigned char)((uint64_t)obj.len >> (8 * i));
		buf_add(out, len, sizeof(len));
		buf_add(out, obj.data, obj.len);
		report_print(&rep, e->o->report_json, out);
		ret = 0;
	}
	buf_release(&obj);
	report_release(&rep);
	return ret;
}

/* Link in a child process (guard.h), so that a crash inside LLVM is one
 * line naming the input, and split what it gives back. */
static int
guarded_link(const struct link_options *o, const char *llvm, struct buf *out,
             struct buf *text)
{
	struct engine_run e = {o, llvm};
	struct buf all = BUF_INIT;
	uint64_t n = 0;
	size_t i;

	if (guard_run(engine, &e, &all) != 0 || all.len < 8) {
		buf_release(&all);
		return -1;
	}
	for (i = 0; i < 8; i++)
		n |= (uint64_t)(unsigned char)all.data[i] << (8 * i);
	if (n > all.len - 8) {
		buf_release(&all);
		return error("'%s': the link's result was cut short", o->output);
	}
	buf_add(out, all.data + 8, (size_t)n);
	buf_add(text, all.data + 8 + n, all.len - 8 - (size_t)n);
	buf_release(&all);
	return 0;
}

/* Each bitcode input is a regular file that starts as bitcode: checked
 * before libLLVM is even loaded.  -1 after printing why. */
static int
check_bitcode_inputs(const struct link_options *o)
{
	size_t i, n = o->ncrates + o->nhelpers;

	for (i = 0; i < n; i++) {
		int crate = i < o->ncrates;
		const char *path = crate ? o->crates[i] : o->helpers[i - o->ncrates];
		const char **names = crate ? o->crate_names : o->helper_names;
		const char *name = names ? names[crate ? i : i - o->ncrates] : path;
		unsigned char head[4];

		if (check_input(path) < 0)
			return -1;
		if (read_prefix(path, head, sizeof(head)) >= 0 &&
		    !bc_magic(head, sizeof(head)))
			return error("cannot read '%s': not LLVM bitcode", name);
	}
	return 0;
}

int
link_run(struct link_args *a, struct buf *out, struct buf *text)
{
	struct strmap exports = STRMAP_INIT;
	struct renames renames = RENAMES_INIT;
	struct buf hc = BUF_INIT, hbc = BUF_INIT;
	struct link_options o = a->o;
	size_t i;
	int ret = -1;

	/* The helpers of this run: the user's, and those of --header. */
	o.helpers = NULL;
	o.nhelpers = 0;
	for (i = 0; i < a->o.nhelpers; i++)
		strlist_push(&o.helpers, &o.nhelpers, a->o.helpers[i]);
	if (a->gen.nheaders > 0) {
		if (header_helpers(a, &hc, &hbc) < 0)
			goto out;
		strlist_push(&o.helpers, &o.nhelpers, hbc.data);
	}
	if (a->exports) {
		if (symlist_read(a->exports, &exports) < 0)
			goto out;
		o.exports = &exports;
		o.exports_name = a->exports;
	}
	if (read_renames(a, &renames) < 0)
		goto out;
	if (renames.to.n)
		o.renames = &renames;
	if (check_bitcode_inputs(&o) < 0 || guarded_link(&o, a->llvm, out, text) < 0)
		goto out;
	ret = 0;
out:
	free(o.helpers);
	strmap_release(&exports);
	renames_release(&renames);
	if (hc.data)
		temp_remove(hc.data);
	if (hbc.data)
		temp_remove(hbc.data);
	buf_release(&hc);
	buf_release(&hbc);
	return ret;
}
