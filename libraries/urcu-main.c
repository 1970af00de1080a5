/* urcu-main.c: gives urcu.rs a queue, nodes, lists and a word, does the
 * same in C on a second set, for many values; prints "same", the number
 * of rounds and both digests, or "differ". */
#include <stdint.h>
#include <stdio.h>
#include <urcu.h>
#include <urcu/list.h>
#include <urcu/uatomic.h>
#include <urcu/wfcqueue.h>

#define N 8

struct urcu_world {
	struct cds_wfcq_head *head;
	struct cds_wfcq_tail *tail;
	struct cds_wfcq_head *dest_head;
	struct cds_wfcq_tail *dest_tail;
	struct cds_wfcq_node *nodes;
	size_t node_size, n;
	struct cds_list_head *lists;
	size_t list_size;
	uint64_t *word;
};

uint64_t urcu_run(const struct urcu_world *w, uint64_t x);

static uint64_t h;

static void
mix(uint64_t v)
{
	h = (h ^ v) * 0x100000001b3ull;
}

static uint64_t
index_of(const struct urcu_world *w, struct cds_wfcq_node *p)
{
	return p ? (uint64_t)(p - w->nodes) : 99;
}

static uint64_t
c_run(const struct urcu_world *w, uint64_t x)
{
	struct cds_list_head *l = w->lists, *p;
	size_t i, k = 2 + (size_t)(x % 6);
	uint64_t j;

	h = 0;
	rcu_read_lock();
	mix((uint64_t)rcu_read_ongoing());
	cds_wfcq_init(w->head, w->tail);
	cds_wfcq_init(w->dest_head, w->dest_tail);
	mix(cds_wfcq_empty(w->head, w->tail));
	for (i = 0; i < k; i++) {
		cds_wfcq_node_init(&w->nodes[i]);
		mix(cds_wfcq_enqueue(i % 3 == 2 ? w->dest_head : w->head,
		                     i % 3 == 2 ? w->dest_tail : w->tail, &w->nodes[i]));
	}
	mix(index_of(w, __cds_wfcq_first_blocking(w->head, w->tail)));
	mix(index_of(w, __cds_wfcq_next_blocking(w->head, w->tail, &w->nodes[0])));
	mix((uint64_t)cds_wfcq_splice_blocking(w->head, w->tail, w->dest_head, w->dest_tail));
	mix(cds_wfcq_empty(w->dest_head, w->dest_tail));
	cds_wfcq_dequeue_lock(w->head, w->tail);
	cds_wfcq_dequeue_unlock(w->head, w->tail);
	for (j = 0; j < x % 5; j++)
		mix(index_of(w, cds_wfcq_dequeue_blocking(w->head, w->tail)));
	mix(cds_wfcq_empty(w->head, w->tail));
	rcu_read_unlock();
	mix((uint64_t)rcu_read_ongoing());

	cds_list_add(&l[2], &l[0]);
	cds_list_add_tail(&l[3], &l[0]);
	cds_list_add(&l[4], &l[1]);
	if (x & 1)
		cds_list_move(&l[2], &l[1]);
	cds_list_replace(&l[3], &l[5]);
	cds_list_add_tail(&l[6], &l[1]);
	cds_list_del(&l[6]);
	cds_list_del_init(&l[4]);
	mix((uint64_t)cds_list_empty(&l[4]));
	cds_list_splice(&l[1], &l[0]);
	mix((uint64_t)cds_list_empty(&l[0]));
	for (p = &l[0], i = 0; i < 4; i++) {
		p = p->next;
		mix((uint64_t)(p - l));
	}

	uatomic_add(w->word, x & 0xff);
	mix(uatomic_add_return(w->word, 3));
	mix(uatomic_cmpxchg(w->word, x, x ^ 1));
	mix(uatomic_xchg(w->word, x >> 1));
	uatomic_inc(w->word);
	__uatomic_dec(w->word, 4);	/* the low half only */
	uatomic_or(w->word, 0x10);
	uatomic_and(w->word, ~(uint64_t)0x3);
	mix(*w->word);
	return h;
}

/* A world of its own: queue, nodes, lists with 0 and 1 as empty heads
 * (2 to 7 are re-linked each round), the word. */
struct world_store {
	struct cds_wfcq_head head, dest_head;
	struct cds_wfcq_tail tail, dest_tail;
	struct cds_wfcq_node nodes[N];
	struct cds_list_head lists[N];
	uint64_t word;
	struct urcu_world w;
};

static void
world_init(struct world_store *s)
{
	s->w = (struct urcu_world){&s->head, &s->tail, &s->dest_head, &s->dest_tail,
	                           s->nodes, sizeof(s->nodes[0]), N, s->lists,
	                           sizeof(s->lists[0]), &s->word};
}

static void
lists_init(struct world_store *s)
{
	int i;

	for (i = 0; i < N; i++)
		CDS_INIT_LIST_HEAD(&s->lists[i]);
}

int
main(void)
{
	static struct world_store rs, cs;
	uint64_t r = 0, c = 0, x = 1;
	int i;

	rcu_register_thread();
	world_init(&rs);
	world_init(&cs);
	for (i = 0; i < 1000; i++) {
		x = x * 6364136223846793005ull + 1442695040888963407ull;
		lists_init(&rs);
		lists_init(&cs);
		r ^= urcu_run(&rs.w, x) + (uint64_t)i;
		c ^= c_run(&cs.w, x) + (uint64_t)i;
	}
	rcu_unregister_thread();
	printf("%s %d rounds %llx %llx\n", r == c && rs.word == cs.word ? "same" : "differ",
	       i, (unsigned long long)r, (unsigned long long)c);
	return 0;
}
