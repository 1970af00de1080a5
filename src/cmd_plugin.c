/*
 * cmd_plugin.c: "helperlink plugin", which writes an LLVM pass plugin for
 * rustc (-Z llvm-plugins=NAME.so) that inlines the helpers inside rustc,
 * as "helperlink link" does outside it (plugin/run.c, plugin/shim.cpp).
 *
 * NAME.so is plugin/shim.cpp, compiled here with a C++ compiler against
 * the LLVM headers of rustc's LLVM major, linked with helperlink's own
 * code (libhelperlink-plugin.a, built position-independent beside the
 * helperlink program).  Beside it, NAME.args holds the link options, with
 * the helper files' absolute paths, one argument a line.
 */
#define _XOPEN_SOURCE 700  /* realpath() */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "buf.h"
#include "cmd.h"
#include "file.h"
#include "hash.h"
#include "link_args.h"
#include "msg.h"
#include "opt.h"
#include "plugin_tools.h"
#include "proc.h"
#include "temp.h"
#include "toolchain.h"
#include "util.h"
#include "version.h"

extern const char plugin_shim_text[];

static const char plugin_head[] =
	"usage: helperlink plugin --helpers FILE.bc... [LINK OPTIONS] -o NAME.so\n"
	"\n"
	"Write an LLVM pass plugin for rustc: with -Z llvm-plugins=NAME.so (and\n"
	"RUSTC_BOOTSTRAP=1 on a stable rustc), rustc imports the helpers each\n"
	"module calls and inlines them, under the rules of 'helperlink link', and\n"
	"its own optimizer and code generator write the object.  NAME.args beside\n"
	"it holds the options.  Needs a C++ compiler and the LLVM C++ headers of\n"
	"rustc's LLVM major (Debian: llvm-N-dev).  A %h in NAME becomes a hash\n"
	"of the helpers' content and the options, and the name is printed: rustc's\n"
	"incremental cache, which knows the plugin by its path, then sees a\n"
	"change of helpers as a change of its command line.\n"
	"\n"
	"Options:\n";

enum { PLUGIN_OUTPUT = 1, PLUGIN_RUSTC, PLUGIN_CXX, PLUGIN_HELP };

static const struct opt plugin_opts[] = {
	OPT("-o", PLUGIN_OUTPUT, OPT_VALUE, "NAME.so",
	 "the plugin to write (required); %h: see above"),
	OPT("--rustc", PLUGIN_RUSTC, OPT_VALUE, "PATH",
	 "the rustc it is for (default $RUSTC or rustc)"),
	OPT("--cxx", PLUGIN_CXX, OPT_VALUE, "PATH",
	 "the C++ compiler (default $CXX, clang++-N, clang++, c++)"),
	OPT("-h", PLUGIN_HELP, OPT_FLAG, NULL, NULL),
	OPT("--help", PLUGIN_HELP, OPT_FLAG, NULL, "show this help"),
	OPT_TEXT("\nand the options of 'helperlink link' but -o, --emit, --report and --format\n"
	         "(--helpers FILE, --exports FILE, --require-inlined, ...);\n"
	         "--report-format=json makes the reports that rustc writes with\n"
	         "HELPERLINK_REPORT_DIR=DIR JSON (DIR/MODULE.report.json)."),
	OPT_TABLE_END,
};

struct plugin {
	struct link_args a;
	struct args saved;      /* the link options, for NAME.args */
	const char *output, *rustc, *cxx;
};

/* Save option argv[i..i+used) for NAME.args, a file's path made absolute. */
static int
save(struct plugin *pl, char **argv, int i, int used)
{
	const char *name = argv[i], *eq = strchr(name, '=');
	const char *file;
	char abs[PATH_MAX], *opt;
	int k;

	if (!startswith(name, "--helpers") && !startswith(name, "--exports") &&
	    !startswith(name, "--redefine-syms")) {
		for (k = 0; k < used; k++)
			args_push(&pl->saved, argv[i + k]);
		return 0;
	}
	file = used == 2 ? argv[i + 1] : eq + 1;
	if (!realpath(file, abs))
		return error("'%s':", file);
	opt = used == 2 ? xstrdup(name) : xstrndup(name, (size_t)(eq - name));
	args_push(&pl->saved, opt);
	args_push(&pl->saved, abs);
	free(opt);
	return 0;
}

/* Compile the shim and link it with helperlink's code into so. */
static int
build(const struct plugin *pl, const char *so)
{
	struct plugin_tools t;
	struct buf src = BUF_INIT;
	char *incflag = NULL;
	const char *argv[32];
	size_t n = 0;
	int ret = -1;

	if (plugin_tools_find(&t, pl->rustc, pl->cxx) < 0)
		goto out;
	if (temp_beside(so, plugin_shim_text, strlen(plugin_shim_text), &src) < 0)
		goto out;
	incflag = xasprintf("-I%s", t.headers);
	argv[n++] = t.cxx;
	argv[n++] = "-std=c++17";
	argv[n++] = "-O2";
	argv[n++] = "-fPIC";
	argv[n++] = "-shared";
	argv[n++] = "-fno-rtti";
	argv[n++] = "-fno-exceptions";
	argv[n++] = "-fvisibility=hidden";
	argv[n++] = "-w";
	argv[n++] = incflag;
	argv[n++] = "-x";
	argv[n++] = "c++";
	argv[n++] = src.data;
	argv[n++] = "-x";
	argv[n++] = "none";
	argv[n++] = t.library;
	argv[n++] = "-ldl";
	argv[n++] = "-lpthread";
	argv[n++] = "-o";
	argv[n++] = so;
	argv[n] = NULL;
	if (run_command((char *const *)argv) != 0)
		error("'%s': %s cannot build the plugin", so, t.cxx);
	else
		ret = 0;
	temp_remove(src.data);
out:
	buf_release(&src);
	free(incflag);
	plugin_tools_release(&t);
	return ret;
}

