/*
 * archive.c: ar archives.  After the magic "!<arch>\n", each member has a
 * 60-byte header (name 16, date 12, uid 6, gid 6, mode 8, size 10, "`\n")
 * and its data, padded to an even size.  GNU names end in '/'; "/" is the
 * symbol table, "//" holds the long names, which "/OFFSET" refers to.
 */
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "util.h"

#define MAGIC "!<arch>\n"
#define HEADER 60

int
ar_is_archive(const unsigned char *data, size_t len)
{
	return len >= 8 && memcmp(data, MAGIC, 8) == 0;
}

/* A decimal field of width w, or -1. */
static long long
field(const unsigned char *p, size_t w)
{
	long long v = 0;
	size_t i = 0;

	while (i < w && p[i] == ' ')
		i++;
	if (i == w || p[i] < '0' || p[i] > '9')
		return -1;
	for (; i < w && p[i] >= '0' && p[i] <= '9'; i++)
		v = v * 10 + (p[i] - '0');
	for (; i < w; i++)
		if (p[i] != ' ')
			return -1;
	return v;
}

/* The name of a member: from its header, or from the long-name table. */
static char *
member_name(const unsigned char *h, const unsigned char *names, size_t nnames)
{
	size_t n = 16;

	if (h[0] == '/' && h[1] >= '0' && h[1] <= '9' && names) {
		long long off = field(h + 1, 15);
		size_t end;

		if (off < 0 || (size_t)off >= nnames)
			return NULL;
		for (end = (size_t)off; end < nnames && names[end] != '\n'; end++)
			;
		if (end > (size_t)off && names[end - 1] == '/')
			end--;
		return xstrndup((const char *)names + off, end - (size_t)off);
	}
	while (n > 0 && h[n - 1] == ' ')
		n--;
	if (n > 0 && h[n - 1] == '/')
		n--;
	return xstrndup((const char *)h, n);
}

struct ar_member *
ar_members(const unsigned char *data, size_t len, size_t *n, const char **why)
{
	const unsigned char *names = NULL;
	size_t nnames = 0, pos = 8, count = 0, cap = 0;
	struct ar_member *m = NULL;

	*n = 0;
	if (!ar_is_archive(data, len)) {
		*why = "not an archive";
		return NULL;
	}
	while (pos < len) {
		const unsigned char *h = data + pos;
		long long size;

		if (len - pos < HEADER || h[58] != '`' || h[59] != '\n' ||
		    (size = field(h + 48, 10)) < 0 ||
		    (unsigned long long)size > len - pos - HEADER) {
			*why = "a member header is damaged or the archive is cut short";
			ar_members_release(m, count);
			return NULL;
		}
		if (h[0] == '/' && h[1] == '/' && h[2] == ' ') {
			names = h + HEADER;
			nnames = (size_t)size;
		} else if (!(h[0] == '/' && (h[1] == ' ' || memcmp(h, "/SYM64/", 7) == 0))) {
			char *name = member_name(h, names, nnames);

			if (!name) {
				*why = "a member's long name is missing";
				ar_members_release(m, count);
				return NULL;
			}
			if (count == cap) {
				cap = cap ? 2 * cap : 16;
				m = xrealloc(m, cap * sizeof(*m));
			}
			m[count].name = name;
			m[count].data = h + HEADER;
			m[count].size = (size_t)size;
			count++;
		}
		pos += HEADER + (size_t)size + ((size_t)size & 1);
	}
	*n = count;
	if (!m)
		m = xcalloc(1, sizeof(*m));
	return m;
}

void
ar_members_release(struct ar_member *m, size_t n)
{
	size_t i;

	for (i = 0; m && i < n; i++)
		free(m[i].name);
	free(m);
}
