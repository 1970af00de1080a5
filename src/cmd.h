/*
 * cmd.h: the subcommands, one file each, listed in main.c's commands[].
 * A command returns the process exit status: 0 success, 1 failure;
 * usage mistakes exit with 2 through usage_error().
 */
#ifndef CMD_H
#define CMD_H

#include "args.h"
#include "gen.h"
#include "llvm.h"

#define HELPERLINK_VERSION "0.1.0"

/* --llvm PATH given before the subcommand, or NULL. */
extern const char *global_llvm;

int cmd_link(int argc, char **argv);
int cmd_ld(int argc, char **argv);

/* What "helperlink gen" was asked about (cmd_gen.c); link --header uses
 * the same arguments. */
struct gen_args {
	const char **headers;
	size_t nheaders;
	struct args flags;       /* compiler flags, for libclang */
	enum gen_naming naming;
	int system;
	const char *libclang;
};

/* What "helperlink link" was asked to do. */
struct link_args {
	struct link_options o;
	const char *llvm;     /* --llvm PATH */
	const char *exports;  /* --exports FILE */
	const char **redefine_sym;   /* --redefine-sym OLD=NEW */
	size_t nredefine_sym;
	const char **redefine_syms;  /* --redefine-syms FILE */
	size_t nredefine_syms;
	struct gen_args gen;  /* --header FILE, --cflags FLAGS */
	int help;
};

/*
 * Parse the arguments of "helperlink link" (argv[0] is "link") into a,
 * whose arrays the caller frees.  Returns NULL, or what is wrong.
 */
const char *link_parse(int argc, char **argv, struct link_args *a);
/* The defaults of "helperlink link", for a caller that parses itself. */
void link_args_init(struct link_args *a);
/*
 * If argv[i] is one of link's long options (--helpers FILE, --opt=O2, ...),
 * apply it and return how many arguments it took (1 or 2), with *err set
 * when its value is wrong; else return 0.  For "helperlink ld", which
 * passes everything else to the linker.
 */
int link_option_scan(char **argv, int i, struct link_args *a, const char **err);
/* The renamings the arguments ask for, read into r; -1 after printing
 * why. */
int link_renames(const struct link_args *a, struct renames *r);
void link_args_release(struct link_args *a);
/*
 * What "helperlink link" and "helperlink ld" share: read the export list
 * and renamings, load libLLVM, link the crates with their helpers into
 * out and print the report into text.  Writes no file; -1 after printing
 * why.
 */
int link_compile(struct link_args *a, struct buf *out, struct buf *text);
int cmd_compat(int argc, char **argv);
int cmd_gen(int argc, char **argv);
int cmd_cc(int argc, char **argv);

/*
 * If argv[i] is one of gen's compiler flags or options, apply it and
 * return how many arguments it took (1 or 2), with *err set when its value
 * is wrong; else return 0.
 */
int gen_arg(struct gen_args *g, int argc, char **argv, int i, const char **err);
/* Find the headers' functions and write the wrappers (or, rust, the Rust
 * declarations) into out; -1 after printing why. */
int gen_run(const struct gen_args *g, const char *cc, int rust, struct buf *out);
/* Add the compiler flags in s, split as a response file is: at white
 * space, with quotes grouping (args_split()). */
void gen_add_cflags(struct gen_args *g, const char *s);
void gen_args_release(struct gen_args *g);
int cmd_report(int argc, char **argv);

#endif
