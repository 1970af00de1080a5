/*
 * main.c: the runtime suite's driver.
 *
 *   bench c|rust LOOP|all N
 *
 * runs loop LOOP (or each in turn) N times in C or in Rust, and prints
 * a line per loop: its name, a result that every variant must agree on,
 * and nanoseconds per operation.  refcount_warn_saturate() is the demo's
 * (demo/refcount.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "loops.h"

#define NODES 64
#define MAP_BITS (1u << 16)
#define SEGMENTS 64
#define OBJECTS 8

static refcount_t ref;
static struct list_head head, nodes[NODES];
static unsigned long map[MAP_BITS / BITS_PER_LONG];
static struct page pages[SEGMENTS * 2];
static struct bio_vec vecs[SEGMENTS];
static struct bio bio;
static unsigned int khead;
static struct io_uring_sqe sqes[64];
static struct io_uring ring;
static unsigned char buf[4096], bytes[32];
static PyObject objects[OBJECTS], *objs[OBJECTS];

void
bench_uring_consume(struct io_uring *r)
{
	*r->sq.khead = r->sq.sqe_tail;
}

static void
setup(void)
{
	ref.refs = 1;

	head.next = head.prev = &head;
	for (int i = 0; i < NODES; i++)
		list_add_tail(&nodes[i], &head);

	memset(map, 0, sizeof(map));

	bio.bi_io_vec = vecs;
	bio.bi_iter = (struct bvec_iter){0};
	for (int i = 0; i < SEGMENTS; i++) {
		vecs[i].bv_page = &pages[i * 2];
		vecs[i].bv_len = 512 * (1 + i % 8);
		vecs[i].bv_offset = (512 * i) % PAGE_SIZE;
		bio.bi_iter.bi_size += vecs[i].bv_len;
	}

	khead = 0;
	memset(sqes, 0, sizeof(sqes));
	memset(&ring, 0, sizeof(ring));
	ring.sq.khead = &khead;
	ring.sq.ring_mask = 63;
	ring.sq.ring_entries = 64;
	ring.sq.sqes = sqes;

	for (int i = 0; i < OBJECTS; i++) {
		memset(&objects[i], 0, sizeof(objects[i]));
		Py_SET_REFCNT(&objects[i], 1 << 30);
		objs[i] = &objects[i];
	}

	for (int i = 0; i < (int)sizeof(bytes); i++)
		bytes[i] = (unsigned char)(i * 7 + 1);
}

/* What a loop left in memory, folded into its result. */
static uint64_t
state(void)
{
	uint64_t sum = (uint64_t)ref.refs;
	struct list_head *p;
	uint64_t pos = 1;

	for (p = head.next; p != &head; p = p->next)
		sum += pos++ * (uint64_t)(p - nodes);
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		sum += (uint64_t)__builtin_popcountl(map[i]) * i;
	sum += ring.sq.sqe_tail + khead;
	for (int i = 0; i < 64; i++)
		sum += sqes[i].fd + sqes[i].off + sqes[i].user_data + sqes[i].len;
	for (int i = 0; i < OBJECTS; i++)
		sum += (uint64_t)Py_REFCNT(objs[i]) * (uint64_t)(i + 1);
	return sum;
}

static uint64_t
run(const char *lang, const char *loop, uint64_t n)
{
	int c = strcmp(lang, "c") == 0;

#define LOOP(name, ...) \
	if (strcmp(loop, #name) == 0) \
		return c ? c_##name(__VA_ARGS__) : rust_##name(__VA_ARGS__)
	LOOP(refcount, &ref, n);
	LOOP(refcount_plain, &ref, n);
	LOOP(list, &head, nodes, n);
	LOOP(bitmap, map, MAP_BITS - 1, n);
	LOOP(bio, &bio, &bio.bi_iter, n);
	LOOP(uring, &ring, buf, n);
	LOOP(pyref, objs, n);
	LOOP(xxh3, bytes, n);
#undef LOOP
	fprintf(stderr, "bench: unknown loop '%s'\n", loop);
	exit(2);
}

static const char *const loops[] = {
	"refcount", "refcount_plain", "list", "bitmap", "bio", "uring",
	"pyref", "xxh3",
};

int
main(int argc, char **argv)
{
	uint64_t n;

	if (argc != 4 || (strcmp(argv[1], "c") && strcmp(argv[1], "rust"))) {
		fprintf(stderr, "usage: bench c|rust LOOP|all N\n");
		return 2;
	}
	n = strtoull(argv[3], NULL, 10);
	for (size_t i = 0; i < sizeof(loops) / sizeof(loops[0]); i++) {
		struct timespec t0, t1;
		uint64_t result;
		double ns;

		if (strcmp(argv[2], "all") && strcmp(argv[2], loops[i]))
			continue;
		setup();
		clock_gettime(CLOCK_MONOTONIC, &t0);
		result = run(argv[1], loops[i], n);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ns = (double)(t1.tv_sec - t0.tv_sec) * 1e9 +
		     (double)(t1.tv_nsec - t0.tv_nsec);
		printf("%s %llu %.3f\n", loops[i],
		       (unsigned long long)(result + state()), n ? ns / (double)n : 0.0);
	}
	return 0;
}
