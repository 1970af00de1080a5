/* ck-main.c: runs ck.rs's operations and the same in C, each on its own
 * words, for many values; prints "same", the number of rounds and both
 * digests, or "differ". */
#include <ck_cc.h>
#include <ck_pr.h>
#include <stdint.h>
#include <stdio.h>

uint64_t ck_run(uint32_t *w, uint64_t *d, uint64_t x);

static uint64_t h;

static void
mix(uint64_t v)
{
	h = (h ^ v) * 0x100000001b3ull;
}

static uint64_t
c_run(uint32_t *w, uint64_t *d, uint64_t x)
{
	uint32_t x32 = (uint32_t)x, *w1 = w + 1, old = 0;
	uint64_t *d1 = d + 1;

	h = 0;
	ck_pr_store_32(w, x32);
	ck_pr_add_32(w, 7);
	ck_pr_inc_32(w);
	ck_pr_dec_32(w1);
	mix(ck_pr_load_32(w));
	mix(ck_pr_faa_32(w, x32 >> 3));
	mix(ck_pr_fas_32(w1, x32 ^ 0x5a5a));
	mix(ck_pr_cas_32(w, ck_pr_load_32(w), x32 << 5 | x32 >> 27));
	mix(ck_pr_cas_32_value(w1, 1, 2, &old));
	mix(old);
	ck_pr_and_32(w, 0xfff0fff0);
	ck_pr_or_32(w1, 0x0101);
	ck_pr_xor_32(w, x32);
	ck_pr_not_32(w1);
	ck_pr_neg_32(w);
	mix(ck_pr_bts_32(w, x32 & 31));
	mix(ck_pr_btr_32(w1, 3));
	mix(ck_pr_btc_32(w, 17));
	ck_pr_sub_32(w1, 11);
	mix(ck_pr_load_32(w1));
	ck_pr_store_64(d, x);
	ck_pr_add_64(d, x >> 7);
	ck_pr_inc_64(d1);
	mix(ck_pr_faa_64(d, 3));
	mix(ck_pr_fas_64(d1, ~x));
	mix(ck_pr_cas_64(d, ck_pr_load_64(d), x << 13 | x >> 51));
	ck_pr_xor_64(d1, x);
	ck_pr_dec_64(d);
	mix(ck_pr_load_64(d) ^ ck_pr_load_64(d1));
	mix((uint64_t)ck_cc_popcount(x32));
	mix((uint64_t)ck_cc_ffs(x32));
	mix((uint64_t)ck_cc_ctz(x32 | 1));
	return h;
}

int
main(void)
{
	uint32_t rw[2] = {0}, cw[2] = {0};
	uint64_t rd[2] = {0}, cd[2] = {0}, r = 0, c = 0, x = 1;
	int i;

	for (i = 0; i < 1000; i++) {
		x = x * 6364136223846793005ull + 1442695040888963407ull;
		r ^= ck_run(rw, rd, x) + (uint64_t)i;
		c ^= c_run(cw, cd, x) + (uint64_t)i;
	}
	printf("%s %d rounds %llx %llx\n", r == c && rw[0] == cw[0] && rd[1] == cd[1]
	       ? "same" : "differ", i, (unsigned long long)r, (unsigned long long)c);
	return 0;
}
