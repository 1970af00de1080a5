/*
 * relist.h: a list of regular expressions, each matching a whole string,
 * as bindgen's --allowlist-* options match (for "gen --allow-file" and
 * its kin).
 */
#ifndef RELIST_H
#define RELIST_H

#include <regex.h>
#include <stddef.h>

struct relist {
	regex_t *re;
	size_t n;
};

/* Add the POSIX extended regular expression pattern, which must match
 * all of a string; -1, with why in err (size errsize), if it is not one. */
int relist_add(struct relist *l, const char *pattern, char *err, size_t errsize);
/* Whether one of l's expressions matches all of s. */
int relist_match(const struct relist *l, const char *s);
void relist_release(struct relist *l);

#endif
