/* refcount.h: a C library whose API is static inline functions, in the
 * kernel's style: a saturating reference count. */
#ifndef REFCOUNT_H
#define REFCOUNT_H

#include <limits.h>
#include <stdbool.h>

typedef struct {
	int refs;
} refcount_t;

#define REFCOUNT_SATURATED (INT_MIN / 2)

/* Out of line, in refcount.c: saturate and count the event. */
void refcount_saturate(refcount_t *r);
extern unsigned long refcount_saturations;

static inline void
refcount_set(refcount_t *r, int n)
{
	__atomic_store_n(&r->refs, n, __ATOMIC_RELAXED);
}

static inline int
refcount_read(const refcount_t *r)
{
	return __atomic_load_n(&r->refs, __ATOMIC_RELAXED);
}

static inline void
refcount_inc(refcount_t *r)
{
	int old = __atomic_fetch_add(&r->refs, 1, __ATOMIC_RELAXED);

	if (__builtin_expect(old <= 0 || old == INT_MAX, 0))
		refcount_saturate(r);
}

static inline bool
refcount_dec_and_test(refcount_t *r)
{
	int old = __atomic_fetch_sub(&r->refs, 1, __ATOMIC_RELEASE);

	if (old == 1) {
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		return true;
	}
	if (__builtin_expect(old <= 0, 0))
		refcount_saturate(r);
	return false;
}

#endif
