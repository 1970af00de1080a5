/*
 * clang/internal.h: what the files of src/clang/ share: libclang's
 * strings as C strings and its kinds of type (text.c), which functions gen takes (scope.c) and
 * their Rust types (rust.c).  functions.c walks the headers with them.
 */
#ifndef CLANG_INTERNAL_H
#define CLANG_INTERNAL_H

#include <stddef.h>

#include "api.h"
#include "../clang.h"
#include "../buf.h"
#include "../map.h"

/* The name of the file that includes the headers, which is not on disk. */
#define MAIN_FILE "helperlink-gen.c"

/* A CXString's text as a new string; s is disposed of. */
char *cx_take(CXString s);
/* A file's name as a new string ("" for none). */
char *cx_file_name(CXFile f);
/* The file a location is in, as a new string ("" for none). */
char *cx_location_file(CXSourceLocation loc, unsigned *line);
/* Whether t is an array type, or a function type (with a prototype or
 * not). */
int cx_is_array(CXType t);
int cx_is_function(CXType t);

/*
 * Which functions gen takes.  By default those of the named headers and
 * of every header they include, except the C library's and the
 * compiler's: the files that a translation unit reaches when it includes
 * the standard C and POSIX headers (scope.c lists them), and the files
 * of the compiler's resource directory.  --allow-file and
 * --allow-function replace that with what they match; --block-function
 * removes what it matches.  --system takes every file.
 */
struct scope {
	const struct gen_options *o;
	struct strmap named;    /* the files the main file includes */
	struct strmap libc;     /* the C library's files */
	char *resource;         /* the resource directory, with a '/' */
	size_t nlibc;           /* functions passed over as the C library's, */
	size_t nfiltered;       /* as matching no --allow-*, */
	size_t nblocked;        /* as matching --block-function */
};

/* Find the C library's files with the same flags as the headers (args,
 * of which the -include ones are dropped); resource is the compiler's
 * resource directory, or NULL. */
void scope_init(struct scope *s, const struct gen_options *o, CXIndex index,
                const char *const *args, size_t nargs, const char *resource);
/* Note the files tu's main file includes: the named headers. */
void scope_note_named(struct scope *s, CXTranslationUnit tu);
/* Whether the function (or object-like macro, for counted 0) name of
 * file is taken; a function passed over is counted by its reason. */
int scope_wants(struct scope *s, const char *file, const char *name, int counted);
/* Say why nothing was taken from the headers; -1. */
int scope_say_empty(const struct scope *s);
void scope_release(struct scope *s);

/* A walk of the headers' declarations (functions.c). */
struct walk {
	const struct gen_options *o;
	struct gen_set *set;
	struct scope scope;
	const char **macros;    /* object-like macros, which may name functions */
	size_t nmacros;
	struct feature {        /* a target feature a function needs */
		char *fn, *name;
	} *features;
	size_t nfeatures;
};

/*
 * What the compiler is asked after the walk, in a second translation unit
 * of the headers (probe.c): which object-like macros name a function gen
 * wraps (an alias, wrapped under its own name), and whether the flags
 * enable the target features that functions need (a function that needs
 * one they do not enable is not wrapped).
 */
void probe_macro(struct walk *w, const char *name);
void probe_features(struct walk *w, const struct gen_fn *f, CXCursor fn);
void probe_run(struct walk *w, CXIndex index, const char *const *args,
               size_t nargs, struct buf *src);
void probe_release(struct walk *w);

/* Print the first error of the parse, with its include chain; -1 if there
 * was one (diag.c). */
int diag_report(CXTranslationUnit tu, const char *subject);
/* Say which flag libclang rejected, when it could not parse at all; -1. */
int diag_rejected(CXIndex index, const struct gen_options *o,
                  const char *const *args, size_t nargs);

/* The Rust types of f's parameters and result, or why not, from its
 * function type ft; pointed-to structs are added to set->opaque. */
void rust_describe(struct gen_set *set, struct gen_fn *f, CXCursor fn, CXType ft);

#endif
