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

/* What "helperlink link" was asked to do. */
struct link_args {
	struct link_options o;
	const char *llvm;     /* --llvm PATH */
	const char *exports;  /* --exports FILE */
	int help;
};

/*
 * Parse the arguments of "helperlink link" (argv[0] is "link") into a,
 * whose arrays the caller frees.  Returns NULL, or what is wrong.
 */
const char *link_parse(int argc, char **argv, struct link_args *a);
int cmd_compat(int argc, char **argv);
int cmd_report(int argc, char **argv);

#endif
