/*
 * demangle.c: see demangle.h.  libiberty's cplus_demangle() with
 * DMGL_AUTO tries Rust (v0 and legacy) first, then the C++ ABI; legacy
 * Rust hashes are left out.  The demangler's files carry an exception
 * to the LGPL that allows linking them into any program.
 */
#include <stdlib.h>

#include "demangle.h"
#include "util.h"

#if HAVE_LIBIBERTY
#include <libiberty/demangle.h>

char *
demangle(const char *symbol)
{
	char *s = cplus_demangle(symbol, DMGL_AUTO | DMGL_PARAMS | DMGL_ANSI);
	char *copy;

	if (!s)
		return xstrdup(symbol);
	copy = xstrdup(s);
	free(s);
	return copy;
}

const char *
demangler(void)
{
	return "libiberty";
}
#else
char *
demangle(const char *symbol)
{
	return xstrdup(symbol);
}

const char *
demangler(void)
{
	return "none";
}
#endif
