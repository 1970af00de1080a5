/*
 * clang/functions.c: read headers with libclang and find the functions
 * Rust cannot link to (gen.h's model; gen.c writes the files).
 *
 * The headers are parsed as one translation unit that includes them in
 * order, with the flags the wrappers will be compiled with, so that the
 * same functions are inline (XXH_INLINE_ALL, _LGPL_SOURCE and -O2's
 * __OPTIMIZE__ decide that).  A function is taken when it is defined in
 * the translation unit, is static or inline (either has no symbol that
 * Rust could link to), and is in one of the named headers or in a header
 * they include that is not a system header (all headers with --system).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "../buf.h"
#include "../clang.h"
#include "../map.h"
#include "../msg.h"
#include "../toolchain.h"
#include "../util.h"

#define MAIN_FILE "helperlink-gen.c"

struct walk {
	const struct gen_options *o;
	struct gen_set *set;
	struct strmap named;    /* the files the main file includes */
	const char **macros;    /* object-like macros of the headers */
	size_t nmacros;
};

/* A CXString's text as a new string. */
static char *
take(CXString s)
{
	const char *c = clang_getCString(s);
	char *copy = xstrdup(c ? c : "");

	clang_disposeString(s);
	return copy;
}

static char *
file_name(CXFile f)
{
	return f ? take(clang_getFileName(f)) : xstrdup("");
}

static void
note_named(CXFile f, CXSourceLocation *stack, unsigned depth, CXClientData d)
{
	struct walk *w = d;
	char *name;

	(void)stack;
	if (depth != 1)
		return;
	name = file_name(f);
	strmap_put(&w->named, name, w);
	free(name);
}

/* Whether the function at cursor c is in a header gen was asked about. */
static int
wanted_place(struct walk *w, CXCursor c)
{
	CXSourceLocation loc = clang_getCursorLocation(c);
	CXFile f = NULL;
	char *name;
	int ok;

	clang_getFileLocation(loc, &f, NULL, NULL, NULL);
	if (!f)
		return 0;
	name = file_name(f);
	ok = strcmp(name, MAIN_FILE) != 0 &&
	     (strmap_get(&w->named, name) || w->o->system ||
	      !clang_Location_isInSystemHeader(loc));
	free(name);
	return ok;
}

static int
is_array(CXType t)
{
	return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
	       t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray;
}

/* The canonical type with pointers followed to what they point to. */
static CXType
innermost(CXType t)
{
	t = clang_getCanonicalType(t);
	while (t.kind == CXType_Pointer)
		t = clang_getCanonicalType(clang_getPointeeType(t));
	return t;
}

/* Why a parameter or result of type t cannot be spelled in a wrapper. */
static const char *
unspellable(CXCursor fn, CXType t)
{
	CXType in = innermost(t);
	CXCursor decl;
	char *s;
	int anonymous;

	if (in.kind != CXType_Record && in.kind != CXType_Enum)
		return NULL;
	decl = clang_getTypeDeclaration(in);
	if (clang_equalCursors(clang_getCursorSemanticParent(decl), fn))
		return "a struct, union or enum declared in its parameter list";
	s = take(clang_getTypeSpelling(t));
	anonymous = strstr(s, "(unnamed") || strstr(s, "(anonymous");
	free(s);
	return anonymous ? "a type with no name" : NULL;
}