/* NAME with its %h replaced by the hash of the helpers and the saved
 * options (NULL after printing why), or NAME itself; a new string. */
static char *
content_name(const struct plugin *pl, const char *name)
{
	const char *h = strstr(name, "%h");
	struct hash sum;
	char hex[33];
	size_t i;

	if (!h)
		return xstrdup(name);
	hash_init(&sum);
	hash_str(&sum, HELPERLINK_VERSION);
	for (i = 0; i < pl->saved.n; i++)
		hash_str(&sum, pl->saved.v[i]);
	for (i = 0; i < pl->a.o.nhelpers; i++)
		if (hash_file(&sum, pl->a.o.helpers[i]) < 0)
			return NULL;
	hash_hex(&sum, hex);
	return xasprintf("%.*s%.16s%s", (int)(h - name), name, hex, h + 2);
}

int
cmd_plugin(int argc, char **argv, const char *llvm)
{
	struct plugin pl;
	struct opt_parser p;
	struct buf args = BUF_INIT, so_tmp = BUF_INIT;
	struct out_file files[1] = {{NULL, NULL, 0, NULL}};
	char *args_path = NULL, *so = NULL;
	int i, used, id, ret = 1;
	size_t k;

	(void)llvm;
	memset(&pl, 0, sizeof(pl));
	link_args_init(&pl.a);
	pl.rustc = toolchain_rustc();
	opt_init(&p, argc, argv);
	for (i = 1; i < argc; i += used) {
		used = link_args_match(&pl.a, &p, i);
		if (used < 0)
			usage_error("plugin", "%s", p.err);
		if (used > 0) {
			/* --inline-from: copies into rustc's module are untried. */
			if (startswith(argv[i], "--emit") || strcmp(argv[i], "--report") == 0 ||
			    startswith(argv[i], "--report=") ||
			    startswith(argv[i], "--inline-from"))
				usage_error("plugin", "'%s' is not for the plugin", argv[i]);
			if (save(&pl, argv, i, used) < 0)
				goto out;
			continue;
		}
		p.i = i;
		id = opt_next(&p, plugin_opts);
		used = p.i - i;
		if (id == OPT_ERROR)
			usage_error("plugin", "%s", p.err);
		if (id == OPT_OPERAND)
			usage_error("plugin", "'%s': the plugin takes no crate", p.value);
		if (id == PLUGIN_HELP) {
			ret = opt_help(plugin_head, plugin_opts);
			goto out;
		}
		if (id == PLUGIN_OUTPUT)
			pl.output = p.value;
		else if (id == PLUGIN_RUSTC)
			pl.rustc = p.value;
		else if (id == PLUGIN_CXX)
			pl.cxx = p.value;
	}
	if (!pl.output)
		usage_error("plugin", "no output file given (-o NAME.so)");
	if (!skip_prefix(pl.output + (strlen(pl.output) > 3 ? strlen(pl.output) - 3 : 0), ".so"))
		usage_error("plugin", "'%s': the plugin's name must end in .so", pl.output);
	if (pl.a.o.nhelpers == 0)
		usage_error("plugin", "no helpers given (--helpers FILE.bc)");
	for (k = 0; k < pl.a.o.nhelpers; k++)
		if (check_input(pl.a.o.helpers[k]) < 0)
			goto out;
	if (!(so = content_name(&pl, pl.output)))
		goto out;
	args_path = xasprintf("%.*s.args", (int)(strlen(so) - 3), so);
	for (k = 0; k < pl.saved.n; k++)
		buf_addf(&args, "%s\n", pl.saved.v[k]);
	/* The plugin is built under a temporary name and renamed with its
	 * arguments, so neither is ever half there. */
	if (check_writable(so) < 0 || temp_beside(so, "", 0, &so_tmp) < 0 ||
	    build(&pl, so_tmp.data) < 0)
		goto out;
	files[0].path = args_path;
	files[0].data = args.data;
	files[0].len = args.len;
	if (write_files_atomic(files, 1) == 0 && rename(so_tmp.data, so) == 0)
		ret = 0;
	else
		error("'%s':", so);
	if (ret == 0 && strcmp(so, pl.output) != 0)
		printf("%s\n", so);
out:
	if (so_tmp.data)
		temp_remove(so_tmp.data);
	buf_release(&so_tmp);
	buf_release(&args);
	free(args_path);
	free(so);
	args_release(&pl.saved);
	link_args_release(&pl.a);
	return ret;
}
