#define _POSIX_C_SOURCE 200809L
/* relist.c: see relist.h. */
#include <stdlib.h>
#include <string.h>

#include "relist.h"
#include "util.h"

int
relist_add(struct relist *l, const char *pattern, char *err, size_t errsize)
{
	char *anchored = xasprintf("^(%s)$", pattern);
	regex_t re;
	int rc = regcomp(&re, anchored, REG_EXTENDED | REG_NOSUB);

	free(anchored);
	if (rc != 0) {
		regerror(rc, &re, err, errsize);
		return -1;
	}
	l->re = xrealloc(l->re, (l->n + 1) * sizeof(*l->re));
	l->re[l->n++] = re;
	return 0;
}

int
relist_match(const struct relist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (regexec(&l->re[i], s, 0, NULL, 0) == 0)
			return 1;
	return 0;
}

void
relist_release(struct relist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		regfree(&l->re[i]);
	free(l->re);
	memset(l, 0, sizeof(*l));
}
