/* hash.c: see hash.h. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "file.h"
#include "hash.h"

void
hash_init(struct hash *h)
{
	h->a = 0xcbf29ce484222325ULL;
	h->b = 0x243f6a8885a308d3ULL;
}

void
hash_add(struct hash *h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h->a = (h->a ^ s[i]) * 0x100000001b3ULL;
		h->b = (h->b + s[i] + 1) * 0x9e3779b97f4a7c15ULL;
		h->b ^= h->b >> 29;
	}
	h->a ^= n;
	h->b += n;
}

void
hash_str(struct hash *h, const char *s)
{
	hash_add(h, s, strlen(s) + 1);
}

int
hash_file(struct hash *h, const char *path)
{
	struct buf b = BUF_INIT;

	if (read_file(path, &b) < 0) {
		buf_release(&b);
		return -1;
	}
	hash_add(h, b.data, b.len);
	buf_release(&b);
	return 0;
}

void
hash_hex(const struct hash *h, char *hex)
{
	snprintf(hex, 33, "%016llx%016llx", (unsigned long long)h->a,
	         (unsigned long long)h->b);
}
