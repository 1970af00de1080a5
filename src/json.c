/* json.c: see json.h. */
#include "buf.h"
#include "json.h"

void
json_string(struct buf *out, const char *s)
{
	buf_addch(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			buf_addf(out, "\\%c", c);
		else if (c < 0x20)
			buf_addf(out, "\\u%04x", c);
		else
			buf_addch(out, (char)c);
	}
	buf_addch(out, '"');
}

void
json_member(struct buf *out, int first, const char *key, const char *value)
{
	buf_addstr(out, first ? "" : ", ");
	json_string(out, key);
	buf_addstr(out, ": ");
	json_string(out, value);
}