/* The Rust type of a C type, in buf; NULL, or why not. */
static const char *
rust_type(struct walk *w, CXType t, struct buf *out)
{
	static const struct {
		int kind;
		const char *rust;
	} scalars[] = {
		{CXType_Bool, "bool"},
		{CXType_Char_S, "core::ffi::c_char"},
		{CXType_Char_U, "core::ffi::c_char"},
		{CXType_SChar, "core::ffi::c_schar"},
		{CXType_UChar, "core::ffi::c_uchar"},
		{CXType_Short, "core::ffi::c_short"},
		{CXType_UShort, "core::ffi::c_ushort"},
		{CXType_Int, "core::ffi::c_int"},
		{CXType_UInt, "core::ffi::c_uint"},
		{CXType_Long, "core::ffi::c_long"},
		{CXType_ULong, "core::ffi::c_ulong"},
		{CXType_LongLong, "core::ffi::c_longlong"},
		{CXType_ULongLong, "core::ffi::c_ulonglong"},
		{CXType_Float, "f32"},
		{CXType_Double, "f64"},
	};
	size_t i;

	t = clang_getCanonicalType(t);
	if (t.kind == CXType_Enum)
		t = clang_getCanonicalType(
		    clang_getEnumDeclIntegerType(clang_getTypeDeclaration(t)));
	for (i = 0; i < LEN(scalars); i++)
		if (t.kind == scalars[i].kind) {
			buf_addstr(out, scalars[i].rust);
			return NULL;
		}
	switch (t.kind) {
	case CXType_Pointer: {
		CXType p = clang_getCanonicalType(clang_getPointeeType(t));
		const char *why;

		buf_addstr(out, clang_isConstQualifiedType(p) ? "*const " : "*mut ");
		if (p.kind == CXType_Void) {
			buf_addstr(out, "core::ffi::c_void");
			return NULL;
		}
		if (p.kind == CXType_Record) {
			CXCursor decl = clang_getTypeDeclaration(p);
			char *name = take(clang_getCursorSpelling(decl));

			if (clang_Cursor_isAnonymous(decl) || !*name ||
			    clang_getCursorKind(decl) != CXCursor_StructDecl) {
				free(name);
				return "a pointer to a union or to a struct with no name";
			}
			buf_addstr(out, name);
			strlist_push(&w->set->opaque, &w->set->nopaque, name);
			return NULL;
		}
		if (p.kind == CXType_FunctionProto || p.kind == CXType_FunctionNoProto)
			return "a function pointer (declare it by hand)";
		if (is_array(p))
			return "a pointer to an array";
		why = rust_type(w, p, out);
		return why;
	}
	case CXType_Record:
		return "a struct or union passed by value";
	case CXType_Vector:
	case CXType_ExtVector:
		return "a vector type";
	case CXType_LongDouble:
		return "long double";
	case CXType_Int128:
	case CXType_UInt128:
		return "__int128";
	default:
		return "a type Rust has no equivalent of";
	}
}

/* The Rust side of f, or why not. */
static void
describe_rust(struct walk *w, struct gen_fn *f, CXType ft)
{
	struct buf b = BUF_INIT;
	CXType r = clang_getCanonicalType(clang_getResultType(ft));
	const char *why = NULL;
	size_t i;

	f->rust_params = xcalloc(f->nparams + 1, sizeof(*f->rust_params));
	for (i = 0; i < f->nparams && !why; i++) {
		CXType t = clang_getCanonicalType(clang_getArgType(ft, (unsigned)i));

		buf_reset(&b);
		if (is_array(t)) {
			/* A parameter "T a[N]" is a T *, as in param_spelling(). */
			CXType e = clang_getArrayElementType(t);

			/* Canonical array types carry the qualifiers of their
			 * elements. */
			buf_addstr(&b, clang_isConstQualifiedType(t) || clang_isConstQualifiedType(e)
			                ? "*const " : "*mut ");
			why = is_array(e) ? "a pointer to an array" : rust_type(w, e, &b);
		} else if (t.kind == CXType_FunctionProto ||
		           t.kind == CXType_FunctionNoProto) {
			why = "a function pointer (declare it by hand)";
		} else {
			why = rust_type(w, t, &b);
		}
		f->rust_params[i] = xstrdup(b.data ? b.data : "");
	}
	if (!why && r.kind != CXType_Void) {
		buf_reset(&b);
		why = rust_type(w, r, &b);
		f->rust_ret = xstrdup(b.data ? b.data : "");
	}
	if (why)
		f->rust_why_not = xstrdup(why);
	buf_release(&b);
}

/*
 * How a parameter of type t is spelled in the wrapper: as C adjusts it.
 * libclang gives the type as written, and an array or a function type
 * cannot be spelled as it was, because what is inside the brackets of
 * "int a[const n]" is only allowed there; so it becomes the pointer C
 * makes of it, written through __typeof__ where needed.
 */
static char *
param_spelling(CXType t)
{
	char *e, *s;

	if (is_array(t))
		e = take(clang_getTypeSpelling(clang_getArrayElementType(t)));
	else if (t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto)
		e = take(clang_getTypeSpelling(t));
	else
		return take(clang_getTypeSpelling(t));
	if (strpbrk(e, "()[]"))
		s = xasprintf("__typeof__(%s) *", e);
	else
		s = xasprintf("%s *", e);
	free(e);
	return s;
}

