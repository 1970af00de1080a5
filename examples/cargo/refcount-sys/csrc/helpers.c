/* helpers.c: what Rust calls, one helper per inline function. */
#include "refcount.h"

void rust_helper_refcount_set(refcount_t *r, int n) { refcount_set(r, n); }
int rust_helper_refcount_read(const refcount_t *r) { return refcount_read(r); }
void rust_helper_refcount_inc(refcount_t *r) { refcount_inc(r); }
bool rust_helper_refcount_dec_and_test(refcount_t *r) { return refcount_dec_and_test(r); }
