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
#include "toolchain.h"
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
	"  --format=text|json     the report's format (default text); also\n"
	"                         --report-format, as ld has a --format\n"
	"  --redefine-sym OLD=NEW rename symbol OLD to NEW in the result, as\n"
	"                         objcopy does (repeatable)\n"
	"  --redefine-syms FILE   the same for each 'OLD NEW' line of FILE\n"
	"  --strip-helper-debug   drop the helpers' debug info, keep the crate's\n"
	"  --header FILE          also take helpers for the inline functions of this\n"
	"                         header, as 'helperlink gen' writes them, compiled\n"
	"                         with $CC (or clang) -O2 (repeatable)\n"
	"  --cflags FLAGS         compiler flags for --header (-I, -D, ...)\n"
	"  --llvm PATH            use this libLLVM instead of rustc's\n"
	"  -h, --help             show this help\n";

enum {
	OPT_HELPERS = 256, OPT_EMIT, OPT_OPT, OPT_CODEGEN, OPT_NO_FORCE,
	OPT_NO_FSECT, OPT_NO_DSECT, OPT_VERIFY, OPT_LLVM, OPT_ALLOW_FEATURES,
	OPT_ALLOW_STATIC, OPT_MAX_SIZE, OPT_REQUIRE, OPT_EXPORTS, OPT_REPORT,
	OPT_FORMAT, OPT_REDEFINE_SYM, OPT_REDEFINE_SYMS, OPT_STRIP_DEBUG,
	OPT_HEADER, OPT_CFLAGS,
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
	{"report-format", required_argument, NULL, OPT_FORMAT},
	{"redefine-sym", required_argument, NULL, OPT_REDEFINE_SYM},
	{"redefine-syms", required_argument, NULL, OPT_REDEFINE_SYMS},
	{"strip-helper-debug", no_argument, NULL, OPT_STRIP_DEBUG},
	{"header", required_argument, NULL, OPT_HEADER},
	{"cflags", required_argument, NULL, OPT_CFLAGS},
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

void
link_args_init(struct link_args *a)
{
	struct link_options *o = &a->o;

	memset(a, 0, sizeof(*a));
	o->emit = EMIT_OBJ;
	o->opt = OPT_DEFAULT;
	o->codegen_opt = 3;
	o->force_inline = o->function_sections = o->data_sections = 1;
}

/* Apply the option longopts[li] with its value arg; NULL, or what is
 * wrong. */
static const char *
link_option(struct link_args *a, int li, const char *arg)
{
	static char msg[256];
	struct link_options *o = &a->o;
	int v;

	switch (longopts[li].val) {
	case OPT_HELPERS:
		strlist_push(&o->helpers, &o->nhelpers, arg);
		break;
	case OPT_EMIT:
		if (lookup(emits, LEN(emits), arg, &v) < 0)
			goto bad_value;
		o->emit = (enum emit_kind)v;
		break;
	case OPT_OPT:
		if (lookup(pipelines, LEN(pipelines), arg, &v) < 0)
			goto bad_value;
		o->opt = (enum opt_pipeline)v;
		break;
	case OPT_CODEGEN:
		if (lookup(levels, LEN(levels), arg, &o->codegen_opt) < 0)
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
		a->llvm = arg;
		break;
	case OPT_ALLOW_FEATURES:
		o->allow_feature_mismatch = 1;
		break;
	case OPT_ALLOW_STATIC:
		o->allow_static_copies = 1;
		break;
	case OPT_MAX_SIZE:
		if (parse_count(arg, &o->max_helper_size) < 0)
			goto bad_value;
		break;
	case OPT_REQUIRE:
		o->require_inlined = 1;
		break;
	case OPT_EXPORTS:
		a->exports = arg;
		break;
	case OPT_REPORT:
		o->report = arg;
		break;
	case OPT_FORMAT:
		if (lookup(formats, LEN(formats), arg, &o->report_json) < 0)
			goto bad_value;
		break;
	case OPT_REDEFINE_SYM:
		if (!renames_arg_ok(arg)) {
			snprintf(msg, sizeof(msg), "--redefine-sym: '%s' is not "
			         "OLD=NEW", arg);
			return msg;
		}
		strlist_push(&a->redefine_sym, &a->nredefine_sym, arg);
		break;
	case OPT_REDEFINE_SYMS:
		strlist_push(&a->redefine_syms, &a->nredefine_syms, arg);
		break;
	case OPT_STRIP_DEBUG:
		o->strip_helper_debug = 1;
		break;
	case OPT_HEADER:
		strlist_push(&a->gen.headers, &a->gen.nheaders, arg);
		break;
	case OPT_CFLAGS:
		gen_add_cflags(&a->gen, arg);
		break;
	}
	return NULL;

bad_value:
	snprintf(msg, sizeof(msg), "'%s' is not a valid value for --%s", arg,
	         longopts[li].name);
	return msg;
}

const char *
link_parse(int argc, char **argv, struct link_args *a)
{
	static char msg[256];
	const char *err;
	int c, li;

	link_args_init(a);
	optind = 0;  /* glibc: start afresh, so that tests can parse again */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", longopts, &li)) != -1) {
		switch (c) {
		case 'h':
			a->help = 1;
			return NULL;
		case 'o':
			a->o.output = optarg;
			break;
		case ':':
			snprintf(msg, sizeof(msg), "option '%s' needs a value",
			         argv[optind - 1]);
			return msg;
		case '?':
			snprintf(msg, sizeof(msg), "unknown option '%s'",
			         argv[optind - 1]);
			return msg;
		default:
			if ((err = link_option(a, li, optarg)) != NULL)
				return err;
		}
	}
	for (; optind < argc; optind++)
		strlist_push(&a->o.crates, &a->o.ncrates, argv[optind]);
	if (a->o.ncrates == 0)
		return "no crate bitcode given";
	if (!a->o.output)
		return "no output file given (-o)";
	return NULL;
}

