/*
 * cmd_ld.c: "helperlink ld", a stand-in for the linker where a module's
 * objects are a mix of bitcode (Rust crates, C compiled with -emit-llvm
 * or -flto) and native code (assembly).  The bitcode inputs are linked
 * into one module with the helpers it calls, as "helperlink link" does,
 * and compiled; the compiled object takes the place of the first bitcode
 * input, and the linker gets it with the native inputs and every option
 * that is not helperlink's, unchanged.  Linking through llvm-link alone
 * cannot take the assembly objects; this way they never meet LLVM.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "bitcode.h"
#include "buf.h"
#include "cmd.h"
#include "file.h"
#include "link_args.h"
#include "linkline.h"
#include "msg.h"
#include "temp.h"
#include "util.h"

static const char ld_usage[] =
	"usage: helperlink ld [--ld=LINKER] [LINK OPTIONS] [LINKER OPTIONS] FILE... -o OUT\n"
	"\n"
	"Link like the linker, usually with -r: the bitcode among the FILEs is\n"
	"linked into one module with the helpers it calls, inlined and compiled\n"
	"as 'helperlink link' does; native objects, archives and every other\n"
	"argument go to the linker unchanged.  @FILE arguments are read as\n"
	"response files.\n"
	"\n"
	"  --ld=LINKER    the linker to run (default $HELPERLINK_LD, or ld)\n"
	"  --help         show this help\n"
	"\n"
	"The long options of 'helperlink link' apply (--helpers, --exports,\n"
	"--report, --report-format, --require-inlined, --redefine-sym,\n"
	"--strip-helper-debug, ...); --redefine-sym renames in the compiled\n"
	"bitcode only.  A linker option whose value is a separate argument is\n"
	"recognized when it is one of -m -T -z -e -u -y -L -l -h -R -A -a -b -c\n"
	"-F -f -G -I -O -P -Y -dT --script --entry --undefined --defsym --soname\n"
	"--rpath --version-script --wrap --dynamic-linker --dynamic-list\n"
	"--format --hash-style --sort-section --orphan-handling and a few more;\n"
	"give others as --option=value.  -Map and --dependency-file are refused:\n"
	"they would name helperlink's temporary files.\n";

/* Linker options that would write helperlink's temporary names. */
static const char *const refused[] = {
	"-Map", "--Map", "--dependency-file", "-M", "--print-map",
};

struct ld_run {
	struct link_args a;
	struct args all;       /* the arguments, response files expanded */
	struct args pass;      /* what the linker gets, without -o */
	const char *ld, *output;
	size_t module_slot;    /* where in pass the compiled module goes */
	int has_bitcode;
	int help;
	char err[300];         /* a usage error */
};

/* Note a usage error in r; returns 0. */
static size_t
usage_mistake(struct ld_run *r, const char *what, const char *arg)
{
	snprintf(r->err, sizeof(r->err), what, arg);
	return 0;
}

static int
is_refused(const char *arg)
{
	size_t i, n;

	for (i = 0; i < LEN(refused); i++) {
		n = strlen(refused[i]);
		if (strncmp(arg, refused[i], n) == 0 && (!arg[n] || arg[n] == '='))
			return 1;
	}
	return 0;
}

/* An input: bitcode goes to the module, the rest to the linker.  -1
 * after printing why it cannot be read. */
static int
ld_input(struct ld_run *r, const char *arg)
{
	unsigned char head[8];
	long n = read_prefix(arg, head, sizeof(head));

	if (n < 0)
		return error("cannot open '%s':", arg);
	if (!bc_is_bitcode(head, (size_t)n)) {
		args_push(&r->pass, arg);
		return 0;
	}
	if (!r->has_bitcode) {
		r->module_slot = r->pass.n;
		args_push(&r->pass, arg);
	}
	r->has_bitcode = 1;
	strlist_push(&r->a.o.crates, &r->a.o.ncrates, arg);
	return 0;
}

/* Apply the argument at i that is not a file; how many arguments it
 * took, or 0 after printing why not (a usage error). */
static size_t
ld_option(struct ld_run *r, struct opt_parser *p, size_t i)
{
	char *arg = r->all.v[i];
	struct linkline_arg la;
	int n;

	if ((n = link_args_match(&r->a, p, (int)i)) != 0)
		return n < 0 ? usage_mistake(r, "%s", p->err) : (size_t)n;
	if (is_refused(arg))
		return usage_mistake(r, "'%s' would name helperlink's temporary "
		                     "files", arg);
	linkline_next(r->all.v, r->all.n, i, LINKLINE_LD, &la);
	if (la.kind == LINKLINE_OUTPUT) {
		if (!la.value)
			return usage_mistake(r, "option '%s' needs a value", arg);
		r->output = la.value;
	} else {
		args_push(&r->pass, arg);
		if (la.span == 2)
			args_push(&r->pass, r->all.v[i + 1]);
	}
	return la.span;
}