static void
add_function(struct walk *w, CXCursor c)
{
	CXType ft = clang_getCursorType(c);
	char *name = take(clang_getCursorSpelling(c));
	struct gen_fn *f = gen_add(w->set, name);
	const char *why = NULL;
	int n = clang_getNumArgTypes(ft), i;

	free(name);
	f->ret = take(clang_getTypeSpelling(clang_getResultType(ft)));
	if (ft.kind == CXType_FunctionNoProto && clang_Cursor_getNumArguments(c) > 0)
		why = "it has no prototype";
	else if (clang_isFunctionTypeVariadic(ft))
		why = "it is variadic";
	if (n < 0)
		n = 0;
	f->nparams = (size_t)n;
	f->params = xcalloc(f->nparams + 1, sizeof(*f->params));
	f->param_names = xcalloc(f->nparams + 1, sizeof(*f->param_names));
	for (i = 0; i < n; i++) {
		CXType t = clang_getArgType(ft, (unsigned)i);

		f->params[i] = param_spelling(t);
		f->param_names[i] =
		    take(clang_getCursorSpelling(clang_Cursor_getArgument(c, (unsigned)i)));
		if (!why)
			why = unspellable(c, t);
	}
	if (!why)
		why = unspellable(c, clang_getResultType(ft));
	if (why)
		f->why_not = xstrdup(why);
	else
		describe_rust(w, f, ft);
}

static int
visit(CXCursor c, CXCursor parent, CXClientData d)
{
	struct walk *w = d;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_MacroDefinition &&
	    !clang_Cursor_isMacroFunctionLike(c) && !clang_Cursor_isMacroBuiltin(c) &&
	    wanted_place(w, c)) {
		char *name = take(clang_getCursorSpelling(c));

		strlist_push(&w->macros, &w->nmacros, name);
		return CXChildVisit_Continue;
	}
	if (clang_getCursorKind(c) == CXCursor_FunctionDecl &&
	    clang_isCursorDefinition(c) &&
	    (clang_Cursor_getStorageClass(c) == CX_SC_Static ||
	     clang_Cursor_isFunctionInlined(c)) &&
	    wanted_place(w, c))
		add_function(w, c);
	return CXChildVisit_Continue;
}

/* The function a probe's initializer names, found below cursor c. */
static int
find_function(CXCursor c, CXCursor parent, CXClientData d)
{
	CXCursor *found = d, r;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return CXChildVisit_Recurse;
	r = clang_getCursorReferenced(c);
	if (clang_getCursorKind(r) == CXCursor_FunctionDecl)
		*found = r;
	return CXChildVisit_Break;
}

struct probe {
	struct walk *w;
	size_t nfunctions;
};

static int
visit_probe(CXCursor c, CXCursor parent, CXClientData d)
{
	struct probe *p = d;
	struct walk *w = p->w;
	CXCursor fn = clang_getNullCursor();
	char *name, *target;
	const struct gen_fn *f;
	unsigned long i;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_VarDecl)
		return CXChildVisit_Continue;
	name = take(clang_getCursorSpelling(c));
	if (sscanf(name, "__helperlink_alias_%lu", &i) != 1 || i >= w->nmacros) {
		free(name);
		return CXChildVisit_Continue;
	}
	free(name);
	clang_visitChildren(c, find_function, &fn);
	if (clang_Cursor_isNull(fn))
		return CXChildVisit_Continue;
	target = take(clang_getCursorSpelling(fn));
	/* An alias of a function gen wraps, and not a function itself. */
	f = gen_find(w->set, target);
	if (f && strcmp(target, w->macros[i]) != 0 && !gen_find(w->set, w->macros[i]) &&
	    p->nfunctions > 0)
		gen_add_alias(w->set, f, w->macros[i]);
	free(target);
	return CXChildVisit_Continue;
}

/*
 * Object-like macros that rename a function gen wraps, as liburcu's
 * "#define rcu_read_lock urcu_memb_read_lock" or xxhash's
 * "#define XXH32 XXH_NAME2(XXH_NAMESPACE, XXH32)", get a wrapper of their
 * own name.  libclang does not expand macros, so a second translation unit
 * asks the compiler: after the headers, one variable per macro,
 * initialized with its address (&(MACRO)); where that names a function,
 * the macro is an alias of it.  The others (constants, types) are errors
 * there, which do not matter.
 */
