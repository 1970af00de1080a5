/* refcount.c: the C library's out-of-line part. */
#include <stdio.h>

#include "refcount.h"

void
refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t)
{
	__atomic_store_n(&r->refs, REFCOUNT_SATURATED, __ATOMIC_RELAXED);
	fprintf(stderr, "refcount_t: %s; saturated\n",
	        t == REFCOUNT_ADD_UAF ? "addition on 0" : "overflow");
}
