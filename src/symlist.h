/*
 * symlist.h: lists of symbol names in files: kbuild's Module.symvers (CRC,
 * symbol, module, export type, namespace, separated by tabs), or one name
 * per line, with # comments.  Pure.
 */
#ifndef SYMLIST_H
#define SYMLIST_H

#include "map.h"

/* Add the names that path lists to names; -1 after printing why. */
int symlist_read(const char *path, struct strmap *names);
/* The same for text read from path already (changed in place). */
int symlist_parse(char *text, const char *path, struct strmap *names);

#endif
