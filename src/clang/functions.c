/*
 * clang/functions.c: read headers with libclang and find the functions
 * Rust cannot link to (gen.h's model; gen.c writes the files).
 *
 * The headers are parsed as one translation unit that includes them in
 * order, with the flags the wrappers will be compiled with, so that the
 * same functions are inline (XXH_INLINE_ALL, _LGPL_SOURCE and -O2's
 * __OPTIMIZE__ decide that).  A function is taken when it is defined in
 * the translation unit, is static or inline (either has no symbol that
 * Rust could link to), and is in scope (scope.c: the library's own
 * headers, or what the filters say).  A second translation unit asks the
 * compiler what libclang does not say (probe.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../buf.h"
#include "../msg.h"
#include "../toolchain.h"
#include "../util.h"

/* The canonical type with pointers and arrays followed to what they hold;
 * *vla is set when one of the arrays has a variable length. */
static CXType
innermost(CXType t, int *vla)
{
	t = clang_getCanonicalType(t);
	for (;;) {
		if (t.kind == CXType_VariableArray && vla)
			*vla = 1;
		if (t.kind == CXType_Pointer)
			t = clang_getPointeeType(t);
		else if (cx_is_array(t))
			t = clang_getArrayElementType(t);
		else
			return t;
		t = clang_getCanonicalType(t);
	}
}

/* Why a parameter or result of type t cannot be spelled in a wrapper. */
static const char *
unspellable(CXCursor fn, CXType t)
{
	CXType in = innermost(t, NULL);
	CXCursor decl;
	char *s;
	int anonymous;

	if (in.kind != CXType_Record && in.kind != CXType_Enum)
		return NULL;
	decl = clang_getTypeDeclaration(in);
	if (clang_equalCursors(clang_getCursorSemanticParent(decl), fn))
		return "a struct, union or enum declared in its parameter list";
	s = cx_take(clang_getTypeSpelling(t));
	anonymous = strstr(s, "(unnamed") || strstr(s, "(anonymous");
	free(s);
	return anonymous ? "a type with no name" : NULL;
}

