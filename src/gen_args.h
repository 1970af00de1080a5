/*
 * gen_args.h: what "helperlink gen" is asked about, and doing it; "link
 * --header" asks the same.
 */
#ifndef GEN_ARGS_H
#define GEN_ARGS_H

#include <stddef.h>

#include "args.h"
#include "buf.h"
#include "gen.h"
#include "relist.h"

struct gen_args {
	const char **headers;
	size_t nheaders;
	struct args flags;       /* compiler flags, for libclang */
	enum gen_naming naming;
	int system;
	struct relist allow_file, allow_function, block_function;
	int allow_empty;
	const char *libclang;
};

/* Add the compiler flags in s, split as a response file is: at white
 * space, with quotes grouping (args_split()). */
void gen_add_cflags(struct gen_args *g, const char *s);
/* Find the headers' functions and write the wrappers (or, rust, the Rust
 * declarations) into out; -1 after printing why. */
int gen_run(const struct gen_args *g, const char *cc, int rust,
            struct buf *out);
void gen_args_release(struct gen_args *g);

#endif
