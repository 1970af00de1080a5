/*
 * cmd_gen.c: "helperlink gen", which writes a helper for every function
 * of a header that Rust cannot link to (static or inline), or, with
 * --rust, the Rust declarations that call them by their C names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "file.h"
#include "gen_args.h"
#include "msg.h"
#include "opt.h"
#include "toolchain.h"
#include "util.h"

static const char gen_head[] =
	"usage: helperlink gen [COMPILER FLAGS] [OPTIONS] HEADER... -o FILE\n"
	"\n"
	"Write a C file with a wrapper for every function that the headers define\n"
	"static or inline (Rust cannot link to those), to compile into helper\n"
	"bitcode; or, with --rust, Rust declarations of those functions under\n"
	"their own names, which 'helperlink link' binds to the wrappers.  HEADER\n"
	"is named as #include \"HEADER\" would name it.  The functions taken are\n"
	"those of the named headers and of every header they include, except the\n"
	"C library's and the compiler's own; --allow-* choose others.  Taking\n"
	"none is an error.\n"
	"\n"
	"Compiler flags, given to libclang as to the compiler that will build the\n"
	"wrappers (which functions are inline can depend on them):\n";

enum {
	GEN_FLAG = 1, GEN_STD, GEN_CFLAGS, GEN_OUTPUT, GEN_RUST, GEN_NAMING,
	GEN_SYSTEM, GEN_ALLOW_FILE, GEN_ALLOW_FUNCTION, GEN_BLOCK_FUNCTION,
	GEN_ALLOW_EMPTY, GEN_CC, GEN_LIBCLANG, GEN_HELP,
};

static const struct opt gen_opts[] = {
	OPT("-I", GEN_FLAG, OPT_VALUE, "DIR", "a directory of headers"),
	OPT("-isystem", GEN_FLAG, OPT_VALUE, "DIR", "a directory of system headers"),
	OPT("-D", GEN_FLAG, OPT_VALUE, "NAME[=VALUE]", "define a macro"),
	OPT("-U", GEN_FLAG, OPT_VALUE, "NAME", "undefine a macro"),
	OPT("-include", GEN_FLAG, OPT_VALUE, "FILE", "include FILE first"),
	OPT("-std=", GEN_FLAG, OPT_PREFIX, "STD", "the C standard (also --std=STD)"),
	OPT("--std", GEN_STD, OPT_VALUE, "=STD", NULL),
	OPT("-O", GEN_FLAG, OPT_VALUE, "LEVEL", "the optimization level (-O2: __OPTIMIZE__)"),
	OPT("-m", GEN_FLAG, OPT_PREFIX, "...", "target options"),
	OPT("-f", GEN_FLAG, OPT_PREFIX, "...", "language options"),
	OPT("-w", GEN_FLAG, OPT_FLAG, NULL, "no warnings"),
	OPT("-W", GEN_FLAG, OPT_PREFIX, "...", "warning options"),
	OPT("-g", GEN_FLAG, OPT_FLAG, NULL, NULL),
	OPT("-g", GEN_FLAG, OPT_PREFIX, "...", "debug information (no effect here)"),
	OPT("-pthread", GEN_FLAG, OPT_FLAG, NULL, "as the compiler (_REENTRANT)"),
	OPT("-pipe", GEN_FLAG, OPT_FLAG, NULL, "no effect here"),
	OPT("--cflags", GEN_CFLAGS, OPT_VALUE, "'FLAGS'",
	 "more of them, split at spaces (quotes group)"),
	OPT_TEXT("\nOptions:"),
	OPT("-o", GEN_OUTPUT, OPT_VALUE, "FILE", "write the result to FILE (required)"),
	OPT("--rust", GEN_RUST, OPT_FLAG, NULL, "write Rust declarations instead"),
	OPT("--naming", GEN_NAMING, OPT_VALUE, "=rust_helper|bindgen",
	 "name wrappers rust_helper_NAME (the default), or\n"
	 "NAME__extern, as bindgen --wrap-static-fns"),
	OPT("--system", GEN_SYSTEM, OPT_FLAG, NULL,
	 "take the C library's and the compiler's functions too"),
	OPT("--allow-file", GEN_ALLOW_FILE, OPT_VALUE, "REGEX",
	 "take the functions of the headers whose path REGEX\n"
	 "matches (all of it; POSIX extended), wherever they are"),
	OPT("--allow-function", GEN_ALLOW_FUNCTION, OPT_VALUE, "REGEX",
	 "take the functions whose name REGEX matches; with\n"
	 "--allow-file, those two choose, not the default"),
	OPT("--block-function", GEN_BLOCK_FUNCTION, OPT_VALUE, "REGEX",
	 "do not take the functions whose name REGEX matches"),
	OPT("--allow-empty", GEN_ALLOW_EMPTY, OPT_FLAG, NULL,
	 "write the file even when no function is taken"),
	OPT("--cc", GEN_CC, OPT_VALUE, "PATH",
	 "the C compiler (default $CC or clang): its libclang\n"
	 "and its own headers are used"),
	OPT("--libclang", GEN_LIBCLANG, OPT_VALUE, "PATH", "load this libclang"),
	OPT("-h", GEN_HELP, OPT_FLAG, NULL, NULL),
	OPT("--help", GEN_HELP, OPT_FLAG, NULL, "show this help"),
	OPT_TABLE_END,
};

/* The C standards -std= may name, as clang spells them. */
static int
known_std(const char *std)
{
	static const char *const stds[] = {
		"c89", "c90", "c99", "c9x", "c11", "c1x", "c17", "c18", "c2x", "c23",
		"c2y", "gnu89", "gnu90", "gnu99", "gnu9x", "gnu11", "gnu1x", "gnu17",
		"gnu18", "gnu2x", "gnu23", "gnu2y", "iso9899:1990", "iso9899:199409",
		"iso9899:1999", "iso9899:199x", "iso9899:2011", "iso9899:2017",
		"iso9899:2018", "iso9899:2024",
	};

	return strlist_has(stds, LEN(stds), std);
}

