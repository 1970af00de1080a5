/*
 * linkline.h: link lines, as "helperlink ld" (a linker's: ld -r ...) and
 * "helperlink cc" (a compiler driver's: cc -o prog ... -Wl,...) read
 * them: which argument is the output, which are input files and
 * libraries, and which options take the next argument as their value.
 * Both pass what they do not replace to the real linker as it was.
 */
#ifndef LINKLINE_H
#define LINKLINE_H

#include <stddef.h>

#include "args.h"

enum linkline_dialect {
	LINKLINE_LD,    /* the linker's own options */
	LINKLINE_CC,    /* a compiler driver's */
};

enum linkline_kind {
	LINKLINE_INPUT,    /* a file */
	LINKLINE_LIBRARY,  /* -lNAME, or -l NAME */
	LINKLINE_OUTPUT,   /* -o FILE, -oFILE; for ld --output[=]FILE too */
	LINKLINE_OPTION,   /* any other option, with its value */
	LINKLINE_END_OF_OPTIONS,  /* "--": inputs only from here (ld) */
};

struct linkline_arg {
	enum linkline_kind kind;
	size_t span;           /* arguments it takes: 1, or 2 with a value */
	const char *value;     /* the file, library name or output; NULL
	                          when the value is missing */
};

/* What v[i] of the n arguments v is, in dialect d. */
void linkline_next(char *const *v, size_t n, size_t i,
                   enum linkline_dialect d, struct linkline_arg *a);

/* Run linker with the arguments a: on its command line, or, when rsp is
 * not NULL, through a response file of that name ("linker @rsp").
 * Returns its exit status, or -1 after printing why it did not run. */
int linkline_run(const char *linker, const struct args *a, const char *rsp);

#endif