static int
ident(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* s with GNU's keywords spelled as every -std accepts them: typeof as
 * __typeof__, restrict as __restrict. */
static char *
any_std(char *s)
{
	static const char *const words[][2] = {
		{"typeof", "__typeof__"}, {"restrict", "__restrict"},
	};
	struct buf b = BUF_INIT;
	const char *p = s;
	size_t i, n;

	while (*p) {
		for (i = 0; i < LEN(words); i++) {
			n = strlen(words[i][0]);
			if (strncmp(p, words[i][0], n) == 0 &&
			    (p == s || !ident(p[-1])) && !ident(p[n]))
				break;
		}
		if (i < LEN(words)) {
			buf_addstr(&b, words[i][1]);
			p += n;
		} else {
			buf_addch(&b, *p++);
		}
	}
	free(s);
	s = xstrdup(b.data ? b.data : "");
	buf_release(&b);
	return s;
}

/*
 * How a parameter is spelled in the wrapper.  A parameter declared with a
 * typedef's name keeps it (va_list stays va_list, which C adjusts as it
 * did for the function).  Otherwise it is spelled as C adjusted it:
 * libclang gives the type as written, and an array or a function type
 * cannot be spelled as it was, because what is inside the brackets of
 * "int a[const n]" is only allowed there; so it becomes the pointer C
 * makes of it, written through __typeof__ where needed.
 */
static char *
param_spelling(CXCursor arg, CXType t)
{
	CXType declared = clang_getCursorType(arg);
	char *e, *s;

	if (!clang_Cursor_isNull(arg) &&
	    (declared.kind == CXType_Typedef || declared.kind == CXType_Elaborated))
		return any_std(cx_take(clang_getTypeSpelling(declared)));
	if (cx_is_array(t))
		e = cx_take(clang_getTypeSpelling(clang_getArrayElementType(t)));
	else if (cx_is_function(t))
		e = cx_take(clang_getTypeSpelling(t));
	else
		return any_std(cx_take(clang_getTypeSpelling(t)));
	if (strpbrk(e, "()[]"))
		s = xasprintf("__typeof__(%s) *", e);
	else
		s = xasprintf("%s *", e);
	free(e);
	return any_std(s);
}

static void
add_function(struct walk *w, CXCursor c, const char *name)
{
	CXType ft = clang_getCursorType(c);
	struct gen_fn *f = gen_add(w->set, name);
	char *symbol = cx_take(clang_Cursor_getMangling(c));
	const char *why = NULL;
	int n = clang_getNumArgTypes(ft), i, vla = 0;

	f->ret = any_std(cx_take(clang_getTypeSpelling(clang_getResultType(ft))));
	/* "int f() { ... }" takes nothing: it is wrapped as (void). */
	if (ft.kind == CXType_FunctionNoProto && clang_Cursor_getNumArguments(c) > 0)
		why = "it has no prototype";
	else if (ft.kind == CXType_FunctionProto && clang_isFunctionTypeVariadic(ft))
		why = "it is variadic";
	/* __attribute__((overloadable)): a C++ name of its own. */
	if (*symbol && strcmp(symbol, name) != 0 && skip_prefix(symbol, "_Z"))
		f->symbol = symbol;
	else
		free(symbol);
	if (n < 0)
		n = 0;
	f->nparams = (size_t)n;
	f->params = xcalloc(f->nparams + 1, sizeof(*f->params));
	f->param_names = xcalloc(f->nparams + 1, sizeof(*f->param_names));
	for (i = 0; i < n; i++) {
		CXCursor arg = clang_Cursor_getArgument(c, (unsigned)i);
		CXType t = clang_getArgType(ft, (unsigned)i);

		f->params[i] = param_spelling(arg, t);
		f->param_names[i] = cx_take(clang_getCursorSpelling(arg));
		innermost(t, &vla);
		if (!why)
			why = unspellable(c, t);
	}
	/* A variable length names parameters: the wrapper's have their names. */
	f->named_params = vla;
	if (!why)
		why = unspellable(c, clang_getResultType(ft));
	if (why)
		f->why_not = xstrdup(why);
	else if (f->symbol)
		f->rust_why_not = xstrdup("one of its overloads (Rust has one function of a name)");
	else
		rust_describe(w->set, f, c, ft);
	probe_features(w, f, c);
}

static int
visit(CXCursor c, CXCursor parent, CXClientData d)
{
	struct walk *w = d;
	int kind = clang_getCursorKind(c);
	char *file, *name;

	(void)parent;
	if (kind == CXCursor_MacroDefinition &&
	    (clang_Cursor_isMacroFunctionLike(c) || clang_Cursor_isMacroBuiltin(c)))
		return CXChildVisit_Continue;
	if (kind == CXCursor_FunctionDecl &&
	    !(clang_isCursorDefinition(c) &&
	      (clang_Cursor_getStorageClass(c) == CX_SC_Static ||
	       clang_Cursor_isFunctionInlined(c))))
		return CXChildVisit_Continue;
	if (kind != CXCursor_MacroDefinition && kind != CXCursor_FunctionDecl)
		return CXChildVisit_Continue;
	file = cx_location_file(clang_getCursorLocation(c), NULL);
	name = cx_take(clang_getCursorSpelling(c));
	if (!scope_wants(&w->scope, file, name, kind == CXCursor_FunctionDecl))
		;
	else if (kind == CXCursor_MacroDefinition)
		probe_macro(w, name);
	else
		add_function(w, c, name);
	free(name);
	free(file);
	return CXChildVisit_Continue;
}

static void
walk_init(struct walk *w, const struct gen_options *o, struct gen_set *set)
{
	memset(w, 0, sizeof(*w));
	w->o = o;
	w->set = set;
}

static void
walk_release(struct walk *w)
{
	scope_release(&w->scope);
	probe_release(w);
}

int
clang_gen(const struct gen_options *o, struct gen_set *set)
{
	struct walk w;
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
	walk_init(&w, o, set);
	if (clang_parseTranslationUnit2(index, MAIN_FILE, args, (int)nargs,
	                                &unsaved, 1,
	                                CXTranslationUnit_KeepGoing |
	                                    CXTranslationUnit_DetailedPreprocessingRecord,
	                                &tu) != 0 || !tu) {
		ret = diag_rejected(index, o, args, nargs);
	} else if (diag_report(tu, o->headers[0]) == 0) {
		scope_init(&w.scope, o, index, args, nargs, resource);
		scope_note_named(&w.scope, tu);
		clang_visitChildren(clang_getTranslationUnitCursor(tu), visit, &w);
		gen_sort(set);
		strlist_push(&args, &nargs, "-ferror-limit=0");
		probe_run(&w, index, args, nargs, &src);
		if (set->n == 0 && !o->allow_empty)
			ret = scope_say_empty(&w.scope);
	} else {
		ret = -1;
	}
	if (tu)
		clang_disposeTranslationUnit(tu);
	clang_disposeIndex(index);
	walk_release(&w);
	buf_release(&src);
	free(args);
	free(rd);
	free(resource);
	return ret;
}
