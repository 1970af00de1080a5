/* clang/text.c: libclang's strings and places as C strings, and its kinds
 * of type (internal.h). */
#include <stdlib.h>

#include "internal.h"
#include "../util.h"

char *
cx_take(CXString s)
{
	const char *c = clang_getCString(s);
	char *copy = xstrdup(c ? c : "");

	clang_disposeString(s);
	return copy;
}

char *
cx_file_name(CXFile f)
{
	return f ? cx_take(clang_getFileName(f)) : xstrdup("");
}

char *
cx_location_file(CXSourceLocation loc, unsigned *line)
{
	CXFile f = NULL;

	clang_getFileLocation(loc, &f, line, NULL, NULL);
	return cx_file_name(f);
}

int
cx_is_array(CXType t)
{
	return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
	       t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray;
}

int
cx_is_function(CXType t)
{
	return t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto;
}
