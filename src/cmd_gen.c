/*
 * cmd_gen.c: "helperlink gen", which writes a helper for every function
 * of a header that Rust cannot link to (static or inline), or, with
 * --rust, the Rust declarations that call them by their C names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clang.h"
#include "cmd.h"
#include "toolchain.h"
#include "util.h"

static const char gen_usage[] =
	"usage: helperlink gen [COMPILER FLAGS] [OPTIONS] HEADER... -o FILE\n"
	"\n"
	"Write a C file with a wrapper for every function that the headers define\n"
	"static or inline (Rust cannot link to those), to compile into helper\n"
	"bitcode; or, with --rust, Rust declarations of those functions under\n"
	"their own names, which 'helperlink link' binds to the wrappers.  HEADER\n"
	"is named as #include \"HEADER\" would name it.  Functions of headers that\n"
	"the named ones include are taken too, unless they are system headers.\n"
	"\n"
	"Compiler flags, given to libclang as to the compiler that will build the\n"
	"wrappers (which functions are inline can depend on them):\n"
	"  -I DIR, -isystem DIR, -D NAME[=VALUE], -U NAME, -include FILE,\n"
	"  -std=STD (or --std=STD), -O LEVEL, -m..., -f...\n"
	"  --cflags 'FLAGS'       more of them, split at spaces (quotes group)\n"
	"\n"
	"Options:\n"
	"  -o FILE                write the result to FILE (required)\n"
	"  --rust                 write Rust declarations instead\n"
	"  --naming=rust_helper   name wrappers rust_helper_NAME (the default)\n"
	"  --naming=bindgen       name them NAME__extern, as bindgen --wrap-static-fns\n"
	"  --system               take functions of system headers they include too\n"
	"  --cc PATH              the C compiler (default $CC or clang): its libclang\n"
	"                         and its own headers are used\n"
	"  --libclang PATH        load this libclang\n"
	"  -h, --help             show this help\n";

/* Whether a is a compiler flag that takes the next argument as its value. */
static int
flag_with_value(const char *a)
{
	return strcmp(a, "-I") == 0 || strcmp(a, "-D") == 0 ||
	       strcmp(a, "-U") == 0 || strcmp(a, "-include") == 0 ||
	       strcmp(a, "-isystem") == 0 || strcmp(a, "-O") == 0;
}

/* Whether a is a compiler flag with its value attached. */
static int
flag_alone(const char *a)
{
	return (a[0] == '-' && strchr("IDUOmf", a[1]) && a[2]) ||
	       strncmp(a, "-std=", 5) == 0 || strcmp(a, "-w") == 0;
}

void
gen_args_release(struct gen_args *g)
{
	args_release(&g->flags);
	free(g->headers);
	memset(g, 0, sizeof(*g));
}

void
gen_add_cflags(struct gen_args *g, const char *s)
{
	args_split(&g->flags, s);
}

int
gen_arg(struct gen_args *g, int argc, char **argv, int i, const char **err)
{
	const char *a = argv[i];

	*err = NULL;
	if (strcmp(a, "--cflags") == 0 || strncmp(a, "--cflags=", 9) == 0) {
		if (a[8] == '=') {
			gen_add_cflags(g, a + 9);
			return 1;
		}
		if (i + 1 >= argc) {
			*err = "--cflags needs a value";
			return 1;
		}
		gen_add_cflags(g, argv[i + 1]);
		return 2;
	}
	if (strncmp(a, "--std=", 6) == 0) {
		char *s = xasprintf("-std=%s", a + 6);

		args_push(&g->flags, s);
		free(s);
		return 1;
	}
	if (flag_with_value(a)) {
		if (i + 1 >= argc) {
			*err = "a compiler flag needs a value";
			return 1;
		}
		args_push(&g->flags, a);
		args_push(&g->flags, argv[i + 1]);
		return 2;
	}
	if (flag_alone(a)) {
		args_push(&g->flags, a);
		return 1;
	}
	if (strcmp(a, "--system") == 0) {
		g->system = 1;
		return 1;
	}
	if (strncmp(a, "--naming=", 9) == 0) {
		if (strcmp(a + 9, "rust_helper") == 0)
			g->naming = GEN_RUST_HELPER;
		else if (strcmp(a + 9, "bindgen") == 0)
			g->naming = GEN_BINDGEN;
		else
			*err = "--naming is rust_helper or bindgen";
		return 1;
	}
	if (strncmp(a, "--libclang=", 11) == 0) {
		g->libclang = a + 11;
		return 1;
	}
	if (strcmp(a, "--libclang") == 0) {
		if (i + 1 >= argc)
			*err = "--libclang needs a value";
		else
			g->libclang = argv[i + 1];
		return 2;
	}
	return 0;
}

int
gen_run(const struct gen_args *g, const char *cc, int rust, struct buf *out)
{
	struct gen_set set = {0};
	struct gen_options o;

	o.headers = g->headers;
	o.nheaders = g->nheaders;
	o.flags = (const char *const *)g->flags.v;
	o.nflags = g->flags.n;
	o.cc = cc;
	o.system = g->system;
	if (clang_load(g->libclang, cc) < 0 || clang_gen(&o, &set) < 0) {
		gen_release(&set);
		return -1;
	}
	if (rust)
		gen_write_rust(&set, g->headers, g->nheaders, out);
	else
		gen_write_c(&set, g->naming, g->headers, g->nheaders,
		            (const char *const *)g->flags.v, g->flags.n, out);
	gen_release(&set);
	return 0;
}

int
cmd_gen(int argc, char **argv)
{
	struct gen_args g = {0};
	struct buf out = BUF_INIT;
	const char *output = NULL, *cc = toolchain_cc(), *err;
	int i, rust = 0, ret;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		int n = gen_arg(&g, argc, argv, i, &err);

		if (err)
			usage_error(gen_usage, "gen: %s", err);
		if (n) {
			i += n - 1;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(gen_usage, stdout);
			gen_args_release(&g);
			return 0;
		} else if (strcmp(a, "-o") == 0) {
			if (++i >= argc)
				usage_error(gen_usage, "gen: -o needs a file");
			output = argv[i];
		} else if (strcmp(a, "--rust") == 0) {
			rust = 1;
		} else if (strcmp(a, "--cc") == 0) {
			if (++i >= argc)
				usage_error(gen_usage, "gen: --cc needs a value");
			cc = argv[i];
		} else if (a[0] == '-' && a[1]) {
			usage_error(gen_usage, "gen: unknown option '%s'", a);
		} else {
			strlist_push(&g.headers, &g.nheaders, a);
		}
	}
	if (g.nheaders == 0)
		usage_error(gen_usage, "gen: no header given");
	if (!output)
		usage_error(gen_usage, "gen: no output file given (-o FILE)");
	if (check_writable(output) < 0) {
		gen_args_release(&g);
		return 1;
	}
	ret = gen_run(&g, cc, rust, &out);
	if (ret == 0)
		ret = write_file_atomic(output, out.data, out.len);
	buf_release(&out);
	gen_args_release(&g);
	return ret < 0 ? 1 : 0;
}
