/*
 * clang.h: helperlink's use of libclang (src/clang/), for
 * "helperlink gen" and "helperlink link --header".
 */
#ifndef CLANG_H
#define CLANG_H

#include <stddef.h>

#include "gen.h"
#include "relist.h"

/* Load libclang: path, else $HELPERLINK_LIBCLANG, else the C compiler
 * cc's own (see clang/library.c); -1 after printing why. */
int clang_load(const char *path, const char *cc);
/* The libclang loaded, or NULL. */
const char *clang_path(void);

struct gen_options {
	const char *const *headers;     /* as #include "..." would name them */
	size_t nheaders;
	const char *const *flags;       /* -I, -D, -include, -std, -O... */
	size_t nflags;
	const char *cc;                 /* the C compiler the wrappers are for */
	int system;                     /* the C library's functions too */
	const struct relist *allow_file;        /* take what these match */
	const struct relist *allow_function;
	const struct relist *block_function;    /* and not what this does */
	int allow_empty;                /* taking nothing is not an error */
};

/* Find the functions of the headers that need a wrapper, sorted, into
 * set; -1 after printing why (a header that does not parse). */
int clang_gen(const struct gen_options *o, struct gen_set *set);

#endif