/* Parse the arguments: 0, 1 for a failure, 2 for a usage error. */
static int
ld_parse(struct ld_run *r)
{
	struct opt_parser p;
	size_t i, n;
	int files_only = 0;
	const char *v;

	opt_init(&p, (int)r->all.n, r->all.v);
	for (i = 0; i < r->all.n; i += n) {
		char *arg = r->all.v[i];

		n = 1;
		if (files_only || arg[0] != '-' || !arg[1]) {
			if (ld_input(r, arg) < 0)
				return 1;
		} else if (strcmp(arg, "--") == 0) {
			args_push(&r->pass, arg);
			files_only = 1;
		} else if (strcmp(arg, "--help") == 0) {
			r->help = 1;
			return 0;
		} else if ((v = skip_prefix(arg, "--ld=")) != NULL) {
			r->ld = v;
		} else if (strcmp(arg, "--ld") == 0) {
			if (i + 1 >= r->all.n)
				return usage_mistake(r, "option '%s' needs a value",
				                     arg), 2;
			r->ld = r->all.v[i + 1];
			n = 2;
		} else if ((n = ld_option(r, &p, i)) == 0) {
			return 2;
		}
	}
	if (!r->output)
		return usage_mistake(r, "%s", "no output file given (-o)"), 2;
	if (r->a.o.emit != EMIT_OBJ)
		return usage_mistake(r, "%s", "--emit cannot be used: the linker "
		                     "needs objects"), 2;
	if (!r->has_bitcode && (r->a.o.report || r->a.exports ||
	                        r->a.o.require_inlined || r->a.nredefine_sym ||
	                        r->a.nredefine_syms))
		return usage_mistake(r, "%s", "--report, --exports, "
		                     "--require-inlined and --redefine-sym need a "
		                     "bitcode input"), 2;
	return 0;
}

/* Run the linker on pass, the compiled module in its slot, writing tmp. */
static int
run_linker(struct ld_run *r, const char *module, const char *tmp)
{
	struct args argv = ARGS_INIT;
	size_t i;
	int st;

	/* First, so that it comes before a "--". */
	args_push(&argv, "-o");
	args_push(&argv, tmp);
	for (i = 0; i < r->pass.n; i++)
		args_push(&argv, r->has_bitcode && i == r->module_slot ? module
		                                                       : r->pass.v[i]);
	st = linkline_run(r->ld, &argv, NULL);
	args_release(&argv);
	if (st < 0)
		return -1;
	if (st != 0)
		return error("'%s' failed (exit status %d); '%s' not written",
		             r->ld, st, r->output);
	return 0;
}

int
cmd_ld(int argc, char **argv, const char *llvm)
{
	struct ld_run r;
	struct buf module = BUF_INIT, text = BUF_INIT;
	struct buf module_tmp = BUF_INIT, out_tmp = BUF_INIT;
	const char *env = getenv("HELPERLINK_LD");
	int ret = 1, st;

	memset(&r, 0, sizeof(r));
	link_args_init(&r.a);
	r.a.llvm = llvm;
	r.ld = env && *env ? env : "ld";
	if (args_expand(&r.all, argc - 1, argv + 1) < 0)
		goto out;
	st = ld_parse(&r);
	if (r.help) {
		fputs(ld_usage, stdout);
		ret = 0;
		goto out;
	}
	if (st == 2)
		usage_error("ld", "%s", r.err);
	if (st != 0)
		goto out;
	r.a.o.output = r.output;
	if (link_args_check_outputs(&r.a, (const char *const *)r.pass.v,
	                            r.pass.n) < 0 ||
	    check_writable(r.output) < 0 ||
	    (r.a.o.report && check_writable(r.a.o.report) < 0))
		goto out;
	if (r.has_bitcode &&
	    (link_run(&r.a, &module, &text) < 0 ||
	     temp_beside(r.output, module.data, module.len, &module_tmp) < 0))
		goto out;
	/* The linker writes a temporary file, renamed with the report once
	 * both are complete: they appear together, and the linker's file
	 * keeps its mode. */
	if (temp_beside(r.output, "", 0, &out_tmp) < 0)
		goto out;
	if (run_linker(&r, module_tmp.data, out_tmp.data) == 0) {
		struct out_file files[2] = {
			{r.output, NULL, 0, out_tmp.data},
			{r.a.o.report, text.data, text.len, NULL},
		};

		if (write_files_atomic(files, r.a.o.report ? 2 : 1) == 0)
			ret = 0;
	} else {
		temp_remove(out_tmp.data);
	}
out:
	if (module_tmp.data)
		temp_remove(module_tmp.data);
	buf_release(&module_tmp);
	buf_release(&out_tmp);
	buf_release(&module);
	buf_release(&text);
	args_release(&r.all);
	args_release(&r.pass);
	link_args_release(&r.a);
	return ret;
}
