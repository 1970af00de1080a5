/*
 * clang/probe.c: the second translation unit (internal.h).
 *
 * libclang neither expands macros nor says which target features the
 * flags enable, so the compiler is asked in C: after the headers,
 *
 *	#if !defined(__BMI__)
 *	static int __helperlink_nofeature_0;
 *	#endif
 *	static __typeof__(&(rcu_read_lock)) __helperlink_alias_0 = &(rcu_read_lock);
 *
 * A variable of the first kind says that feature 0 is not enabled.  One
 * of the second kind whose initializer names a function makes the macro
 * an alias of it: liburcu's "#define rcu_read_lock urcu_memb_read_lock",
 * xxhash's "#define XXH32 XXH_NAME2(XXH_NAMESPACE, XXH32)".  The other
 * macros (constants, types) are errors there, which do not matter.
 *
 * A feature's macro is its name in capitals, '.' and '-' as '_', between
 * "__" (sse4.2: __SSE4_2__); a feature whose macro is not that is taken
 * as not enabled, so its functions are listed, never miscompiled.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../util.h"

void
probe_macro(struct walk *w, const char *name)
{
	strlist_push(&w->macros, &w->nmacros, xstrdup(name));
}

static void
add_feature(struct walk *w, const char *fn, const char *name, size_t len)
{
	struct feature *f;

	w->features = xrealloc(w->features, (w->nfeatures + 1) * sizeof(*w->features));
	f = &w->features[w->nfeatures++];
	f->fn = xstrdup(fn);
	f->name = xstrndup(name, len);
}

void
probe_features(struct walk *w, const struct gen_fn *f, CXCursor fn)
{
	static const char attr[] = "__attribute__((target(\"";
	CXPrintingPolicy policy;
	const char *p, *end, *comma;
	char *s;

	if (f->why_not)
		return;
	policy = clang_getCursorPrintingPolicy(fn);
	clang_PrintingPolicy_setProperty(policy, CXPrintingPolicy_TerseOutput, 1);
	s = cx_take(clang_getCursorPrettyPrinted(fn, policy));
	clang_PrintingPolicy_dispose(policy);
	for (p = s; (p = strstr(p, attr)); p = end) {
		p += sizeof(attr) - 1;
		if (!(end = strchr(p, '"')))
			break;
		for (; p < end; p = comma + (comma < end)) {
			if (!(comma = memchr(p, ',', (size_t)(end - p))))
				comma = end;
			if (!startswith(p, "no-") && comma > p)
				add_feature(w, f->name, p, (size_t)(comma - p));
		}
	}
	free(s);
}

static void
feature_macro(struct buf *b, const char *name)
{
	buf_addstr(b, "__");
	for (; *name; name++)
		buf_addch(b, *name == '.' || *name == '-' ? '_'
		             : (char)(*name >= 'a' && *name <= 'z' ? *name - 32 : *name));
	buf_addstr(b, "__");
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

static void
not_enabled(struct walk *w, const struct feature *ft)
{
	struct gen_fn *f = (struct gen_fn *)gen_find(w->set, ft->fn);

	if (!f || f->why_not)
		return;
	f->why_not = xasprintf("it needs target feature '%s', which the flags "
	                       "do not enable", ft->name);
}

static void
alias(struct walk *w, CXCursor var, size_t nfunctions, const char *macro)
{
	CXCursor fn = clang_getNullCursor();
	const struct gen_fn *f;
	char *target;

	clang_visitChildren(var, find_function, &fn);
	if (clang_Cursor_isNull(fn))
		return;
	target = cx_take(clang_getCursorSpelling(fn));
	/* An alias of a function gen wraps, and not a function itself. */
	f = gen_find(w->set, target);
	if (f && !f->symbol && strcmp(target, macro) != 0 &&
	    !gen_find(w->set, macro) && nfunctions > 0)
		gen_add_alias(w->set, f, macro);
	free(target);
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
	unsigned long i;
	char *name;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_VarDecl)
		return CXChildVisit_Continue;
	name = cx_take(clang_getCursorSpelling(c));
	if (sscanf(name, "__helperlink_nofeature_%lu", &i) == 1 && i < w->nfeatures)
		not_enabled(w, &w->features[i]);
	else if (sscanf(name, "__helperlink_alias_%lu", &i) == 1 && i < w->nmacros)
		alias(w, c, p->nfunctions, w->macros[i]);
	free(name);
	return CXChildVisit_Continue;
}

void
probe_run(struct walk *w, CXIndex index, const char *const *args, size_t nargs,
          struct buf *src)
{
	struct probe p = {w, w->set->n};
	struct CXUnsavedFile unsaved;
	CXTranslationUnit tu = NULL;
	size_t i;

	if (w->set->n == 0 || (w->nmacros == 0 && w->nfeatures == 0))
		return;
	for (i = 0; i < w->nfeatures; i++) {
		buf_addstr(src, "#if !defined(");
		feature_macro(src, w->features[i].name);
		buf_addf(src, ")\nstatic int __helperlink_nofeature_%zu;\n#endif\n", i);
	}
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

void
probe_release(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->nmacros; i++)
		free((char *)w->macros[i]);
	free(w->macros);
	for (i = 0; i < w->nfeatures; i++) {
		free(w->features[i].fn);
		free(w->features[i].name);
	}
	free(w->features);
}
