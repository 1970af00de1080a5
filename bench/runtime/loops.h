/*
 * loops.h: the runtime suite's loops.  Each exists twice with the same
 * body: c_NAME in c_loops.c calls the inline functions, rust_NAME in
 * loops.rs calls the helpers.  One operation is one pass of the loop;
 * each loop returns a value that depends on every operation.
 */
#ifndef BENCH_LOOPS_H
#define BENCH_LOOPS_H

#include <Python.h>
#include <liburing.h>
#include "klib.h"

/* The loops' prototypes, with PREFIX c_ or rust_. */
#define BENCH_LOOPS(PREFIX) \
	uint64_t PREFIX##refcount(refcount_t *r, uint64_t n); \
	uint64_t PREFIX##refcount_plain(refcount_t *r, uint64_t n); \
	uint64_t PREFIX##list(struct list_head *head, struct list_head *nodes, \
	                      uint64_t n); \
	uint64_t PREFIX##bitmap(unsigned long *map, uint64_t mask, uint64_t n); \
	uint64_t PREFIX##bio(const struct bio *bio, const struct bvec_iter *start, \
	                     uint64_t n); \
	uint64_t PREFIX##uring(struct io_uring *ring, void *buf, uint64_t n); \
	uint64_t PREFIX##pyref(PyObject **objs, uint64_t n); \
	uint64_t PREFIX##xxh3(const unsigned char *bytes, uint64_t n);

BENCH_LOOPS(c_)
BENCH_LOOPS(rust_)

/* What io_uring_submit() would do, without the system call: the
 * kernel takes every queued entry.  In main.c, out of line. */
void bench_uring_consume(struct io_uring *ring);

#endif
