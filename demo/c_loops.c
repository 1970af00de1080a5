/* c_loops.c: the benchmark loops in C, calling the inline functions. */
#include "refcount.h"
#include "loops.h"

void
c_refcount_loop(refcount_t *r, unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		refcount_inc(r);
}

unsigned long
c_bitmap_loop(unsigned long *map, unsigned long mask, unsigned long n)
{
	unsigned long i, x = 1, set = 0;

	for (i = 0; i < n; i++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		set += __test_and_change_bit((x >> 33) & mask, map);
	}
	return set;
}
