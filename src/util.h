/*
 * util.h: memory and strings.
 *
 * The allocators die with "out of memory" instead of returning NULL
 * (git's wrapper.c, samurai's util.c).  Strings they return are the
 * caller's to free.
 */
#ifndef UTIL_H
#define UTIL_H

#include <stddef.h>

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Format into a new string, like asprintf(). */
char *xasprintf(const char *fmt, ...);

/* Append s, borrowed, to the list of n strings *list. */
void strlist_push(const char ***list, size_t *n, const char *s);
/* Whether s is one of the n strings of list. */
int strlist_has(const char *const *list, size_t n, const char *s);

/* Whether s starts with prefix. */
int startswith(const char *s, const char *prefix);
/* A positive decimal number, at most 10^9, into n; -1 if s is not one. */
int parse_count(const char *s, unsigned *n);
/* Whether s ends with suffix. */
int endswith(const char *s, const char *suffix);
/* What follows prefix in s, or NULL when s does not start with it (git's
 * skip_prefix()). */
const char *skip_prefix(const char *s, const char *prefix);

#endif