static const char *
bad_std(struct opt_parser *p, const char *std)
{
	snprintf(p->err, sizeof(p->err), "'-std=%s' is not a C standard (c89, c99, "
	         "c11, c17, c23, gnu89 ... gnu23, as clang names them)", std);
	return p->err;
}

/* Add a --allow-* or --block-* regular expression; NULL, or what is
 * wrong (in p->err). */
static const char *
add_regex(struct relist *l, struct opt_parser *p)
{
	char why[160];

	if (relist_add(l, p->value, why, sizeof(why)) == 0)
		return NULL;
	snprintf(p->err, sizeof(p->err), "%s '%s': not a regular expression: %s",
	         p->arg, p->value, why);
	return p->err;
}

/* Apply option id; NULL, or what is wrong. */
static const char *
apply(struct gen_args *g, struct opt_parser *p, int id, int used)
{
	const char *std;
	char *s;
	int k;

	switch (id) {
	case GEN_FLAG:
		std = skip_prefix(p->argv[p->i - used], "-std=");
		if (std && !known_std(std))
			return bad_std(p, std);
		/* As given: "-I DIR" as two arguments, "-IDIR" as one. */
		for (k = 0; k < used; k++)
			args_push(&g->flags, p->argv[p->i - used + k]);
		break;
	case GEN_STD:
		if (!known_std(p->value))
			return bad_std(p, p->value);
		s = xasprintf("-std=%s", p->value);
		args_push(&g->flags, s);
		free(s);
		break;
	case GEN_CFLAGS:
		gen_add_cflags(g, p->value);
		break;
	case GEN_NAMING:
		if (strcmp(p->value, "rust_helper") == 0)
			g->naming = GEN_RUST_HELPER;
		else if (strcmp(p->value, "bindgen") == 0)
			g->naming = GEN_BINDGEN;
		else
			return "--naming is rust_helper or bindgen";
		break;
	case GEN_SYSTEM:
		g->system = 1;
		break;
	case GEN_ALLOW_FILE:
		return add_regex(&g->allow_file, p);
	case GEN_ALLOW_FUNCTION:
		return add_regex(&g->allow_function, p);
	case GEN_BLOCK_FUNCTION:
		return add_regex(&g->block_function, p);
	case GEN_ALLOW_EMPTY:
		g->allow_empty = 1;
		break;
	case GEN_LIBCLANG:
		g->libclang = p->value;
		break;
	}
	return NULL;
}

int
cmd_gen(int argc, char **argv, const char *llvm)
{
	struct gen_args g = {0};
	struct buf out = BUF_INIT;
	const char *output = NULL, *cc = toolchain_cc(), *err;
	struct opt_parser p;
	int id, rust = 0, ret = 1, before;

	(void)llvm;
	opt_init(&p, argc, argv);
	for (before = p.i; (id = opt_next(&p, gen_opts)) != OPT_DONE; before = p.i) {
		if (id == OPT_ERROR)
			usage_error("gen", "%s", p.err);
		if (id == OPT_OPERAND)
			strlist_push(&g.headers, &g.nheaders, p.value);
		else if (id == GEN_HELP)
			goto help;
		else if (id == GEN_OUTPUT)
			output = p.value;
		else if (id == GEN_RUST)
			rust = 1;
		else if (id == GEN_CC)
			cc = p.value;
		else if ((err = apply(&g, &p, id, p.i - before)) != NULL)
			usage_error("gen", "%s", err);
	}
	if (g.nheaders == 0)
		usage_error("gen", "no header given");
	if (!output)
		usage_error("gen", "no output file given (-o FILE)");
	if (check_outputs(&output, 1, g.headers, g.nheaders) == 0 &&
	    check_writable(output) == 0 && gen_run(&g, cc, rust, &out) == 0 &&
	    write_file_atomic(output, out.data, out.len) == 0)
		ret = 0;
	goto out;
help:
	ret = opt_help(gen_head, gen_opts);
out:
	buf_release(&out);
	gen_args_release(&g);
	return ret;
}
