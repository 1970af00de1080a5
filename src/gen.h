/*
 * gen.h: what "helperlink gen" learns about a header's functions, and the
 * C and Rust files it writes from that (gen.c; no libclang).
 */
#ifndef GEN_H
#define GEN_H

#include <stddef.h>

#include "buf.h"

/* One function defined in the headers that Rust cannot link to. */
struct gen_fn {
	char *name;
	char *ret;              /* the C spelling of its result type */
	char **params;          /* of its parameters' types */
	char **param_names;     /* their names in C, or NULL */
	size_t nparams;
	char *why_not;          /* why no wrapper can be written, or NULL */
	char **rust_params;     /* the Rust types of the parameters, */
	char *rust_ret;         /* of the result (NULL: none), */
	char *rust_why_not;     /* or why they are not given */
	char *alias_of;         /* the function this macro names, or NULL */
	char *symbol;           /* an overload's (mangled) symbol, or NULL */
	int named_params;       /* the wrapper's parameters have the C names */
};

struct gen_set {
	struct gen_fn *fn;
	size_t n, cap;
	const char **opaque;    /* structs Rust points to, by name */
	size_t nopaque;
};

enum gen_naming {
	GEN_RUST_HELPER,        /* rust_helper_NAME, as the kernel */
	GEN_BINDGEN,            /* NAME__extern, as bindgen --wrap-static-fns */
};

/* A new function in set, to fill in. */
struct gen_fn *gen_add(struct gen_set *set, const char *name);
/* A new function in set named name, with f's types: an alias of f. */
void gen_add_alias(struct gen_set *set, const struct gen_fn *f, const char *name);
/* The function of set with this name, or NULL; set must be sorted. */
const struct gen_fn *gen_find(const struct gen_set *set, const char *name);
/* Sort the functions by name and drop repeated ones. */
void gen_sort(struct gen_set *set);
/* The wrapper's name for a function (an overload: its symbol), as a new
 * string. */
char *gen_wrapper_name(const char *name, enum gen_naming naming);
/* The helpers' C file: what "gen" writes.  headers and flags are said in
 * its first comment; headers are included as given. */
void gen_write_c(const struct gen_set *set, enum gen_naming naming,
                 const char *const *headers, size_t nheaders,
                 const char *const *flags, size_t nflags, struct buf *out);
/* The Rust declarations of the functions, by their C names ("gen --rust"). */
void gen_write_rust(const struct gen_set *set, const char *const *headers,
                    size_t nheaders, struct buf *out);
void gen_release(struct gen_set *set);

#endif
