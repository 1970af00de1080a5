/*
 * hash.h: a 128-bit hash of bytes (two 64-bit ones over the same bytes),
 * for cache keys and content names; not cryptographic.
 */
#ifndef HASH_H
#define HASH_H

#include <stddef.h>
#include <stdint.h>

struct hash {
	uint64_t a, b;
};

void hash_init(struct hash *h);
void hash_add(struct hash *h, const void *p, size_t n);
/* A string and its terminating NUL. */
void hash_str(struct hash *h, const char *s);
/* A file's bytes; -1 after printing why. */
int hash_file(struct hash *h, const char *path);
/* The hash in 32 hex digits, into hex (33 bytes). */
void hash_hex(const struct hash *h, char *hex);

#endif