int
link_option_scan(char **argv, int i, struct link_args *a, const char **err)
{
	static char msg[256];
	const char *arg = argv[i], *eq, *value = NULL;
	size_t li, n;

	*err = NULL;
	if (!startswith(arg, "--"))
		return 0;
	arg += 2;
	eq = strchr(arg, '=');
	n = eq ? (size_t)(eq - arg) : strlen(arg);
	for (li = 0; longopts[li].name; li++)
		if (strlen(longopts[li].name) == n &&
		    strncmp(longopts[li].name, arg, n) == 0)
			break;
	/* --help is taken before; --format is the linker's (its input
	 * format): helperlink's is --report-format here. */
	if (!longopts[li].name || longopts[li].val == 'h' ||
	    strcmp(longopts[li].name, "format") == 0)
		return 0;
	if (longopts[li].has_arg == no_argument) {
		if (eq) {
			snprintf(msg, sizeof(msg), "option '--%s' takes no value",
			         longopts[li].name);
			*err = msg;
		} else {
			*err = link_option(a, (int)li, NULL);
		}
		return 1;
	}
	if (eq) {
		value = eq + 1;
	} else if (!(value = argv[i + 1])) {
		snprintf(msg, sizeof(msg), "option '%s' needs a value", argv[i]);
		*err = msg;
		return 1;
	}
	*err = link_option(a, (int)li, value);
	return eq ? 1 : 2;
}

int
link_renames(const struct link_args *a, struct renames *r)
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

void
link_args_release(struct link_args *a)
{
	free(a->o.crates);
	free(a->o.helpers);
	free(a->redefine_sym);
	free(a->redefine_syms);
	gen_args_release(&a->gen);
}

/*
 * --header: write the wrappers of the headers' inline functions (as
 * "helperlink gen" does), compile them with the C compiler into bitcode,
 * and take that as one more helper file.  Both files are temporary, beside
 * the output; their names are left in c and bc for the caller to remove.
 */
static int
header_helpers(struct link_args *a, struct buf *c, struct buf *bc)
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
	strlist_push(&a->o.helpers, &a->o.nhelpers, bc->data);
	ret = 0;
out:
	free(argv);
	buf_release(&src);
	return ret;
}

int
link_compile(struct link_args *a, struct buf *out, struct buf *text)
{
	struct strmap exports = STRMAP_INIT;
	struct renames renames = RENAMES_INIT;
	struct buf hc = BUF_INIT, hbc = BUF_INIT;
	struct report rep;
	int ret = -1;

	memset(&rep, 0, sizeof(rep));
	if (a->gen.nheaders > 0 && header_helpers(a, &hc, &hbc) < 0)
		goto out;
	if (a->exports) {
		if (symlist_read(a->exports, &exports) < 0)
			goto out;
		a->o.exports = &exports;
	}
	if (link_renames(a, &renames) < 0)
		goto out;
	if (renames.to.n)
		a->o.renames = &renames;
	if (llvm_load(a->llvm ? a->llvm : global_llvm, NULL) < 0 ||
	    llvm_link(&a->o, out, &rep) < 0)
		goto out;
	report_print(&rep, a->o.report_json, text);
	ret = 0;
out:
	a->o.exports = NULL;
	a->o.renames = NULL;
	report_release(&rep);
	strmap_release(&exports);
	renames_release(&renames);
	if (hc.data)
		remove(hc.data);
	if (hbc.data)
		remove(hbc.data);
	buf_release(&hc);
	buf_release(&hbc);
	return ret;
}

int
cmd_link(int argc, char **argv)
{
	struct link_args a;
	struct buf out = BUF_INIT, text = BUF_INIT;
	const char *err = link_parse(argc, argv, &a);
	struct out_file files[2] = {{a.o.output, NULL, 0, NULL},
	                            {a.o.report, NULL, 0, NULL}};
	int ret = 1;

	if (a.help) {
		fputs(link_usage, stdout);
		return 0;
	}
	if (err)
		usage_error(link_usage, "link: %s", err);
	/* Fail before the work, not after it. */
	if (check_writable(a.o.output) < 0 ||
	    (a.o.report && check_writable(a.o.report) < 0) ||
	    link_compile(&a, &out, &text) < 0)
		goto out;
	files[0].data = out.data;
	files[0].len = out.len;
	files[1].data = text.data;
	files[1].len = text.len;
	if (write_files_atomic(files, a.o.report ? 2 : 1) == 0)
		ret = 0;
out:
	buf_release(&out);
	buf_release(&text);
	link_args_release(&a);
	return ret;
}
