/*
 * cmd.h: the subcommands, one file each, listed in main.c's commands[].
 * A command returns the process exit status: 0 success, 1 failure;
 * usage mistakes exit with 2 through usage_error().
 */
#ifndef CMD_H
#define CMD_H

#include "llvm.h"

/* --llvm PATH given before the subcommand, or NULL. */
extern const char *global_llvm;

int cmd_link(int argc, char **argv);
int cmd_ld(int argc, char **argv);

/* What "helperlink link" was asked to do. */
struct link_args {
	struct link_options o;
	const char *llvm;     /* --llvm PATH */
	const char *exports;  /* --exports FILE */
	const char **redefine_sym;   /* --redefine-sym OLD=NEW */
	size_t nredefine_sym;
	const char **redefine_syms;  /* --redefine-syms FILE */
	size_t nredefine_syms;
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
int cmd_report(int argc, char **argv);

#endif
