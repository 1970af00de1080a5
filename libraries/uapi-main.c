/* uapi-main.c: runs uapi.rs's checks with a few seeds; prints "ok" and
 * the number of checks, or "bad" and the number of wrong results. */
#include <stdint.h>
#include <stdio.h>

uint32_t uapi_run(uint64_t seed, uint32_t *calls);

int
main(void)
{
	uint32_t bad = 0, calls = 0;

	for (uint64_t seed = 1; seed <= 1000; seed++)
		bad += uapi_run(seed, &calls);
	printf("%s %u checks x 1000 seeds, %u wrong\n", bad ? "bad" : "ok", calls, bad);
	return 0;
}
