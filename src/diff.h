/*
 * diff.h: the calls that changed between two builds of the same code,
 * function by function, as helperlink report --diff prints them.  Pure.
 */
#ifndef DIFF_H
#define DIFF_H

#include <stddef.h>

#include "buf.h"

/* Calls that one object makes and another does not, function by function. */
struct diff_edge {
	char *function;      /* demangled */
	char *callee;
};

/*
 * Print, for each function, the callees that disappeared from a to b
 * (-) and those that appeared (+).  a and b are sorted by diff_sort().
 */
void diff_print(const char *name_a, struct diff_edge *a, size_t na,
                const char *name_b, struct diff_edge *b, size_t nb, int json,
                struct buf *out);
void diff_sort(struct diff_edge *e, size_t n);
void diff_edges_release(struct diff_edge *e, size_t n);

#endif
