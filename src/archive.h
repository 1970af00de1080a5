/*
 * archive.h: reading ar archives (static libraries and rlibs), System V /
 * GNU format as binutils and rustc write them.  Pure functions.
 */
#ifndef ARCHIVE_H
#define ARCHIVE_H

#include <stddef.h>

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

#endif
