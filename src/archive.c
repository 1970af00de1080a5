/*
 * archive.c: ar archives.  After the magic "!<arch>\n", each member has a
 * 60-byte header (name 16, date 12, uid 6, gid 6, mode 8, size 10, "`\n")
 * and its data, padded to an even size.  GNU names end in '/'; "/" is the
 * symbol table, "//" holds the long names, which "/OFFSET" refers to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "buf.h"
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

/* A member header: name (already with its '/'), mode, size; date and
 * owners 0, or blank with the mode when mode is NULL (the long names). */
static void
header(struct buf *out, const char *name, const char *mode, size_t size)
{
	const char *zero = mode ? "0" : "";

	buf_addf(out, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", name, zero, zero, zero,
	         mode ? mode : "", size);
}

static void
be32(struct buf *out, unsigned long long v)
{
	unsigned char b[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
	                      (unsigned char)(v >> 8), (unsigned char)v};

	buf_add(out, b, 4);
}

/* The bytes of n NUL-terminated names, one after the other. */
static size_t
names_size(const char *names, size_t n)
{
	const char *p = names;

	while (n--)
		p += strlen(p) + 1;
	return (size_t)(p - names);
}

const char *
ar_write(struct buf *out, const struct ar_entry *e, size_t n)
{
	struct buf longnames = BUF_INIT;
	size_t i, nsyms = 0, symbytes = 0, table, pos;
	unsigned long long *at = xcalloc(n + 1, sizeof(*at));

	for (i = 0; i < n; i++) {
		nsyms += e[i].nsymbols;
		symbytes += names_size(e[i].symbols, e[i].nsymbols);
		if (strlen(e[i].name) > 15)
			buf_addf(&longnames, "%s/\n", e[i].name);
	}
	/* Where each member will be: after the index and the long names,
	 * each padded to an even size that counts the padding, as binutils
	 * pads them. */
	table = 4 + 4 * nsyms + symbytes;
	table += table & 1;
	if (longnames.len & 1)
		buf_addch(&longnames, '\n');
	pos = 8 + (n ? HEADER + table : 0) + (longnames.len ? HEADER + longnames.len : 0);
	for (i = 0; i < n; i++) {
		at[i] = pos;
		pos += HEADER + e[i].size + (e[i].size & 1);
	}
	if (pos > 0xffffffffULL) {
		buf_release(&longnames);
		free(at);
		return "the archive would be larger than 4 GiB";
	}
	buf_addstr(out, MAGIC);
	/* An index even with no symbol in it: GNU ld refuses an archive
	 * of objects without one. */
	if (n) {
		header(out, "/", "0", table);
		be32(out, nsyms);
		for (i = 0; i < n; i++) {
			size_t k;

			for (k = 0; k < e[i].nsymbols; k++)
				be32(out, at[i]);
		}
		for (i = 0; i < n; i++)
			buf_add(out, e[i].symbols, names_size(e[i].symbols, e[i].nsymbols));
		if ((symbytes & 1) != 0)
			buf_addch(out, '\0');
	}
	if (longnames.len) {
		header(out, "//", NULL, longnames.len);
		buf_add(out, longnames.data, longnames.len);
	}
	for (i = 0, pos = 0; i < n; i++) {
		char name[24];

		if (strlen(e[i].name) > 15) {
			snprintf(name, sizeof(name), "/%zu", pos);
			pos += strlen(e[i].name) + 2;
		} else {
			snprintf(name, sizeof(name), "%s/", e[i].name);
		}
		header(out, name, "644", e[i].size);
		buf_add(out, e[i].data, e[i].size);
		if (e[i].size & 1)
			buf_addch(out, '\n');
	}
	buf_release(&longnames);
	free(at);
	return NULL;
}
