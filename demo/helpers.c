/* helpers.c: the out-of-line helpers that Rust calls, as rust/helpers/. */
#include "refcount.h"

void
rust_helper_refcount_inc(refcount_t *r)
{
	refcount_inc(r);
}

bool
rust_helper___test_and_change_bit(unsigned long nr, unsigned long *addr)
{
	return __test_and_change_bit(nr, addr);
}
