/* link_args.c: the options of "helperlink link"; see link_args.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "link_args.h"
#include "rename.h"
#include "util.h"

enum {
	LINK_HELPERS = 1, LINK_EMIT, LINK_OPT, LINK_CODEGEN, LINK_NO_FORCE,
	LINK_NO_FSECT, LINK_NO_DSECT, LINK_VERIFY, LINK_LLVM,
	LINK_ALLOW_FEATURES, LINK_ALLOW_STATIC, LINK_MAX_SIZE, LINK_FORCE_MAX, LINK_REQUIRE,
	LINK_EXPORTS, LINK_REPORT, LINK_FORMAT, LINK_REDEFINE_SYM,
	LINK_REDEFINE_SYMS, LINK_STRIP_DEBUG, LINK_HEADER, LINK_CFLAGS,
	LINK_INLINE_FROM, LINK_INLINE_MAX, LINK_OUTPUT, LINK_HELP,
};

/* What "helperlink ld" shares: all but -o and --help, and --format, which
 * is the linker's (its input format) there. */
static const struct opt shared_opts[] = {
	OPT("--helpers", LINK_HELPERS, OPT_VALUE, "FILE",
	 "take helpers from this bitcode (repeatable)"),
	OPT("--inline-from", LINK_INLINE_FROM, OPT_VALUE, "FILE",
	 "also inline the small functions of this Rust\n"
	 "crate's bitcode that the crate calls (repeatable)"),
	OPT("--inline-from-max", LINK_INLINE_MAX, OPT_VALUE, "=N",
	 "their bound in IR instructions (default 50)"),
	OPT("--emit", LINK_EMIT, OPT_VALUE, "=obj|asm|bc|ll",
	 "what to write (default obj)"),
	OPT("--opt", LINK_OPT, OPT_VALUE, "=PIPELINE",
	 "after linking: 'default' inlines the helpers and\n"
	 "cleans up the functions that called them; 'none'\n"
	 "only inlines; O1, O2, O3 run LLVM's whole pipeline"),
	OPT("--codegen-opt", LINK_CODEGEN, OPT_VALUE, "=LEVEL",
	 "code generation level as rustc's -C opt-level:\n"
	 "0, 1, 2, 3, s or z (default 3, as cargo --release)"),
	OPT("--no-force-inline", LINK_NO_FORCE, OPT_FLAG, NULL,
	 "do not give helpers alwaysinline; LLVM decides"),
	OPT("--no-function-sections", LINK_NO_FSECT, OPT_FLAG, NULL,
	 "put all functions in .text (rustc -Z function-sections=no)"),
	OPT("--no-data-sections", LINK_NO_DSECT, OPT_FLAG, NULL,
	 "put variables in shared sections"),
	OPT("--verify", LINK_VERIFY, OPT_FLAG, NULL,
	 "run LLVM's IR verifier before code generation"),
	OPT("--allow-feature-mismatch", LINK_ALLOW_FEATURES, OPT_FLAG, NULL,
	 "inline a helper that needs target features\n"
	 "its Rust caller lacks (an error otherwise)"),
	OPT("--allow-static-copies", LINK_ALLOW_STATIC, OPT_FLAG, NULL,
	 "inline a helper with a mutable static, giving\n"
	 "the crate its own copy (kept out of line otherwise)"),
	OPT("--max-helper-size", LINK_MAX_SIZE, OPT_VALUE, "=N",
	 "warn about helpers of more than N IR instructions"),
	OPT("--force-inline-max", LINK_FORCE_MAX, OPT_VALUE, "=N",
	 "force inline only helpers of at most N IR\n"
	 "instructions; LLVM's inliner decides the others"),
	OPT("--require-inlined", LINK_REQUIRE, OPT_FLAG, NULL,
	 "fail, writing nothing, if a helper is still called"),
	OPT("--exports", LINK_EXPORTS, OPT_VALUE, "=FILE",
	 "fail if inlining makes the crate use a symbol\n"
	 "FILE (Module.symvers, or one name per line) lacks"),
	OPT("--report", LINK_REPORT, OPT_VALUE, "=FILE",
	 "write what was inlined and what was not to FILE"),
	OPT("--format", LINK_FORMAT, OPT_VALUE, "=text|json",
	 "the report's format (default text); also\n"
	 "--report-format, as ld has a --format"),
	OPT("--report-format", LINK_FORMAT, OPT_VALUE, "=text|json", NULL),
	OPT("--redefine-sym", LINK_REDEFINE_SYM, OPT_VALUE, "OLD=NEW",
	 "rename symbol OLD to NEW in the result, as\n"
	 "objcopy does (repeatable)"),
	OPT("--redefine-syms", LINK_REDEFINE_SYMS, OPT_VALUE, "FILE",
	 "the same for each 'OLD NEW' line of FILE"),
	OPT("--strip-helper-debug", LINK_STRIP_DEBUG, OPT_FLAG, NULL,
	 "drop the helpers' debug info, keep the crate's"),
	OPT("--header", LINK_HEADER, OPT_VALUE, "FILE",
	 "also take helpers for the inline functions of this\n"
	 "header, as 'helperlink gen' writes them, compiled\n"
	 "with $CC (or clang) -O2 (repeatable)"),
	OPT("--cflags", LINK_CFLAGS, OPT_VALUE, "FLAGS",
	 "compiler flags for --header (-I, -D, ...)"),
	OPT("--llvm", LINK_LLVM, OPT_VALUE, "PATH",
	 "use this libLLVM instead of rustc's"),
	OPT_TABLE_END,
};

