/*
 * map.h: a map from strings to pointers and a set of pointers, both by
 * open addressing.
 */
#ifndef MAP_H
#define MAP_H

#include <stddef.h>

/*
 * Keys are copied; values are the caller's.  Iterate with
 * for (i = 0; i < m.cap; i++) over entries whose key is not NULL.
 */
struct strmap {
	struct strmap_entry {
		char *key;
		void *val;
	} *e;
	size_t cap, n;
};
#define STRMAP_INIT {NULL, 0, 0}

void *strmap_get(const struct strmap *m, const char *key);
/* The keys whose values are not NULL, sorted, NULL-terminated; the array is
 * the caller's to free, the keys stay the map's. */
const char **strmap_keys(const struct strmap *m);
/* The map's own copy of a key it holds, or NULL; stable while it is held. */
const char *strmap_keys_find(const struct strmap *m, const char *key);
/* Set key to val; returns the previous value.  A NULL value reads as absent. */
void *strmap_put(struct strmap *m, const char *key, void *val);
void strmap_release(struct strmap *m);

struct ptrset {
	const void **e;
	size_t cap, n;
};
#define PTRSET_INIT {NULL, 0, 0}

/* Add p (not NULL); returns 1 when it was not there yet. */
int ptrset_add(struct ptrset *s, const void *p);
void ptrset_release(struct ptrset *s);

#endif
