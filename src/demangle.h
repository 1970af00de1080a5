/*
 * demangle.h: readable symbol names for Rust (v0 and legacy) and C++.
 * With libiberty's demangler (built in when Debian's libiberty-dev is
 * installed, HAVE_LIBIBERTY=1); without it, names stay as they are.
 */
#ifndef HELPERLINK_DEMANGLE_H
#define HELPERLINK_DEMANGLE_H

/* The readable form of a symbol, as a new string; the symbol itself when
 * it is not mangled or no demangler is built in. */
char *demangle(const char *symbol);

/* "libiberty", or "none". */
const char *demangler(void);

#endif
