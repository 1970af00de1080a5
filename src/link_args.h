/*
 * link_args.h: what "helperlink link" is asked to do, and doing it.
 * "helperlink ld" takes the same long options among the linker's
 * (link_args_match()), and "helperlink cc" runs links of its own.
 */
#ifndef LINK_ARGS_H
#define LINK_ARGS_H

#include "buf.h"
#include "gen_args.h"
#include "llvm.h"
#include "opt.h"

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
	char err[300];        /* what link_args_parse() found wrong */
};

/* The options of "helperlink link", for its usage. */
extern const struct opt link_opts[];

/* The defaults of "helperlink link". */
void link_args_init(struct link_args *a);
/*
 * Parse the arguments of "helperlink link" (argv[0] is "link") into a,
 * which link_args_release() frees.  Returns NULL, or what is wrong.
 */
const char *link_args_parse(int argc, char **argv, struct link_args *a);
/*
 * If p's argument i is one of link's long options but --format and
 * --help (--helpers FILE, --opt=O2, ...), apply it and return how many
 * arguments it took (1 or 2); -1 with the reason in p->err when its value
 * is wrong; 0 when it is not one.  For "helperlink ld", which passes
 * everything else to the linker.
 */
int link_args_match(struct link_args *a, struct opt_parser *p, int i);
void link_args_release(struct link_args *a);
/* Refuse outputs (-o, --report) that are inputs, through symbolic links
 * too, or the same file twice: -1 after printing why.  more names other
 * inputs (ld's native ones). */
int link_args_check_outputs(const struct link_args *a, const char *const *more,
                            size_t nmore);

/*
 * Do what a asks (link_run.c): read the export list and renamings, make
 * the helpers of --header, load libLLVM, link the crates with their
 * helpers into out and print the report into text.  Writes no file but
 * the temporary ones of --header, beside the output; -1 after printing
 * why.
 */
int link_run(struct link_args *a, struct buf *out, struct buf *text);

#endif
