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
#include "cmd.h"
#include "llvm.h"
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

/* Linker options whose value may be the next argument. */
static const char *const valued[] = {
	"-m", "-T", "-z", "-e", "-u", "-y", "-L", "-l", "-h", "-R", "-A", "-a",
	"-b", "-c", "-F", "-f", "-G", "-I", "-O", "-P", "-Y", "-dT",
	"--script", "--entry", "--undefined", "--defsym", "--soname",
	"-soname", "--rpath", "-rpath", "--rpath-link", "-rpath-link",
	"--version-script", "--wrap", "--require-defined", "--library",
	"--library-path", "--format", "--oformat", "--architecture",
	"--section-start", "-Ttext", "-Tdata", "-Tbss", "-Ttext-segment",
	"--trace-symbol", "--exclude-libs", "--just-symbols",
	"--retain-symbols-file", "--image-base", "--plugin", "-plugin",
	"--plugin-opt", "-plugin-opt", "--undefined-glob", "--dynamic-linker",
	"-dynamic-linker", "--dynamic-list", "--hash-style", "--sort-section",
	"--orphan-handling", "--unresolved-symbols", "--audit", "--depaudit",
	"--filter", "--auxiliary",
};

/* Linker options that would write helperlink's temporary names. */
static const char *const refused[] = {
	"-Map", "--Map", "--dependency-file", "-M", "--print-map",
};

static int
takes_value(const char *arg)
{
	size_t i;

	for (i = 0; i < LEN(valued); i++)
		if (strcmp(arg, valued[i]) == 0)
			return 1;
	return 0;
}

/* 1 when path holds bitcode, 0 when something else; -1 after printing
 * why it cannot be read. */
static int
is_bitcode_file(const char *path)
{
	unsigned char head[8];
	long n = read_prefix(path, head, sizeof(head));

	if (n < 0)
		return error("cannot open '%s':", path);
	return bc_is_bitcode(head, (size_t)n);
}

/* -o FILE, -oFILE, --output FILE, --output=FILE: the value, and how many
 * arguments it took; 0 when arg is not one. */
static int
output_option(char **v, size_t i, const char **out)
{
	const char *arg = v[i];

	if (strcmp(arg, "-o") == 0 || strcmp(arg, "--output") == 0) {
		*out = v[i + 1];
		return 2;
	}
	if (startswith(arg, "--output=")) {
		*out = arg + 9;
		return 1;
	}
	if (startswith(arg, "-o") && arg[2]) {
		*out = arg + 2;
		return 1;
	}
	return 0;
}

struct ld_run {
	struct link_args a;
	struct args all;       /* the arguments, response files expanded */
	struct args pass;      /* what the linker gets, without -o */
	const char *ld, *output;
	size_t module_slot;    /* where in pass the compiled module goes */
	int has_bitcode;
};

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

/* An input: bitcode goes to the module, the rest to the linker. */
static void
ld_input(struct ld_run *r, char *arg)
{
	switch (is_bitcode_file(arg)) {
	case -1:
		exit(1);
	case 1:
		if (!r->has_bitcode) {
			r->module_slot = r->pass.n;
			args_push(&r->pass, arg);
		}
		r->has_bitcode = 1;
		strlist_push(&r->a.o.crates, &r->a.o.ncrates, arg);
		break;
	default:
		args_push(&r->pass, arg);
	}
}

static void
ld_parse(struct ld_run *r)
{
	const char *err;
	size_t i;
	int n, files_only = 0;

	for (i = 0; i < r->all.n; i++) {
		char *arg = r->all.v[i];

		if (files_only) {
			ld_input(r, arg);
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			args_push(&r->pass, arg);
			files_only = 1;
			continue;
		}
		if (strcmp(arg, "--help") == 0) {
			fputs(ld_usage, stdout);
			exit(0);
		}
		if (startswith(arg, "--ld=")) {
			r->ld = arg + 5;
			continue;
		}
		if (strcmp(arg, "--ld") == 0) {
			if (!(r->ld = r->all.v[++i]))
				usage_error(ld_usage, "ld: option '--ld' needs a value");
			continue;
		}
		if (is_refused(arg))
			usage_error(ld_usage, "ld: '%s' would name helperlink's "
			            "temporary files", arg);
		if ((n = link_option_scan(r->all.v, (int)i, &r->a, &err)) > 0) {
			if (err)
				usage_error(ld_usage, "ld: %s", err);
			i += (size_t)n - 1;
			continue;
		}
		if ((n = output_option(r->all.v, i, &r->output)) > 0) {
			if (!r->output)
				usage_error(ld_usage, "ld: option '%s' needs a value",
				            arg);
			i += (size_t)n - 1;
			continue;
		}
		if (arg[0] == '-' && arg[1]) {
			args_push(&r->pass, arg);
			if (takes_value(arg) && r->all.v[i + 1])
				args_push(&r->pass, r->all.v[++i]);
			continue;
		}
		ld_input(r, arg);
	}
	if (!r->output)
		usage_error(ld_usage, "ld: no output file given (-o)");
	if (r->a.o.emit != EMIT_OBJ)
		usage_error(ld_usage, "ld: --emit cannot be used: the linker "
		            "needs objects");
	if (!r->has_bitcode && (r->a.o.report || r->a.exports ||
	                        r->a.o.require_inlined || r->a.nredefine_sym ||
	                        r->a.nredefine_syms))
		usage_error(ld_usage, "ld: --report, --exports, --require-inlined "
		            "and --redefine-sym need a bitcode input");
}

/* Run the linker on pass, the compiled module in its slot, writing tmp. */
static int
run_linker(struct ld_run *r, const char *module, const char *tmp)
{
	char **argv = xcalloc(r->pass.n + 4, sizeof(*argv));
	size_t i, n = 0;
	int st;

	argv[n++] = (char *)r->ld;
	/* First, so that it comes before a "--". */
	argv[n++] = "-o";
	argv[n++] = (char *)tmp;
	for (i = 0; i < r->pass.n; i++)
		argv[n++] = r->has_bitcode && i == r->module_slot ? (char *)module
		                                                   : r->pass.v[i];
	st = run_command(argv);
	free(argv);
	if (st < 0)
		return error("cannot run '%s'", r->ld);
	if (st != 0)
		return error("'%s' failed (exit status %d); '%s' not written",
		             r->ld, st, r->output);
	return 0;
}

int
cmd_ld(int argc, char **argv)
{
	struct ld_run r;
	struct buf module = BUF_INIT, text = BUF_INIT;
	struct buf module_tmp = BUF_INIT, out_tmp = BUF_INIT;
	const char *env = getenv("HELPERLINK_LD");
	int ret = 1;

	memset(&r, 0, sizeof(r));
	link_args_init(&r.a);
	r.ld = env && *env ? env : "ld";
	if (args_expand(&r.all, argc - 1, argv + 1) < 0)
		goto out;
	ld_parse(&r);
	r.a.o.output = r.output;
	if (check_writable(r.output) < 0 ||
	    (r.a.o.report && check_writable(r.a.o.report) < 0))
		goto out;
	if (r.has_bitcode &&
	    (link_compile(&r.a, &module, &text) < 0 ||
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
		unlink(out_tmp.data);
	}
out:
	if (module_tmp.data)
		unlink(module_tmp.data);
	buf_release(&module_tmp);
	buf_release(&out_tmp);
	buf_release(&module);
	buf_release(&text);
	args_release(&r.all);
	args_release(&r.pass);
	link_args_release(&r.a);
	return ret;
}
