/* map.c: see map.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"
#include "util.h"

static size_t
strhash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct strmap_entry *
strmap_find(const struct strmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	for (i = strhash(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1))
		if (!m->e[i].key || strcmp(m->e[i].key, key) == 0)
			return &m->e[i];
}

void *
strmap_get(const struct strmap *m, const char *key)
{
	struct strmap_entry *e = strmap_find(m, key);

	return e && e->key ? e->val : NULL;
}

void *
strmap_put(struct strmap *m, const char *key, void *val)
{
	struct strmap_entry *e;
	void *old;

	if ((m->n + 1) * 2 > m->cap) {
		struct strmap grown = {NULL, m->cap ? m->cap * 2 : 64, 0};
		size_t i;

		grown.e = xcalloc(grown.cap, sizeof(*grown.e));
		for (i = 0; i < m->cap; i++)
			if (m->e[i].key)
				*strmap_find(&grown, m->e[i].key) = m->e[i];
		grown.n = m->n;
		free(m->e);
		*m = grown;
	}
	e = strmap_find(m, key);
	if (!e->key) {
		e->key = xstrdup(key);
		e->val = NULL;
		m->n++;
	}
	old = e->val;
	e->val = val;
	return old;
}

const char *
strmap_keys_find(const struct strmap *m, const char *key)
{
	struct strmap_entry *e = strmap_find(m, key);

	return e && e->key ? e->key : NULL;
}

static int
cmp_keys(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **
strmap_keys(const struct strmap *m)
{
	const char **keys = xcalloc(m->n + 1, sizeof(*keys));
	size_t i, n = 0;

	for (i = 0; i < m->cap; i++)
		if (m->e[i].key && m->e[i].val)
			keys[n++] = m->e[i].key;
	qsort(keys, n, sizeof(*keys), cmp_keys);
	keys[n] = NULL;
	return keys;
}

void
strmap_release(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->e[i].key);
	free(m->e);
	m->e = NULL;
	m->cap = m->n = 0;
}

static const void **
ptrset_find(const struct ptrset *s, const void *p)
{
	size_t i = ((uintptr_t)p >> 4) * 2654435761u;

	for (i &= s->cap - 1;; i = (i + 1) & (s->cap - 1))
		if (!s->e[i] || s->e[i] == p)
			return &s->e[i];
}

int
ptrset_add(struct ptrset *s, const void *p)
{
	const void **slot;

	if ((s->n + 1) * 2 > s->cap) {
		struct ptrset grown = {NULL, s->cap ? s->cap * 2 : 64, s->n};
		size_t i;

		grown.e = xcalloc(grown.cap, sizeof(*grown.e));
		for (i = 0; i < s->cap; i++)
			if (s->e[i])
				*ptrset_find(&grown, s->e[i]) = s->e[i];
		free(s->e);
		*s = grown;
	}
	slot = ptrset_find(s, p);
	if (*slot)
		return 0;
	*slot = p;
	s->n++;
	return 1;
}

void
ptrset_release(struct ptrset *s)
{
	free(s->e);
	s->e = NULL;
	s->cap = s->n = 0;
}
