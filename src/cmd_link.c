/*
 * cmd_link.c: "helperlink link", which inlines the C helpers a Rust crate
 * calls into the crate's bitcode and compiles the result.
 */
#define _GNU_SOURCE  /* getopt_long */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "llvm.h"
#include "symlist.h"
#include "util.h"

static const char link_usage[] =
	"usage: helperlink link [OPTIONS] CRATE.bc... [--helpers HELPERS.bc]... -o OUT\n"
	"\n"
	"Link the C helper functions that the crate calls into its bitcode, inline\n"
	"them, and compile the result as rustc would have.\n"
	"\n"
	"  -o FILE                write the result to FILE (required)\n"
	"  --helpers FILE         take helpers from this bitcode (repeatable)\n"
	"  --emit=obj|asm|bc|ll   what to write (default obj)\n"
	"  --opt=PIPELINE         after linking: 'default' inlines the helpers and\n"
	"                         cleans up the functions that called them; 'none'\n"
	"                         only inlines; O1, O2, O3 run LLVM's whole pipeline\n"
	"  --codegen-opt=LEVEL    code generation level as rustc's -C opt-level:\n"
	"                         0, 1, 2, 3, s or z (default 3, as cargo --release)\n"
	"  --no-force-inline      do not give helpers alwaysinline; LLVM decides\n"
	"  --no-function-sections put all functions in .text (rustc -Z function-sections=no)\n"
	"  --no-data-sections     put variables in shared sections\n"
	"  --verify               run LLVM's IR verifier before code generation\n"
	"  --allow-feature-mismatch  inline a helper that needs target features\n"
	"                         its Rust caller lacks (an error otherwise)\n"
	"  --allow-static-copies  inline a helper with a mutable static, giving\n"
	"                         the crate its own copy (kept out of line otherwise)\n"
	"  --max-helper-size=N    warn about helpers of more than N IR instructions\n"
	"  --require-inlined      fail, writing nothing, if a helper is still called\n"
	"  --exports=FILE         fail if inlining makes the crate use a symbol\n"
	"                         FILE (Module.symvers, or one name per line) lacks\n"
	"  --report=FILE          write what was inlined and what was not to FILE\n"
	"  --format=text|json     the report's format (default text)\n"
	"  --llvm PATH            use this libLLVM instead of rustc's\n"
	"  -h, --help             show this help\n";

enum {
	OPT_HELPERS = 256, OPT_EMIT, OPT_OPT, OPT_CODEGEN, OPT_NO_FORCE,
	OPT_NO_FSECT, OPT_NO_DSECT, OPT_VERIFY, OPT_LLVM, OPT_ALLOW_FEATURES,
	OPT_ALLOW_STATIC, OPT_MAX_SIZE, OPT_REQUIRE, OPT_EXPORTS, OPT_REPORT,
	OPT_FORMAT,
};

static const struct option longopts[] = {
	{"helpers", required_argument, NULL, OPT_HELPERS},
	{"emit", required_argument, NULL, OPT_EMIT},
	{"opt", required_argument, NULL, OPT_OPT},
	{"codegen-opt", required_argument, NULL, OPT_CODEGEN},
	{"no-force-inline", no_argument, NULL, OPT_NO_FORCE},
	{"no-function-sections", no_argument, NULL, OPT_NO_FSECT},
	{"no-data-sections", no_argument, NULL, OPT_NO_DSECT},
	{"verify", no_argument, NULL, OPT_VERIFY},
	{"llvm", required_argument, NULL, OPT_LLVM},
	{"allow-feature-mismatch", no_argument, NULL, OPT_ALLOW_FEATURES},
	{"allow-static-copies", no_argument, NULL, OPT_ALLOW_STATIC},
	{"max-helper-size", required_argument, NULL, OPT_MAX_SIZE},
	{"require-inlined", no_argument, NULL, OPT_REQUIRE},
	{"exports", required_argument, NULL, OPT_EXPORTS},
	{"report", required_argument, NULL, OPT_REPORT},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static const struct name_value {
	const char *name;
	int value;
} emits[] = {
	{"obj", EMIT_OBJ}, {"asm", EMIT_ASM}, {"bc", EMIT_BC}, {"ll", EMIT_LL},
	{"llvm-bc", EMIT_BC}, {"llvm-ir", EMIT_LL},
}, pipelines[] = {
	{"none", OPT_NONE}, {"default", OPT_DEFAULT}, {"O1", OPT_O1},
	{"O2", OPT_O2}, {"O3", OPT_O3},
}, levels[] = {
	{"0", 0}, {"1", 1}, {"2", 2}, {"3", 3}, {"s", 2}, {"z", 2},
}, formats[] = {
	{"text", 0}, {"json", 1},
};

static int
lookup(const struct name_value *t, size_t n, const char *name, int *value)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(t[i].name, name) == 0) {
			*value = t[i].value;
			return 0;
		}
	}
	return -1;
}