static void
find_aliases(struct walk *w, CXIndex index, const char *const *args, size_t nargs,
             struct buf *src)
{
	struct probe p = {w, w->set->n};
	struct CXUnsavedFile unsaved;
	CXTranslationUnit tu = NULL;
	size_t i;

	if (w->nmacros == 0 || w->set->n == 0)
		return;
	for (i = 0; i < w->nmacros; i++)
		buf_addf(src, "static __typeof__(&(%s)) __helperlink_alias_%zu = &(%s);\n",
		         w->macros[i], i, w->macros[i]);
	unsaved.Filename = MAIN_FILE;
	unsaved.Contents = src->data;
	unsaved.Length = src->len;
	if (clang_parseTranslationUnit2(index, MAIN_FILE, args, (int)nargs, &unsaved,
	                                1, CXTranslationUnit_KeepGoing, &tu) != 0 ||
	    !tu)
		return;
	clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_probe, &p);
	clang_disposeTranslationUnit(tu);
	gen_sort(w->set);
}

/* Print the parse's errors; -1 if there was one. */
static int
report_errors(CXTranslationUnit tu, const char *subject)
{
	unsigned i, n = clang_getNumDiagnostics(tu);
	int failed = 0;

	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error && !failed) {
			char *msg = take(clang_getDiagnosticSpelling(d)), *where;
			CXFile f = NULL;
			unsigned line = 0;

			/* The first error, at its place in a header; one in the
			 * file that includes them (a header not found) is about
			 * the header named first. */
			clang_getFileLocation(clang_getDiagnosticLocation(d), &f,
			                      &line, NULL, NULL);
			where = file_name(f);
			if (!*where || strcmp(where, MAIN_FILE) == 0)
				error("'%s': %s", subject, msg);
			else
				error("'%s', line %u: %s", where, line, msg);
			failed = 1;
			free(where);
			free(msg);
		}
		clang_disposeDiagnostic(d);
	}
	return failed ? -1 : 0;
}

int
clang_gen(const struct gen_options *o, struct gen_set *set)
{
	struct walk w = {o, set, STRMAP_INIT, NULL, 0};
	struct buf src = BUF_INIT;
	struct CXUnsavedFile unsaved;
	CXTranslationUnit tu = NULL;
	const char **args = NULL;
	size_t nargs = 0, i;
	char *resource = toolchain_cc_resource_dir(o->cc), *rd = NULL;
	CXIndex index;
	int ret = 0;

	for (i = 0; i < o->nheaders; i++)
		buf_addf(&src, "#include \"%s\"\n", o->headers[i]);
	unsaved.Filename = MAIN_FILE;
	unsaved.Contents = src.data;
	unsaved.Length = src.len;
	strlist_push(&args, &nargs, "-xc");
	/* clang's own headers (stddef.h, ...) are where the compiler has
	 * them, which a libclang in another directory cannot guess. */
	if (resource) {
		rd = xasprintf("-resource-dir=%s", resource);
		strlist_push(&args, &nargs, rd);
	}
	for (i = 0; i < o->nflags; i++)
		strlist_push(&args, &nargs, o->flags[i]);
	index = clang_createIndex(0, 0);
	if (clang_parseTranslationUnit2(index, MAIN_FILE, args, (int)nargs,
	                                &unsaved, 1,
	                                CXTranslationUnit_KeepGoing |
	                                    CXTranslationUnit_DetailedPreprocessingRecord,
	                                &tu) != 0 || !tu) {
		ret = error("'%s': libclang cannot parse it", o->headers[0]);
	} else if (report_errors(tu, o->headers[0]) == 0) {
		clang_getInclusions(tu, note_named, &w);
		clang_visitChildren(clang_getTranslationUnitCursor(tu), visit, &w);
		gen_sort(set);
		strlist_push(&args, &nargs, "-ferror-limit=0");
		find_aliases(&w, index, args, nargs, &src);
	} else {
		ret = -1;
	}
	if (tu)
		clang_disposeTranslationUnit(tu);
	clang_disposeIndex(index);
	strmap_release(&w.named);
	for (i = 0; i < w.nmacros; i++)
		free((char *)w.macros[i]);
	free(w.macros);
	buf_release(&src);
	free(args);
	free(rd);
	free(resource);
	return ret;
}
