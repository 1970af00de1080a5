/*
 * clang/rust.c: the Rust types of a function's parameters and result, for
 * "gen --rust" (internal.h).
 *
 * Scalars are core::ffi's; a pointer to a struct or union points to an
 * opaque struct of its tag (or, with no tag, its typedef's name); a
 * function pointer is an Option of an extern "C" fn.  Two C types are
 * passed as pointers on x86-64 and AArch64 and declared so: va_list, and
 * a transparent union (as its first member).  Everything else is refused
 * with the reason.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../buf.h"
#include "../util.h"

/* Whether t (canonical) is a record whose tag is one of va_list's. */
static int
va_list_record(CXType t)
{
	char *tag;
	int yes;

	if (t.kind != CXType_Record)
		return 0;
	tag = cx_take(clang_getCursorSpelling(clang_getTypeDeclaration(t)));
	yes = strcmp(tag, "__va_list_tag") == 0 || strcmp(tag, "__va_list") == 0;
	free(tag);
	return yes;
}

/* Whether a parameter of canonical type t is a va_list: an array of
 * __va_list_tag (x86-64), the pointer it decays to, or struct __va_list
 * (AArch64). */
static int
is_va_list(CXType t)
{
	if (cx_is_array(t))
		t = clang_getCanonicalType(clang_getArrayElementType(t));
	else if (t.kind == CXType_Pointer)
		t = clang_getCanonicalType(clang_getPointeeType(t));
	return va_list_record(t);
}

/* The first member of union decl, if it is a transparent union. */
static int
first_field(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FieldDecl)
		return CXChildVisit_Continue;
	*(CXCursor *)d = c;
	return CXChildVisit_Break;
}

static int
transparent_union(CXCursor decl, CXType *first)
{
	CXPrintingPolicy policy = clang_getCursorPrintingPolicy(decl);
	CXCursor field = clang_getNullCursor();
	char *s;
	int yes;

	clang_PrintingPolicy_setProperty(policy, CXPrintingPolicy_TerseOutput, 1);
	s = cx_take(clang_getCursorPrettyPrinted(decl, policy));
	clang_PrintingPolicy_dispose(policy);
	yes = strstr(s, "__attribute__((transparent_union))") != NULL;
	free(s);
	if (!yes)
		return 0;
	clang_visitChildren(decl, first_field, &field);
	if (clang_Cursor_isNull(field))
		return 0;
	*first = clang_getCursorType(field);
	return 1;
}

/* The name Rust gives the struct or union a pointer points to (written
 * type p), or NULL. */
static char *
opaque_name(CXType p)
{
	CXType c = clang_getCanonicalType(p);
	CXCursor decl = clang_getTypeDeclaration(c), named;
	char *name = cx_take(clang_getCursorSpelling(decl));

	if (!clang_Cursor_isAnonymous(decl) && *name && !strchr(name, ' '))
		return name;
	free(name);
	/* typedef struct { ... } name_t: by the typedef's name. */
	named = clang_getTypeDeclaration(p);
	if (clang_getCursorKind(named) != CXCursor_TypedefDecl)
		return NULL;
	return cx_take(clang_getCursorSpelling(named));
}

static const char *rust_type(struct gen_set *set, CXType t, struct buf *out);

/* t with its typedefs taken off one at a time, down to what is written
 * under them (GMP's mpz_ptr: __mpz_struct *, whose struct has no tag). */
static CXType
untypedef(CXType t)
{
	for (;;) {
		if (t.kind == CXType_Elaborated)
			t = clang_Type_getNamedType(t);
		else if (t.kind == CXType_Typedef)
			t = clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(t));
		else
			return t;
	}
}

/* Option<unsafe extern "C" fn(...) -> R> of function type f. */
static const char *
rust_fn_pointer(struct gen_set *set, CXType f, struct buf *out)
{
	CXType r = clang_getResultType(f);
	const char *why = NULL;
	int i, n = clang_getNumArgTypes(f);

	if (f.kind == CXType_FunctionNoProto)
		return "a pointer to a function with no prototype";
	buf_addstr(out, "Option<unsafe extern \"C\" fn(");
	for (i = 0; i < n && !why; i++) {
		buf_addstr(out, i ? ", " : "");
		why = rust_type(set, clang_getArgType(f, (unsigned)i), out);
	}
	if (!why && clang_isFunctionTypeVariadic(f))
		buf_addstr(out, n ? ", ..." : "...");
	buf_addch(out, ')');
	if (!why && clang_getCanonicalType(r).kind != CXType_Void) {
		buf_addstr(out, " -> ");
		why = rust_type(set, r, out);
	}
	buf_addch(out, '>');
	return why;
}

