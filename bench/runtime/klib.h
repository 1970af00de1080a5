/*
 * klib.h: the runtime suite's kernel-style C library: static inline
 * functions as the kernel writes them, which Rust reaches only through
 * helpers.  refcount_inc() and __test_and_change_bit() come from the
 * demo's refcount.h.
 */
#ifndef BENCH_KLIB_H
#define BENCH_KLIB_H

#include <stddef.h>
#include <stdint.h>
#include "refcount.h"

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

/* refcount_inc() for a count that a lock protects: the same saturation
 * checks, a plain increment. */
static inline void
refcount_inc_plain(refcount_t *r)
{
	int old = r->refs;

	r->refs = old + 1;
	if (__builtin_expect(!old, 0))
		refcount_warn_saturate(r, REFCOUNT_ADD_UAF);
	else if (__builtin_expect(old < 0 || old == INT_MAX, 0))
		refcount_warn_saturate(r, REFCOUNT_ADD_OVF);
}

/* include/linux/list.h */
struct list_head {
	struct list_head *next, *prev;
};

#define LIST_POISON1 ((struct list_head *)0x100)
#define LIST_POISON2 ((struct list_head *)0x122)

static inline void
__list_add(struct list_head *new, struct list_head *prev,
	   struct list_head *next)
{
	next->prev = new;
	new->next = next;
	new->prev = prev;
	WRITE_ONCE(prev->next, new);
}

static inline void
list_add_tail(struct list_head *new, struct list_head *head)
{
	__list_add(new, head->prev, head);
}

static inline void
__list_del(struct list_head *prev, struct list_head *next)
{
	next->prev = prev;
	WRITE_ONCE(prev->next, next);
}

static inline void
list_del(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
	entry->next = LIST_POISON1;
	entry->prev = LIST_POISON2;
}

/* include/asm-generic/bitops/generic-non-atomic.h */
static inline bool
test_bit(unsigned long nr, const unsigned long *addr)
{
	return 1UL & (addr[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG));
}

static inline void
__set_bit(unsigned long nr, unsigned long *addr)
{
	addr[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static inline void
__clear_bit(unsigned long nr, unsigned long *addr)
{
	addr[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

/* include/linux/bvec.h and bio.h, single-page segments */
#define PAGE_SIZE 4096u

struct page {
	unsigned long flags;
	void *pad[7];
};

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};

struct bvec_iter {
	uint64_t bi_sector;
	unsigned int bi_size;
	unsigned int bi_idx;
	unsigned int bi_bvec_done;
};

struct bio {
	unsigned int bi_opf;
	struct bvec_iter bi_iter;
	struct bio_vec *bi_io_vec;
};

#define REQ_OP_MASK 0xffu
#define REQ_OP_DISCARD 3u

static inline unsigned int
min_uint(unsigned int a, unsigned int b)
{
	return a < b ? a : b;
}

static inline struct bio_vec
bio_iter_iovec(const struct bio *bio, struct bvec_iter iter)
{
	const struct bio_vec *bv = &bio->bi_io_vec[iter.bi_idx];
	unsigned int offset = bv->bv_offset + iter.bi_bvec_done;
	unsigned int len = min_uint(iter.bi_size, bv->bv_len - iter.bi_bvec_done);
	struct bio_vec out = {
		.bv_page = bv->bv_page + offset / PAGE_SIZE,
		.bv_len = min_uint(len, PAGE_SIZE - offset % PAGE_SIZE),
		.bv_offset = offset % PAGE_SIZE,
	};

	return out;
}

static inline void
bvec_iter_advance_single(const struct bio_vec *bv, struct bvec_iter *iter,
			 unsigned int bytes)
{
	unsigned int done = iter->bi_bvec_done + bytes;

	if (done == bv[iter->bi_idx].bv_len) {
		done = 0;
		iter->bi_idx++;
	}
	iter->bi_bvec_done = done;
	iter->bi_size -= bytes;
}

static inline void
bio_advance_iter_single(const struct bio *bio, struct bvec_iter *iter,
			unsigned int bytes)
{
	iter->bi_sector += bytes >> 9;
	if ((bio->bi_opf & REQ_OP_MASK) == REQ_OP_DISCARD)
		iter->bi_size -= bytes;
	else
		bvec_iter_advance_single(bio->bi_io_vec, iter, bytes);
}

#endif
