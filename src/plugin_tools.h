/*
 * plugin_tools.h: what building helperlink's rustc plugin needs, found
 * for a given rustc: the LLVM C++ headers of its LLVM major (Debian's
 * llvm-N-dev), libhelperlink-plugin.a (helperlink's code, built
 * position-independent) and a C++ compiler.  "helperlink plugin" builds
 * with them; "helperlink compat --plugin" only asks whether they are there.
 */
#ifndef PLUGIN_TOOLS_H
#define PLUGIN_TOOLS_H

#include "buf.h"
#include "version.h"

struct plugin_tools {
	struct llvm_version llvm;  /* rustc's */
	char *headers;             /* the directory with llvm/Passes/ */
	char *library;             /* libhelperlink-plugin.a */
	const char *cxx;           /* the C++ compiler */
	struct buf cxx_default;    /* clang++-N, which cxx may point into */
};

/* Find them for rustc, with cxx (or $CXX, clang++-N, clang++, c++) as the
 * C++ compiler; -1 after printing what is missing and where it comes from.
 * Release t in either case. */
int plugin_tools_find(struct plugin_tools *t, const char *rustc, const char *cxx);
void plugin_tools_release(struct plugin_tools *t);

#endif
