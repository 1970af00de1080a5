/*
 * cmd_report.c: "helperlink report", which shows what is left of the
 * helpers in an object or bitcode file, and why; or, with --diff, which
 * calls changed between two builds of the same code.
 */
#define _GNU_SOURCE  /* getopt_long */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "llvm.h"
#include "report.h"
#include "symlist.h"
#include "util.h"

static const char report_usage[] =
	"usage: helperlink report [OPTIONS] FILE.o|FILE.bc\n"
	"       helperlink report --diff [--format=text|json] A.o B.o\n"
	"\n"
	"List every call of a helper, and every use of a helper's address, left in\n"
	"FILE, with the calling function and, when it can be told, the reason; the\n"
	"helpers, with their size in IR instructions; and the symbols that helper\n"
	"code makes FILE use.  With --diff, list per function the calls that\n"
	"disappeared (-) and appeared (+) from A to B.\n"
	"\n"
	"  --helpers FILE         the functions this bitcode defines are helpers,\n"
	"                         and it tells their sizes and reasons (repeatable)\n"
	"  --helper-prefix=P      names starting with P are helpers (repeatable)\n"
	"  --helper-list=FILE     the names in FILE, one per line, are helpers\n"
	"  --exports=LIST         fail if helper code makes FILE use a symbol that\n"
	"                         LIST (Module.symvers, or one name per line) lacks;\n"
	"                         needs --helpers\n"
	"  --require-inlined      fail if a helper is still called (a use of its\n"
	"                         address is listed, and is no failure)\n"
	"  --format=text|json     the output's format (default text)\n"
	"  --diff                 compare the calls of two files\n"
	"  --llvm PATH            use this libLLVM instead of rustc's\n"
	"  -h, --help             show this help\n";

enum {
	OPT_HELPERS = 256, OPT_PREFIX, OPT_LIST, OPT_EXPORTS, OPT_REQUIRE,
	OPT_FORMAT, OPT_DIFF, OPT_LLVM,
};

static const struct option longopts[] = {
	{"helpers", required_argument, NULL, OPT_HELPERS},
	{"helper-prefix", required_argument, NULL, OPT_PREFIX},
	{"helper-list", required_argument, NULL, OPT_LIST},
	{"exports", required_argument, NULL, OPT_EXPORTS},
	{"require-inlined", no_argument, NULL, OPT_REQUIRE},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"diff", no_argument, NULL, OPT_DIFF},
	{"llvm", required_argument, NULL, OPT_LLVM},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* Print what is in out, and check that it got written. */
static int
print(const struct buf *out)
{
	fwrite(out->data, 1, out->len, stdout);
	fflush(stdout);
	if (ferror(stdout))
		return error("cannot write to standard output");
	return 0;
}

static int
diff(const char *a, const char *b, int json)
{
	struct diff_edge *ea = NULL, *eb = NULL;
	struct buf out = BUF_INIT;
	size_t na = 0, nb = 0;
	int ret = 1;

	if (llvm_calls(a, &ea, &na) == 0 && llvm_calls(b, &eb, &nb) == 0) {
		diff_print(a, ea, na, b, eb, nb, json, &out);
		ret = print(&out) < 0;
	}
	diff_edges_release(ea, na);
	diff_edges_release(eb, nb);
	buf_release(&out);
	return ret;
}

int
cmd_report(int argc, char **argv)
{
	struct strmap list = STRMAP_INIT, exports = STRMAP_INIT;
	struct report_options ro;
	struct report rep;
	struct buf out = BUF_INIT;
	const char *llvm = global_llvm, *list_path = NULL, *exports_path = NULL;
	int opt, json = 0, diff_mode = 0, ret = 1;

	memset(&ro, 0, sizeof(ro));
	memset(&rep, 0, sizeof(rep));
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			fputs(report_usage, stdout);
			return 0;
		case OPT_HELPERS: strlist_push(&ro.helpers, &ro.nhelpers, optarg); break;
		case OPT_PREFIX: strlist_push(&ro.prefixes, &ro.nprefixes, optarg); break;
		case OPT_LIST: list_path = optarg; break;
		case OPT_EXPORTS: exports_path = optarg; break;
		case OPT_REQUIRE: ro.require_inlined = 1; break;
		case OPT_DIFF: diff_mode = 1; break;
		case OPT_LLVM: llvm = optarg; break;
		case OPT_FORMAT:
			if (strcmp(optarg, "json") == 0 || strcmp(optarg, "text") == 0) {
				json = strcmp(optarg, "json") == 0;
				break;
			}
			usage_error(report_usage, "report: '%s' is not a valid "
			            "value for --format", optarg);
		default:
			option_error(report_usage, "report", opt, argv[optind - 1]);
		}
	}
	if (argc - optind != (diff_mode ? 2 : 1))
		usage_error(report_usage, "report: %s", diff_mode
		            ? "--diff needs two files" : "give one file to report on");
	if (diff_mode && (ro.nhelpers || ro.nprefixes || list_path || exports_path ||
	                  ro.require_inlined))
		usage_error(report_usage, "report: --diff compares all calls, and "
		            "takes no helper, --exports or --require-inlined option");
	if (!diff_mode && ro.nhelpers == 0 && ro.nprefixes == 0 && !list_path)
		usage_error(report_usage, "report: say which functions are helpers: "
		            "--helpers, --helper-prefix or --helper-list");
	/* Which symbols helper code uses is read from the helpers' bitcode;
	 * with names alone there would be nothing to check. */
	if (exports_path && ro.nhelpers == 0)
		usage_error(report_usage, "report: --exports needs the helpers' "
		            "bitcode (--helpers), which tells what their code uses");
	if (llvm_load(llvm, NULL) < 0)
		goto out;
	if (diff_mode) {
		ret = diff(argv[optind], argv[optind + 1], json);
		goto out;
	}
	if (list_path) {
		if (symlist_read(list_path, &list) < 0)
			goto out;
		ro.list = &list;
	}
	if (exports_path) {
		if (symlist_read(exports_path, &exports) < 0)
			goto out;
		ro.exports = &exports;
	}
	ro.file = argv[optind];
	/* The report is printed even when it shows a failure. */
	ret = llvm_report(&ro, &rep) < 0;
	if (rep.file) {
		report_print(&rep, json, &out);
		if (print(&out) < 0)
			ret = 1;
	}
out:
	buf_release(&out);
	report_release(&rep);
	strmap_release(&list);
	strmap_release(&exports);
	free(ro.helpers);
	free(ro.prefixes);
	return ret;
}
