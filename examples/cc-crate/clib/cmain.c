/* A C program using the Rust staticlib clib (clib_hash), as app does. */
#include <stdio.h>
#include <stdlib.h>

unsigned long long clib_hash(unsigned long long n);

int
main(int argc, char **argv)
{
	unsigned long long n = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000;

	printf("keys %llu result %016llx\n", n, clib_hash(n));
	return 0;
}
