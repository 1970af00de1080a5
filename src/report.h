/*
 * report.h: what helperlink tells about helpers in an object: the calls of
 * helpers that are left, the helpers and their sizes, and the symbols that
 * inlined helper code made the object use.  Printed as a table or as JSON,
 * sorted, so that a report is the same from run to run.  Pure, no LLVM.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>

#include "buf.h"
#include "map.h"

/* A call of a helper, or a use of its address, that is left. */
struct report_call {
	char *caller;        /* demangled */
	char *caller_symbol; /* as in the object */
	char *helper;
	char *kind;          /* "call" or "address" */
	char *reason;        /* "" when it cannot be told */
	unsigned count;      /* how many such calls */
};

struct report_helper {
	char *name;
	char *file;          /* the helper bitcode it came from */
	long size;           /* IR instructions; -1 unknown */
	unsigned calls_left;
	char *note;          /* why it is not inlined, or "" */
};

/* A symbol that helper code makes the object use. */
struct report_ref {
	char *symbol;
	char *helper;        /* the helper whose code uses it */
	int exported;        /* 1, 0, or -1 when no export list was given */
};

/* A function of another Rust crate (--inline-from) that the file calls. */
struct report_cross {
	char *name;          /* demangled */
	char *symbol;        /* as in the object */
	char *file;          /* the crate bitcode that defines it */
	long size;           /* IR instructions, with the local code it calls */
	unsigned calls_left;
	long inlined;        /* calls the link inlined; -1 in a report */
	char *note;          /* why it is (or would stay) a call, or "" */
};

struct report {
	char *file;          /* what the report is about */
	struct report_call *calls;
	size_t ncalls;
	struct report_helper *helpers;
	size_t nhelpers;
	struct report_ref *refs;
	size_t nrefs;
	struct report_cross *cross;
	size_t ncross;
};

void report_add_call(struct report *r, const char *caller_symbol,
                     const char *helper, const char *kind, const char *reason);
void report_add_helper(struct report *r, const char *name, const char *file,
                       long size, const char *note);
void report_add_ref(struct report *r, const char *symbol, const char *helper);
void report_add_cross(struct report *r, const char *symbol, const char *file,
                      long size, unsigned calls_left, long inlined,
                      const char *note);
/* Merge equal calls, count the calls left per helper, mark exports, and
 * sort everything.  exports may be NULL. */
void report_finish(struct report *r, const struct strmap *exports);
/* r and later are reports of one module, later's made once more of it
 * was inlined: r becomes later's calls with both reports' helpers and
 * symbols (later's where both have one), finished anew. */
void report_merge(struct report *r, const struct report *later,
                  const struct strmap *exports);
/* Print the report as a table, or as JSON. */
void report_print(const struct report *r, int json, struct buf *out);
/* Print the table of the calls left only, and the table of the symbols
 * that are not exported only (for the errors of --require-inlined and
 * --exports); return how many rows each has. */
size_t report_print_left(const struct report *r, struct buf *out);
size_t report_print_unexported(const struct report *r, struct buf *out);
void report_release(struct report *r);

#endif
