/*
 * json.h: the little JSON that reports print: strings, escaped, and
 * "key": "value" members.  Pure.
 */
#ifndef JSON_H
#define JSON_H

#include "buf.h"

/* Append s to out as a JSON string. */
void json_string(struct buf *out, const char *s);
/* Append the member "key": "value", after ", " unless it is the first. */
void json_member(struct buf *out, int first, const char *key, const char *value);

#endif
