/*
 * rename.h: --redefine-sym OLD=NEW and --redefine-syms FILE, with
 * objcopy's semantics: every symbol named OLD is renamed to NEW, all
 * renamings at once (so that A=B and B=A swap two names), and a name may
 * be renamed, or be the new name, only once.
 */
#ifndef RENAME_H
#define RENAME_H

#include "buf.h"
#include "map.h"

struct renames {
	struct strmap to;    /* OLD -> NEW, owned strings */
	struct strmap from;  /* NEW -> OLD, borrowed from to */
};
#define RENAMES_INIT {STRMAP_INIT, STRMAP_INIT}

/* Whether arg is "OLD=NEW" (split at the first '=', as objcopy does). */
int renames_arg_ok(const char *arg);
/* Add "OLD=NEW" from the command line; -1 after printing why. */
int renames_add_arg(struct renames *r, const char *arg);
/* Add the "OLD NEW" lines of a file ('#' starts a comment); -1 after
 * printing why, naming the file and line. */
int renames_read(struct renames *r, const char *path);
/* The same for text read from path already (changed in place). */
int renames_parse(struct renames *r, char *text, const char *path);
/* NEW for OLD, or NULL. */
const char *renames_get(const struct renames *r, const char *old);
void renames_release(struct renames *r);

/*
 * Rename symbols in the symbol table of a relocatable ELF64 little-endian
 * object held in obj, as objcopy does.  Section, file and unnamed symbols
 * keep their names.  -1 after printing why, naming path.
 */
int elf_redefine(struct buf *obj, const struct renames *r, const char *path);

#endif
