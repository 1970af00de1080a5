/*
 * main.c: runs a generated crate (bench/build/gen) and prints a checksum
 * of its result and of the state its helpers changed, which every way of
 * building it must agree on.
 *
 *   crate-main ROUNDS
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
	struct node *next, *prev;
};

struct state {
	uint64_t w[16];
	struct node head, nodes[4];
};

uint64_t crate_run(struct state *s, uint64_t rounds);

/* What a helper calls when its count goes negative. */
void
bench_slow_path(struct state *s, int which)
{
	s->w[which % 16] = 0;
}

int
main(int argc, char **argv)
{
	static struct state s;
	uint64_t x, sum = 0;
	struct node *p;

	if (argc != 2) {
		fprintf(stderr, "usage: crate-main ROUNDS\n");
		return 2;
	}
	s.head.next = s.head.prev = &s.head;
	for (int i = 0; i < 4; i++) {
		s.nodes[i].next = &s.head;
		s.nodes[i].prev = s.head.prev;
		s.head.prev->next = &s.nodes[i];
		s.head.prev = &s.nodes[i];
	}
	x = crate_run(&s, strtoull(argv[1], NULL, 10));
	for (int i = 0; i < 16; i++)
		sum = sum * 31 + s.w[i];
	for (p = s.head.next; p != &s.head; p = p->next)
		sum = sum * 7 + (uint64_t)(p - s.nodes);
	printf("%llu %llu\n", (unsigned long long)x, (unsigned long long)sum);
	return 0;
}
