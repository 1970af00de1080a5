/*
 * cmd_report.c: "helperlink report", which shows what is left of the
 * helpers in an object or bitcode file, and why; or, with --diff, which
 * calls changed between two builds of the same code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "guard.h"
#include "llvm.h"
#include "map.h"
#include "msg.h"
#include "opt.h"
#include "report.h"
#include "symlist.h"
#include "util.h"

static const char report_head[] =
	"usage: helperlink report [OPTIONS] FILE.o|FILE.bc\n"
	"       helperlink report --diff [--format=text|json] A.o B.o\n"
	"\n"
	"List every call of a helper, and every use of a helper's address, left in\n"
	"FILE, with the calling function and, when it can be told, the reason; the\n"
	"helpers, with their size in IR instructions; and the symbols that helper\n"
	"code makes FILE use.  With --diff, list per function the calls that\n"
	"disappeared (-) and appeared (+) from A to B.\n"
	"\n";

enum {
	REPORT_HELPERS = 1, REPORT_PREFIX, REPORT_LIST, REPORT_EXPORTS,
	REPORT_REQUIRE, REPORT_FORMAT, REPORT_DIFF, REPORT_LLVM, REPORT_INLINE_FROM,
	REPORT_INLINE_MAX, REPORT_FORCE_MAX, REPORT_HELP,
};

static const struct opt report_opts[] = {
	OPT("--helpers", REPORT_HELPERS, OPT_VALUE, "FILE",
	 "the functions this bitcode defines are helpers,\n"
	 "and it tells their sizes and reasons (repeatable)"),
	OPT("--helper-prefix", REPORT_PREFIX, OPT_VALUE, "=P",
	 "names starting with P are helpers (repeatable)"),
	OPT("--helper-list", REPORT_LIST, OPT_VALUE, "=FILE",
	 "the names in FILE, one per line, are helpers"),
	OPT("--exports", REPORT_EXPORTS, OPT_VALUE, "=LIST",
	 "fail if helper code makes FILE use a symbol that\n"
	 "LIST (Module.symvers, or one name per line) lacks;\n"
	 "needs --helpers"),
	OPT("--inline-from", REPORT_INLINE_FROM, OPT_VALUE, "FILE",
	 "list the calls of functions this Rust crate's\n"
	 "bitcode defines, and whether link --inline-from\n"
	 "would inline them (repeatable)"),
	OPT("--inline-from-max", REPORT_INLINE_MAX, OPT_VALUE, "=N",
	 "their bound in IR instructions (default 50)"),
	OPT("--force-inline-max", REPORT_FORCE_MAX, OPT_VALUE, "=N",
	 "the link's bound for forcing a helper inline (cc:\n"
	 "$HELPERLINK_FORCE_INLINE_MAX, 100): a larger one's\n"
	 "calls are those LLVM's inliner kept"),
	OPT("--require-inlined", REPORT_REQUIRE, OPT_FLAG, NULL,
	 "fail if a helper is still called (a use of its\n"
	 "address is listed, and is no failure)"),
	OPT("--format", REPORT_FORMAT, OPT_VALUE, "=text|json",
	 "the output's format (default text)"),
	OPT("--diff", REPORT_DIFF, OPT_FLAG, NULL, "compare the calls of two files"),
	OPT("--llvm", REPORT_LLVM, OPT_VALUE, "PATH",
	 "use this libLLVM instead of rustc's"),
	OPT("-h", REPORT_HELP, OPT_FLAG, NULL, NULL),
	OPT("--help", REPORT_HELP, OPT_FLAG, NULL, "show this help"),
	OPT_TABLE_END,
};

/* What "helperlink report" was asked. */
struct report_args {
	struct report_options ro;
	const char *llvm, *list, *exports;
	const char *files[2];
	size_t nfiles;
	int json, diff, help;
};

/* Print n bytes of text, and check that they got written. */
static int
print(const char *text, size_t n)
{
	fwrite(text, 1, n, stdout);
	fflush(stdout);
	if (ferror(stdout))
		return error("cannot write to standard output");
	return 0;
}

/*
 * In a guarded child (guard.h), so that a crash inside LLVM is one line
 * naming the file: the report, or the --diff, as text after a status
 * byte ('1' when the report shows a failure, which is printed too).
 */
static int
inspect(void *arg, struct buf *out)
{
	struct report_args *r = arg;
	struct diff_edge *ea = NULL, *eb = NULL;
	size_t na = 0, nb = 0;
	struct report rep;
	int failed;

	memset(&rep, 0, sizeof(rep));
	if (llvm_load(r->llvm, NULL) < 0)
		return 1;
	if (r->diff) {
		failed = llvm_call_edges(r->files[0], &ea, &na) < 0 ||
		         llvm_call_edges(r->files[1], &eb, &nb) < 0;
		buf_addch(out, failed ? '1' : '0');
		if (!failed)
			diff_print(r->files[0], ea, na, r->files[1], eb, nb, r->json, out);
		diff_edges_release(ea, na);
		diff_edges_release(eb, nb);
		return 0;
	}
	failed = llvm_report(&r->ro, &rep) < 0;
	buf_addch(out, failed ? '1' : '0');
	if (rep.file)
		report_print(&rep, r->json, out);
	report_release(&rep);
	return 0;
}

