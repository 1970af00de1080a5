/* loops.h: the benchmark loops, in C (c_loops.c) and in Rust (loops.rs). */
#ifndef DEMO_LOOPS_H
#define DEMO_LOOPS_H

#include "refcount.h"

void c_refcount_loop(refcount_t *r, unsigned long n);
unsigned long c_bitmap_loop(unsigned long *map, unsigned long mask,
                            unsigned long n);
void rust_refcount_loop(refcount_t *r, unsigned long n);
unsigned long rust_bitmap_loop(unsigned long *map, unsigned long mask,
                               unsigned long n);

#endif
