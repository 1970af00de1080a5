/*
 * archive.h: reading and writing ar archives (static libraries and
 * rlibs), System V / GNU format as binutils and rustc write them.  Pure
 * functions.
 */
#ifndef ARCHIVE_H
#define ARCHIVE_H

#include <stddef.h>

struct buf;

struct ar_member {
	char *name;                  /* the member's name, owned */
	const unsigned char *data;   /* inside the archive's bytes */
	size_t size;
};

/* Whether data starts like an archive. */
int ar_is_archive(const unsigned char *data, size_t len);
/*
 * The members of the archive in data, in order, without the symbol table
 * and the long-name table; NULL, with *why set, when the archive is
 * malformed.  Free with ar_members_release().
 */
struct ar_member *ar_members(const unsigned char *data, size_t len,
                             size_t *n, const char **why);
void ar_members_release(struct ar_member *m, size_t n);

/* A member to write, and the symbols it defines for the archive's index:
 * nsymbols NUL-terminated names, one after the other. */
struct ar_entry {
	const char *name;            /* no '/' in it */
	const unsigned char *data;
	size_t size;
	const char *symbols;
	size_t nsymbols;
};

/*
 * The archive of the n entries, in order, with its symbol table, into out,
 * as "ar qcsD" writes an archive of objects (dates, owners and modes 0,
 * 644 for members; an index, even an empty one): the same entries, the
 * same bytes.  NULL, or why not (more than 4 GiB).
 */
const char *ar_write(struct buf *out, const struct ar_entry *e, size_t n);

#endif