/* Parse the arguments into r; NULL, or what is wrong. */
static const char *
parse(int argc, char **argv, struct report_args *r, struct opt_parser *p)
{
	int id;

	opt_init(p, argc, argv);
	while ((id = opt_next(p, report_opts)) != OPT_DONE) {
		switch (id) {
		case OPT_ERROR: return p->err;
		case OPT_OPERAND:
			if (r->nfiles == LEN(r->files))
				return r->diff ? "--diff needs two files"
				               : "give one file to report on";
			r->files[r->nfiles++] = p->value;
			break;
		case REPORT_HELP: r->help = 1; return NULL;
		case REPORT_HELPERS:
			strlist_push(&r->ro.helpers, &r->ro.nhelpers, p->value);
			break;
		case REPORT_PREFIX:
			strlist_push(&r->ro.prefixes, &r->ro.nprefixes, p->value);
			break;
		case REPORT_LIST: r->list = p->value; break;
		case REPORT_EXPORTS: r->exports = p->value; break;
		case REPORT_REQUIRE: r->ro.require_inlined = 1; break;
		case REPORT_INLINE_FROM:
			strlist_push(&r->ro.inline_from, &r->ro.ninline_from, p->value);
			break;
		case REPORT_INLINE_MAX:
			if (parse_count(p->value, &r->ro.inline_from_max) < 0) {
				snprintf(p->err, sizeof(p->err), "'%s' is not a valid "
				         "value for --inline-from-max", p->value);
				return p->err;
			}
			break;
		case REPORT_FORCE_MAX:
			if (parse_count(p->value, &r->ro.force_inline_max) < 0) {
				snprintf(p->err, sizeof(p->err), "'%s' is not a valid "
				         "value for --force-inline-max", p->value);
				return p->err;
			}
			break;
		case REPORT_DIFF: r->diff = 1; break;
		case REPORT_LLVM: r->llvm = p->value; break;
		case REPORT_FORMAT:
			if (strcmp(p->value, "json") != 0 && strcmp(p->value, "text") != 0) {
				snprintf(p->err, sizeof(p->err), "'%s' is not a valid "
				         "value for --format", p->value);
				return p->err;
			}
			r->json = strcmp(p->value, "json") == 0;
			break;
		}
	}
	if (r->nfiles != (r->diff ? 2u : 1u))
		return r->diff ? "--diff needs two files" : "give one file to report on";
	if (r->diff && (r->ro.nhelpers || r->ro.nprefixes || r->list ||
	                r->exports || r->ro.require_inlined || r->ro.ninline_from))
		return "--diff compares all calls, and takes no helper, --exports "
		       "or --require-inlined option";
	if (!r->diff && r->ro.nhelpers == 0 && r->ro.nprefixes == 0 && !r->list &&
	    r->ro.ninline_from == 0)
		return "say which functions are helpers: --helpers, "
		       "--helper-prefix or --helper-list (or give --inline-from)";
	/* Which symbols helper code uses is read from the helpers' bitcode;
	 * with names alone there would be nothing to check. */
	if (r->exports && r->ro.nhelpers == 0 && r->ro.ninline_from == 0)
		return "--exports needs the helpers' bitcode (--helpers), which "
		       "tells what their code uses";
	return NULL;
}

int
cmd_report(int argc, char **argv, const char *llvm)
{
	struct strmap list = STRMAP_INIT, exports = STRMAP_INIT;
	struct report_args r;
	struct opt_parser p;
	struct buf out = BUF_INIT;
	const char *err;
	int ret = 1;

	memset(&r, 0, sizeof(r));
	r.llvm = llvm;
	r.ro.inline_from_max = 50;
	err = parse(argc, argv, &r, &p);
	if (r.help) {
		ret = opt_help(report_head, report_opts);
		goto out;
	}
	if (err)
		usage_error("report", "%s", err);
	if (r.list) {
		if (symlist_read(r.list, &list) < 0)
			goto out;
		r.ro.list = &list;
	}
	if (r.exports) {
		if (symlist_read(r.exports, &exports) < 0)
			goto out;
		r.ro.exports = &exports;
		r.ro.exports_name = r.exports;
	}
	r.ro.file = r.files[0];
	/* The report is printed even when it shows a failure. */
	if (guard_run(inspect, &r, &out) == 0 && out.len > 0) {
		ret = out.data[0] == '1';
		if (print(out.data + 1, out.len - 1) < 0)
			ret = 1;
	}
out:
	buf_release(&out);
	strmap_release(&list);
	strmap_release(&exports);
	free(r.ro.helpers);
	free(r.ro.prefixes);
	free(r.ro.inline_from);
	return ret;
}
