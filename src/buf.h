/*
 * buf.h: a growable byte buffer (git's strbuf).  data is NULL until
 * something is added, and NUL-terminated after.
 */
#ifndef BUF_H
#define BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;
	size_t len, cap;
};
#define BUF_INIT {NULL, 0, 0}

void buf_add(struct buf *b, const void *p, size_t n);
void buf_addstr(struct buf *b, const char *s);
void buf_addch(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...);
void buf_vaddf(struct buf *b, const char *fmt, va_list ap);
/* Make room for n more bytes. */
void buf_grow(struct buf *b, size_t n);
void buf_reset(struct buf *b);
/* Free the data; the buffer can be reused afterwards. */
void buf_release(struct buf *b);

#endif
