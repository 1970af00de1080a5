/*
 * tests/kernel/rnull_io.c: the timed rnull workload of make
 * check-kernel-boot, run inside the guest (static, no libc beyond
 * glibc's own).  rnull_io DEVICE COUNT: COUNT times a 4 KiB write and a
 * 4 KiB read with O_DIRECT, so that each goes through the block layer to
 * the Rust driver rather than the page cache, at offsets that walk the
 * first 16 MiB; prints the time taken in nanoseconds of CLOCK_MONOTONIC.
 * Under qemu -icount shift=0 a guest nanosecond is one guest
 * instruction, so the number is an instruction count.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { BLOCK = 4096, SPAN = 4096 };

static long long
nanoseconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int
main(int argc, char **argv)
{
	char *buf;
	long i, count;
	long long start, end;
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: rnull_io DEVICE COUNT\n");
		return 2;
	}
	count = atol(argv[2]);
	fd = open(argv[1], O_RDWR | O_DIRECT);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	if (posix_memalign((void **)&buf, BLOCK, BLOCK) != 0)
		return 1;
	memset(buf, 0x5a, BLOCK);
	start = nanoseconds();
	for (i = 0; i < count; i++) {
		off_t at = (off_t)(i % SPAN) * BLOCK;

		if (pwrite(fd, buf, BLOCK, at) != BLOCK ||
		    pread(fd, buf, BLOCK, at) != BLOCK) {
			perror(argv[1]);
			return 1;
		}
	}
	end = nanoseconds();
	printf("rnull_io: %ld writes and reads of %d bytes in %lld ns\n",
	       count, BLOCK, end - start);
	return 0;
}
