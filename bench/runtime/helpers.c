/*
 * helpers.c: the runtime suite's helpers, one per C inline function a
 * loop calls, named and written as in the kernel's rust/helpers/.  The
 * seed's pipeline compiles this file with -D__rust_helper=... to mark
 * them always_inline; every other build leaves them plain.
 */
#include <Python.h>
#include <liburing.h>
#define XXH_INLINE_ALL
#include <xxhash.h>
#include "klib.h"

#ifndef __rust_helper
#define __rust_helper
#endif

__rust_helper void
rust_helper_refcount_inc(refcount_t *r)
{
	refcount_inc(r);
}

__rust_helper void
rust_helper_refcount_inc_plain(refcount_t *r)
{
	refcount_inc_plain(r);
}

__rust_helper void
rust_helper_list_add_tail(struct list_head *new, struct list_head *head)
{
	list_add_tail(new, head);
}

__rust_helper void
rust_helper_list_del(struct list_head *entry)
{
	list_del(entry);
}

__rust_helper bool
rust_helper_test_bit(unsigned long nr, const unsigned long *addr)
{
	return test_bit(nr, addr);
}

__rust_helper void
rust_helper___set_bit(unsigned long nr, unsigned long *addr)
{
	__set_bit(nr, addr);
}

__rust_helper void
rust_helper___clear_bit(unsigned long nr, unsigned long *addr)
{
	__clear_bit(nr, addr);
}

__rust_helper struct bio_vec
rust_helper_bio_iter_iovec(const struct bio *bio, struct bvec_iter iter)
{
	return bio_iter_iovec(bio, iter);
}

__rust_helper void
rust_helper_bio_advance_iter_single(const struct bio *bio,
				    struct bvec_iter *iter, unsigned int bytes)
{
	bio_advance_iter_single(bio, iter, bytes);
}

__rust_helper struct io_uring_sqe *
rust_helper_io_uring_get_sqe(struct io_uring *ring)
{
	return io_uring_get_sqe(ring);
}

__rust_helper void
rust_helper_io_uring_prep_read(struct io_uring_sqe *sqe, int fd, void *buf,
			       unsigned int nbytes, uint64_t offset)
{
	io_uring_prep_read(sqe, fd, buf, nbytes, offset);
}

__rust_helper void
rust_helper_io_uring_sqe_set_data64(struct io_uring_sqe *sqe, uint64_t data)
{
	io_uring_sqe_set_data64(sqe, data);
}

__rust_helper void
rust_helper_Py_INCREF(PyObject *op)
{
	Py_INCREF(op);
}

__rust_helper void
rust_helper_Py_DECREF(PyObject *op)
{
	Py_DECREF(op);
}

__rust_helper XXH64_hash_t
rust_helper_XXH3_64bits(const void *input, size_t length)
{
	return XXH3_64bits(input, length);
}
