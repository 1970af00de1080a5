/*
 * args.h: command lines as a linker reads them.  "@FILE" stands for the
 * arguments in FILE, separated by white space, with '...' and "..."
 * quoting and backslash escapes (libiberty's buildargv(), which GNU ld,
 * lld and rustc's response files follow).  Response files may name
 * others.
 */
#ifndef ARGS_H
#define ARGS_H

#include <stddef.h>

struct args {
	char **v;    /* NULL-terminated; the strings are owned */
	size_t n;
};
#define ARGS_INIT {NULL, 0}

void args_push(struct args *a, const char *s);
/* Append argv[0..argc) to a with response files expanded; -1 after
 * printing why (a response file that cannot be read or nests too deep). */
int args_expand(struct args *a, int argc, char *const argv[]);
/* Split the text of a response file into a. */
void args_split(struct args *a, const char *text);
void args_release(struct args *a);

#endif
