/* refcount.c: the library's out-of-line part. */
#include "refcount.h"

unsigned long refcount_saturations;

void
refcount_saturate(refcount_t *r)
{
	__atomic_store_n(&r->refs, REFCOUNT_SATURATED, __ATOMIC_RELAXED);
	__atomic_fetch_add(&refcount_saturations, 1, __ATOMIC_RELAXED);
}
