/* main.c: global options and the table of subcommands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "demangle.h"
#include "llvm.h"
#include "msg.h"
#include "opt.h"
#include "util.h"
#include "version.h"

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv, const char *llvm);
	const char *summary;
} commands[] = {
	{"link", cmd_link, "inline C helpers into Rust crate bitcode and compile it"},
	{"ld", cmd_ld, "link a module of bitcode and native objects, inlining helpers"},
	{"report", cmd_report, "show the helper calls left in an object, and why"},
	{"gen", cmd_gen, "write helpers for the inline functions of C headers"},
	{"plugin", cmd_plugin, "write a pass plugin that inlines the helpers inside rustc"},
	{"cc", cmd_cc, "a linker driver for cargo: inline C bitcode into Rust's"},
	{"compat", cmd_compat, "check that rustc, the C compiler and bitcode can be combined"},
};

enum { MAIN_LLVM = 1, MAIN_VERSION, MAIN_HELP };

static const struct opt main_opts[] = {
	OPT("--llvm", MAIN_LLVM, OPT_VALUE, "PATH", NULL),
	OPT("--version", MAIN_VERSION, OPT_FLAG, NULL, NULL),
	OPT("--help", MAIN_HELP, OPT_FLAG, NULL, NULL),
	OPT("-h", MAIN_HELP, OPT_FLAG, NULL, NULL),
	OPT_TABLE_END,
};

static void
usage(FILE *f)
{
	size_t i;

	fputs("usage: helperlink [--llvm PATH] COMMAND [ARGS]\n"
	      "       helperlink --version | --help\n\ncommands:\n", f);
	for (i = 0; i < LEN(commands); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("\n'helperlink COMMAND --help' describes a command.\n"
	      "libLLVM is taken from --llvm, $HELPERLINK_LLVM, or the sysroot of\n"
	      "$RUSTC (default: rustc on PATH).\n", f);
}

static int
version(const char *llvm)
{
	char v[32];
	struct llvm_version lv;

	printf("helperlink %s\n", HELPERLINK_VERSION);
	if (llvm_load(llvm, NULL) < 0)
		return 1;
	lv = llvm_version();
	printf("LLVM %s (%s)\ndemangler: %s\n", version_str(&lv, v), llvm_path(),
	       demangler());
	return 0;
}

static int
finish(int status)
{
	fflush(stdout);
	if (ferror(stdout))
		fatal("cannot write to standard output");
	return status;
}

int
main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/'), *llvm = NULL;
	struct opt_parser p;
	int id, used;
	size_t c;

	/* Run as helperlink-cc (a link to helperlink), it is "helperlink cc":
	 * rustc's -C linker takes a program, not a program and arguments. */
	base = base ? base + 1 : argv[0];
	if (strcmp(base, "helperlink-cc") == 0)
		return finish(cmd_cc(argc, argv, NULL));
	opt_init(&p, argc, argv);
	/* The global options, up to the command. */
	for (; p.i < argc && argv[p.i][0] == '-'; p.i += used) {
		id = opt_match(&p, main_opts, p.i, &used);
		if (id == MAIN_HELP) {
			usage(stdout);
			return finish(0);
		}
		if (id == MAIN_VERSION)
			return finish(version(llvm));
		if (id == MAIN_LLVM) {
			llvm = p.value;
			continue;
		}
		usage_error(NULL, "unknown option '%s'", argv[p.i]);
	}
	if (p.i == argc)
		usage_error(NULL, "no command given");
	for (c = 0; c < LEN(commands); c++)
		if (strcmp(argv[p.i], commands[c].name) == 0)
			return finish(commands[c].run(argc - p.i, argv + p.i, llvm));
	usage_error(NULL, "'%s' is not a helperlink command", argv[p.i]);
}
