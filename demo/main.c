/*
 * main.c: run one variant of the demo's loops and print, per loop, the
 * nanoseconds per call and the result, which every variant must share.
 *
 * usage: demo-VARIANT c|rust ITERATIONS [refcount|bitmap]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "loops.h"

#define MAP_BITS 4096

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int
main(int argc, char **argv)
{
	static unsigned long map[MAP_BITS / (8 * sizeof(unsigned long))];
	refcount_t r = {1};
	unsigned long n, set;
	double t0, t1, t2;
	const char *only = argc > 3 ? argv[3] : "";
	int rust;

	if (argc < 3 || argc > 4 ||
	    (strcmp(argv[1], "c") && strcmp(argv[1], "rust"))) {
		fprintf(stderr, "usage: %s c|rust ITERATIONS [refcount|bitmap]\n",
		        argv[0]);
		return 2;
	}
	rust = strcmp(argv[1], "rust") == 0;
	n = strtoul(argv[2], NULL, 10);
	if (strcmp(only, "bitmap") != 0) {
		t0 = now();
		(rust ? rust_refcount_loop : c_refcount_loop)(&r, n);
		t1 = now();
		printf("refcount %.3f %d\n", (t1 - t0) / n, r.refs);
	}
	if (strcmp(only, "refcount") != 0) {
		t1 = now();
		set = (rust ? rust_bitmap_loop : c_bitmap_loop)(map, MAP_BITS - 1, n);
		t2 = now();
		printf("bitmap %.3f %lu\n", (t2 - t1) / n, set);
	}
	return 0;
}
