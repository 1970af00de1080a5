/* c_loops.c: the runtime suite's loops in C (see loops.h). */
#define XXH_INLINE_ALL
#include <xxhash.h>
#include "loops.h"

#define LCG(x) ((x) * 6364136223846793005ULL + 1442695040888963407ULL)

uint64_t
c_refcount(refcount_t *r, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++)
		refcount_inc(r);
	return (uint64_t)r->refs;
}

uint64_t
c_refcount_plain(refcount_t *r, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++)
		refcount_inc_plain(r);
	return (uint64_t)r->refs;
}

uint64_t
c_list(struct list_head *head, struct list_head *nodes, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++) {
		struct list_head *node = &nodes[(i * 37) & 63];

		list_del(node);
		list_add_tail(node, head);
	}
	return (uint64_t)(head->next - nodes);
}

uint64_t
c_bitmap(unsigned long *map, uint64_t mask, uint64_t n)
{
	uint64_t x = 1, set = 0;

	for (uint64_t i = 0; i < n; i++) {
		unsigned long nr;

		x = LCG(x);
		nr = (x >> 33) & mask;
		if (test_bit(nr, map)) {
			__clear_bit(nr, map);
		} else {
			__set_bit(nr, map);
			set++;
		}
	}
	return set;
}

uint64_t
c_bio(const struct bio *bio, const struct bvec_iter *start, uint64_t n)
{
	struct bvec_iter iter = *start;
	uint64_t sum = 0;

	for (uint64_t i = 0; i < n; i++) {
		struct bio_vec bv;

		if (iter.bi_size == 0)
			iter = *start;
		bv = bio_iter_iovec(bio, iter);
		sum += bv.bv_len + bv.bv_offset;
		bio_advance_iter_single(bio, &iter, bv.bv_len);
	}
	return sum + iter.bi_sector;
}

uint64_t
c_uring(struct io_uring *ring, void *buf, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++) {
		struct io_uring_sqe *sqe = io_uring_get_sqe(ring);

		if (!sqe) {
			bench_uring_consume(ring);
			sqe = io_uring_get_sqe(ring);
		}
		io_uring_prep_read(sqe, (int)(i & 7), buf, 4096, i << 12);
		io_uring_sqe_set_data64(sqe, i);
	}
	return 0;	/* main.c reads the ring */
}

uint64_t
c_pyref(PyObject **objs, uint64_t n)
{
	uint64_t x = 1;

	for (uint64_t i = 0; i < n; i++) {
		x = LCG(x);
		Py_INCREF(objs[x >> 61]);
		Py_DECREF(objs[(x >> 58) & 7]);
	}
	return x;
}

uint64_t
c_xxh3(const unsigned char *bytes, uint64_t n)
{
	uint64_t h = 0;

	for (uint64_t i = 0; i < n; i++)
		h += XXH3_64bits(bytes + (i & 15), i & 15);
	return h;
}