/* A positive decimal number. */
static int
parse_count(const char *s, unsigned *n)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (*s < '0' || *s > '9' || *end || v == 0 || v > 1000000000)
		return -1;
	*n = (unsigned)v;
	return 0;
}

const char *
link_parse(int argc, char **argv, struct link_args *a)
{
	static char msg[256];
	struct link_options *o = &a->o;
	int c, v, li;

	memset(a, 0, sizeof(*a));
	o->emit = EMIT_OBJ;
	o->opt = OPT_DEFAULT;
	o->codegen_opt = 3;
	o->force_inline = o->function_sections = o->data_sections = 1;
	optind = 0;  /* glibc: start afresh, so that tests can parse again */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", longopts, &li)) != -1) {
		switch (c) {
		case 'h':
			a->help = 1;
			return NULL;
		case 'o':
			o->output = optarg;
			break;
		case OPT_HELPERS:
			strlist_push(&o->helpers, &o->nhelpers, optarg);
			break;
		case OPT_EMIT:
			if (lookup(emits, LEN(emits), optarg, &v) < 0)
				goto bad_value;
			o->emit = (enum emit_kind)v;
			break;
		case OPT_OPT:
			if (lookup(pipelines, LEN(pipelines), optarg, &v) < 0)
				goto bad_value;
			o->opt = (enum opt_pipeline)v;
			break;
		case OPT_CODEGEN:
			if (lookup(levels, LEN(levels), optarg, &o->codegen_opt) < 0)
				goto bad_value;
			break;
		case OPT_NO_FORCE:
			o->force_inline = 0;
			break;
		case OPT_NO_FSECT:
			o->function_sections = 0;
			break;
		case OPT_NO_DSECT:
			o->data_sections = 0;
			break;
		case OPT_VERIFY:
			o->verify = 1;
			break;
		case OPT_LLVM:
			a->llvm = optarg;
			break;
		case OPT_ALLOW_FEATURES:
			o->allow_feature_mismatch = 1;
			break;
		case OPT_ALLOW_STATIC:
			o->allow_static_copies = 1;
			break;
		case OPT_MAX_SIZE:
			if (parse_count(optarg, &o->max_helper_size) < 0)
				goto bad_value;
			break;
		case OPT_REQUIRE:
			o->require_inlined = 1;
			break;
		case OPT_EXPORTS:
			a->exports = optarg;
			break;
		case OPT_REPORT:
			o->report = optarg;
			break;
		case OPT_FORMAT:
			if (lookup(formats, LEN(formats), optarg, &o->report_json) < 0)
				goto bad_value;
			break;
		case ':':
			snprintf(msg, sizeof(msg), "option '%s' needs a value",
			         argv[optind - 1]);
			return msg;
		default:
			snprintf(msg, sizeof(msg), "unknown option '%s'",
			         argv[optind - 1]);
			return msg;
		}
	}
	for (; optind < argc; optind++)
		strlist_push(&o->crates, &o->ncrates, argv[optind]);
	if (o->ncrates == 0)
		return "no crate bitcode given";
	if (!o->output)
		return "no output file given (-o)";
	return NULL;

bad_value:
	snprintf(msg, sizeof(msg), "'%s' is not a valid value for --%s", optarg,
	         longopts[li].name);
	return msg;
}

int
cmd_link(int argc, char **argv)
{
	struct strmap exports = STRMAP_INIT;
	struct link_args a;
	struct report rep;
	struct buf out = BUF_INIT, text = BUF_INIT;
	const char *err = link_parse(argc, argv, &a);
	struct out_file files[2] = {{a.o.output, NULL, 0}, {a.o.report, NULL, 0}};
	int ret = 1;

	memset(&rep, 0, sizeof(rep));
	if (a.help) {
		fputs(link_usage, stdout);
		return 0;
	}
	if (err)
		usage_error(link_usage, "link: %s", err);
	if (a.exports) {
		if (symlist_read(a.exports, &exports) < 0)
			goto out;
		a.o.exports = &exports;
	}
	if (llvm_load(a.llvm ? a.llvm : global_llvm, NULL) < 0)
		goto out;
	/* Fail before the work, not after it. */
	if (check_writable(a.o.output) < 0 ||
	    (a.o.report && check_writable(a.o.report) < 0))
		goto out;
	if (llvm_link(&a.o, &out, &rep) < 0)
		goto out;
	report_print(&rep, a.o.report_json, &text);
	files[0].data = out.data;
	files[0].len = out.len;
	files[1].data = text.data;
	files[1].len = text.len;
	if (write_files_atomic(files, a.o.report ? 2 : 1) == 0)
		ret = 0;
out:
	buf_release(&out);
	buf_release(&text);
	report_release(&rep);
	strmap_release(&exports);
	free(a.o.crates);
	free(a.o.helpers);
	return ret;
}
