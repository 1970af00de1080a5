/*
 * refcount.h: the demo's C library header, in the kernel's style: a
 * saturating atomic reference count and non-atomic bitmap operations,
 * as static inline functions that Rust cannot call directly.
 */
#ifndef DEMO_REFCOUNT_H
#define DEMO_REFCOUNT_H

#include <limits.h>
#include <stdbool.h>

typedef struct {
	int refs;
} refcount_t;

#define REFCOUNT_SATURATED (INT_MIN / 2)

enum refcount_saturation_type {
	REFCOUNT_ADD_NOT_ZERO_OVF,
	REFCOUNT_ADD_OVF,
	REFCOUNT_ADD_UAF,
};

/* Out of line, in refcount.c: saturate the count and complain. */
void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t);

/* As the kernel's refcount_inc(): an increment from zero is a
 * use-after-free, and an overflow saturates instead of wrapping. */
static inline void
refcount_inc(refcount_t *r)
{
	int old = __atomic_fetch_add(&r->refs, 1, __ATOMIC_RELAXED);

	if (__builtin_expect(!old, 0))
		refcount_warn_saturate(r, REFCOUNT_ADD_UAF);
	else if (__builtin_expect(old < 0 || old == INT_MAX, 0))
		refcount_warn_saturate(r, REFCOUNT_ADD_OVF);
}

#define BITS_PER_LONG (8 * (int)sizeof(unsigned long))

/* As the kernel's __test_and_change_bit(): not atomic. */
static inline bool
__test_and_change_bit(unsigned long nr, unsigned long *addr)
{
	unsigned long mask = 1UL << (nr % BITS_PER_LONG);
	unsigned long *p = addr + nr / BITS_PER_LONG;
	unsigned long old = *p;

	*p = old ^ mask;
	return (old & mask) != 0;
}

#endif