const struct opt link_opts[] = {
	OPT("-o", LINK_OUTPUT, OPT_VALUE, "FILE", "write the result to FILE (required)"),
	OPT_INCLUDE(shared_opts),
	OPT("-h", LINK_HELP, OPT_FLAG, NULL, NULL),
	OPT("--help", LINK_HELP, OPT_FLAG, NULL, "show this help"),
	OPT_TABLE_END,
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

void
link_args_init(struct link_args *a)
{
	struct link_options *o = &a->o;

	memset(a, 0, sizeof(*a));
	o->emit = EMIT_OBJ;
	o->opt = OPT_DEFAULT;
	o->codegen_opt = 3;
	o->force_inline = o->function_sections = o->data_sections = 1;
	o->inline_from_max = 50;
}

/* Apply option id with its value; -1 with the reason in err. */
static int
apply(struct link_args *a, int id, const char *arg, char *err, size_t size)
{
	struct link_options *o = &a->o;
	int v, bad = 0;

	switch (id) {
	case LINK_HELPERS: strlist_push(&o->helpers, &o->nhelpers, arg); break;
	case LINK_INLINE_FROM:
		strlist_push(&o->inline_from, &o->ninline_from, arg);
		break;
	case LINK_INLINE_MAX: bad = parse_count(arg, &o->inline_from_max) < 0; break;
	case LINK_EMIT:
		bad = lookup(emits, LEN(emits), arg, &v) < 0;
		if (!bad)
			o->emit = (enum emit_kind)v;
		break;
	case LINK_OPT:
		bad = lookup(pipelines, LEN(pipelines), arg, &v) < 0;
		if (!bad)
			o->opt = (enum opt_pipeline)v;
		break;
	case LINK_CODEGEN:
		bad = lookup(levels, LEN(levels), arg, &o->codegen_opt) < 0;
		break;
	case LINK_NO_FORCE: o->force_inline = 0; break;
	case LINK_NO_FSECT: o->function_sections = 0; break;
	case LINK_NO_DSECT: o->data_sections = 0; break;
	case LINK_VERIFY: o->verify = 1; break;
	case LINK_LLVM: a->llvm = arg; break;
	case LINK_ALLOW_FEATURES: o->allow_feature_mismatch = 1; break;
	case LINK_ALLOW_STATIC: o->allow_static_copies = 1; break;
	case LINK_MAX_SIZE: bad = parse_count(arg, &o->max_helper_size) < 0; break;
	case LINK_FORCE_MAX: bad = parse_count(arg, &o->force_inline_max) < 0; break;
	case LINK_REQUIRE: o->require_inlined = 1; break;
	case LINK_EXPORTS: a->exports = arg; break;
	case LINK_REPORT: o->report = arg; break;
	case LINK_FORMAT:
		bad = lookup(formats, LEN(formats), arg, &o->report_json) < 0;
		break;
	case LINK_REDEFINE_SYM:
		if (!renames_arg_ok(arg)) {
			snprintf(err, size, "--redefine-sym: '%s' is not OLD=NEW", arg);
			return -1;
		}
		strlist_push(&a->redefine_sym, &a->nredefine_sym, arg);
		break;
	case LINK_REDEFINE_SYMS:
		strlist_push(&a->redefine_syms, &a->nredefine_syms, arg);
		break;
	case LINK_STRIP_DEBUG: o->strip_helper_debug = 1; break;
	case LINK_HEADER:
		/* A header with nothing to wrap adds no helper. */
		a->gen.allow_empty = 1;
		strlist_push(&a->gen.headers, &a->gen.nheaders, arg);
		break;
	case LINK_CFLAGS: gen_add_cflags(&a->gen, arg); break;
	case LINK_OUTPUT: o->output = arg; break;
	case LINK_HELP: a->help = 1; break;
	}
	return bad ? -1 : 0;
}

/* The message for a bad value of the option given as arg. */
static void
bad_value(char *err, size_t size, const char *value, const char *arg)
{
	const char *eq = strchr(arg, '=');
	int n = eq ? (int)(eq - arg) : (int)strlen(arg);

	snprintf(err, size, "'%s' is not a valid value for %.*s", value, n, arg);
}

const char *
link_args_parse(int argc, char **argv, struct link_args *a)
{
	struct opt_parser p;
	int id;

	link_args_init(a);
	opt_init(&p, argc, argv);
	while ((id = opt_next(&p, link_opts)) != OPT_DONE) {
		if (id == OPT_ERROR) {
			snprintf(a->err, sizeof(a->err), "%s", p.err);
			return a->err;
		}
		if (id == OPT_OPERAND) {
			strlist_push(&a->o.crates, &a->o.ncrates, p.value);
			continue;
		}
		if (apply(a, id, p.value, a->err, sizeof(a->err)) < 0) {
			if (!a->err[0])
				bad_value(a->err, sizeof(a->err), p.value, p.arg);
			return a->err;
		}
		if (a->help)
			return NULL;
	}
	if (a->o.ncrates == 0)
		return "no crate bitcode given";
	if (!a->o.output)
		return "no output file given (-o)";
	return NULL;
}

int
link_args_match(struct link_args *a, struct opt_parser *p, int i)
{
	int used, id = opt_match(p, shared_opts, i, &used);

	if (id == 0 || (id == LINK_FORMAT && startswith(p->arg, "--format")))
		return 0;
	if (id == OPT_ERROR)
		return -1;
	p->err[0] = '\0';
	if (apply(a, id, p->value, p->err, sizeof(p->err)) < 0) {
		if (!p->err[0])
			bad_value(p->err, sizeof(p->err), p->value, p->arg);
		return -1;
	}
	return used;
}

int
link_args_check_outputs(const struct link_args *a, const char *const *more,
                        size_t nmore)
{
	const char *outputs[2] = {a->o.output, a->o.report}, **in = NULL;
	size_t n = 0, i;
	int ret;

	for (i = 0; i < a->o.ncrates; i++)
		strlist_push(&in, &n, a->o.crates[i]);
	for (i = 0; i < a->o.nhelpers; i++)
		strlist_push(&in, &n, a->o.helpers[i]);
	for (i = 0; i < a->o.ninline_from; i++)
		strlist_push(&in, &n, a->o.inline_from[i]);
	for (i = 0; i < a->nredefine_syms; i++)
		strlist_push(&in, &n, a->redefine_syms[i]);
	for (i = 0; i < a->gen.nheaders; i++)
		strlist_push(&in, &n, a->gen.headers[i]);
	for (i = 0; i < nmore; i++)
		strlist_push(&in, &n, more[i]);
	strlist_push(&in, &n, a->exports);
	ret = check_outputs(outputs, LEN(outputs), in, n);
	free(in);
	return ret;
}

void
link_args_release(struct link_args *a)
{
	free(a->o.crates);
	free(a->o.helpers);
	free(a->o.inline_from);
	free(a->redefine_sym);
	free(a->redefine_syms);
	gen_args_release(&a->gen);
}