static const char *
rust_pointer(struct gen_set *set, CXType t, struct buf *out)
{
	CXType written = clang_getPointeeType(t);
	CXType p = clang_getCanonicalType(written);
	char *name;

	if (cx_is_function(p))
		/* As written, its parameters keep their typedefs' names. */
		return rust_fn_pointer(set, cx_is_function(written) ? written : p, out);
	buf_addstr(out, clang_isConstQualifiedType(p) ? "*const " : "*mut ");
	if (p.kind == CXType_Void) {
		buf_addstr(out, "core::ffi::c_void");
		return NULL;
	}
	if (p.kind == CXType_Record) {
		if (!(name = opaque_name(written)))
			return "a pointer to a struct or union with no name";
		buf_addstr(out, name);
		strlist_push(&set->opaque, &set->nopaque, name);
		return NULL;
	}
	if (cx_is_array(p))
		return "a pointer to an array";
	return rust_type(set, p, out);
}

/* The Rust type of C type t (as written), in out; NULL, or why not. */
static const char *
rust_type(struct gen_set *set, CXType t, struct buf *out)
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
	CXType c = clang_getCanonicalType(t), first;
	size_t i;

	if (c.kind == CXType_Enum)
		c = clang_getCanonicalType(
		    clang_getEnumDeclIntegerType(clang_getTypeDeclaration(c)));
	for (i = 0; i < LEN(scalars); i++)
		if (c.kind == scalars[i].kind) {
			buf_addstr(out, scalars[i].rust);
			return NULL;
		}
	switch (c.kind) {
	case CXType_Pointer:
		t = untypedef(t);
		return rust_pointer(set, t.kind == CXType_Pointer ? t : c, out);
	case CXType_Record:
		if (clang_getCursorKind(clang_getTypeDeclaration(c)) == CXCursor_UnionDecl &&
		    transparent_union(clang_getTypeDeclaration(c), &first))
			return rust_type(set, first, out);
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

/* A parameter's Rust type: as C adjusts it (an array or a function is a
 * pointer to it), a va_list as a pointer. */
static const char *
rust_param(struct gen_set *set, CXType t, struct buf *out)
{
	CXType c = clang_getCanonicalType(t), e;

	if (is_va_list(c)) {
		buf_addstr(out, "*mut core::ffi::c_void");
		return NULL;
	}
	if (cx_is_function(c))
		return rust_fn_pointer(set, c, out);
	if (!cx_is_array(c))
		return rust_type(set, t, out);
	/* Canonical array types carry the qualifiers of their elements. */
	e = clang_getArrayElementType(c);
	buf_addstr(out, clang_isConstQualifiedType(c) || clang_isConstQualifiedType(e)
	                ? "*const " : "*mut ");
	return cx_is_array(clang_getCanonicalType(e)) ? "a pointer to an array"
	                                           : rust_type(set, e, out);
}

void
rust_describe(struct gen_set *set, struct gen_fn *f, CXCursor fn, CXType ft)
{
	struct buf b = BUF_INIT;
	CXType r = clang_getResultType(ft);
	const char *why = NULL;
	size_t i;

	f->rust_params = xcalloc(f->nparams + 1, sizeof(*f->rust_params));
	for (i = 0; i < f->nparams && !why; i++) {
		/* The parameter as declared keeps its typedef's name. */
		CXCursor arg = clang_Cursor_getArgument(fn, (unsigned)i);
		CXType t = clang_Cursor_isNull(arg) ? clang_getArgType(ft, (unsigned)i)
		                                    : clang_getCursorType(arg);

		buf_reset(&b);
		why = rust_param(set, t, &b);
		f->rust_params[i] = xstrdup(b.data ? b.data : "");
	}
	if (!why && clang_getCanonicalType(r).kind != CXType_Void) {
		buf_reset(&b);
		why = rust_type(set, r, &b);
		f->rust_ret = xstrdup(b.data ? b.data : "");
	}
	if (why)
		f->rust_why_not = xstrdup(why);
	buf_release(&b);
}
