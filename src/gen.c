/*
 * gen.c: the files "helperlink gen" writes, from what clang/functions.c
 * found.
 *
 * A wrapper is an ordinary function that calls the inline one:
 *
 *	uint32_t
 *	rust_helper_io_uring_sq_ready(const struct io_uring *ring)
 *	{
 *		return io_uring_sq_ready(ring);
 *	}
 *
 * Types are spelled as clang spells them, after C's adjustments (an array
 * parameter is a pointer).  A type whose spelling cannot be followed by a
 * name (a pointer to a function or to an array) is written through
 * __typeof__, which takes a type name as it is.  The output depends on the
 * headers' content and the flags only: sorted by name, no dates, no paths
 * but the ones given.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "gen.h"
#include "util.h"

struct gen_fn *
gen_add(struct gen_set *set, const char *name)
{
	struct gen_fn *f;

	if (set->n == set->cap) {
		set->cap = set->cap ? 2 * set->cap : 64;
		set->fn = xrealloc(set->fn, set->cap * sizeof(*set->fn));
	}
	f = &set->fn[set->n++];
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(name);
	return f;
}

static char **
copy_strings(char *const *v, size_t n)
{
	char **c;
	size_t i;

	if (!v)
		return NULL;
	c = xcalloc(n + 1, sizeof(*c));
	for (i = 0; i < n; i++)
		c[i] = v[i] ? xstrdup(v[i]) : NULL;
	return c;
}

static char *
copy(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void
gen_add_alias(struct gen_set *set, const struct gen_fn *f, const char *name)
{
	/* gen_add() may move f: copy it first. */
	struct gen_fn a = *f, *n;

	n = gen_add(set, name);
	n->ret = copy(a.ret);
	n->nparams = a.nparams;
	n->params = copy_strings(a.params, a.nparams);
	n->param_names = copy_strings(a.param_names, a.nparams);
	n->why_not = copy(a.why_not);
	n->rust_params = copy_strings(a.rust_params, a.nparams);
	n->rust_ret = copy(a.rust_ret);
	n->rust_why_not = copy(a.rust_why_not);
	n->alias_of = xstrdup(a.name);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct gen_fn *)a)->name,
	              ((const struct gen_fn *)b)->name);
}

/* By name, then the overloads of a name by their symbols. */
static int
by_symbol(const void *a, const void *b)
{
	const struct gen_fn *x = a, *y = b;
	int c = by_name(a, b);

	if (c || !x->symbol || !y->symbol)
		return c;
	return strcmp(x->symbol, y->symbol);
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
fn_release(struct gen_fn *f)
{
	size_t i;

	for (i = 0; i < f->nparams; i++) {
		free(f->params[i]);
		if (f->param_names)
			free(f->param_names[i]);
		if (f->rust_params)
			free(f->rust_params[i]);
	}
	free(f->params);
	free(f->param_names);
	free(f->rust_params);
	free(f->name);
	free(f->ret);
	free(f->why_not);
	free(f->rust_ret);
	free(f->rust_why_not);
	free(f->alias_of);
	free(f->symbol);
}

void
gen_sort(struct gen_set *set)
{
	size_t i, n = 0;

	if (set->n)
		qsort(set->fn, set->n, sizeof(*set->fn), by_symbol);
	for (i = 0; i < set->n; i++) {
		if (n > 0 && by_symbol(&set->fn[n - 1], &set->fn[i]) == 0)
			fn_release(&set->fn[i]);
		else
			set->fn[n++] = set->fn[i];
	}
	set->n = n;
	if (set->nopaque)
		qsort(set->opaque, set->nopaque, sizeof(*set->opaque), by_string);
	for (i = n = 0; i < set->nopaque; i++) {
		if (n > 0 && strcmp(set->opaque[n - 1], set->opaque[i]) == 0)
			free((char *)set->opaque[i]);
		else
			set->opaque[n++] = set->opaque[i];
	}
	set->nopaque = n;
}

const struct gen_fn *
gen_find(const struct gen_set *set, const char *name)
{
	struct gen_fn key;

	key.name = (char *)name;
	return set->n ? bsearch(&key, set->fn, set->n, sizeof(*set->fn), by_name)
	              : NULL;
}

char *
gen_wrapper_name(const char *name, enum gen_naming naming)
{
	if (naming == GEN_BINDGEN)
		return xasprintf("%s__extern", name);
	return xasprintf("rust_helper_%s", name);
}

/* A type as it starts a declaration: through __typeof__ when its
 * spelling cannot be followed by a name. */
static int
put_type(struct buf *out, const char *type)
{
	if (strpbrk(type, "()[]") && strncmp(type, "__typeof__(", 11) != 0) {
		buf_addf(out, "__typeof__(%s)", type);
		return 0;
	}
	buf_addstr(out, type);
	return type[strlen(type) - 1] == '*';
}

/* "TYPE NAME", "TYPE *NAME" or "__typeof__(TYPE) NAME". */
static void
declare(struct buf *out, const char *type, const char *name)
{
	buf_addf(out, "%s%s", put_type(out, type) ? "" : " ", name);
}

/* The wrapper's name of f's parameter j: a0, a1, ..., or the C names
 * when a variable length array names them. */
static char *
param_name(const struct gen_fn *f, size_t j)
{
	if (f->named_params && f->param_names && f->param_names[j] &&
	    *f->param_names[j])
		return xstrdup(f->param_names[j]);
	return xasprintf("a%zu", j);
}

static void
say_inputs(struct buf *out, const char *what, const char *const *headers,
           size_t nheaders, const char *const *flags, size_t nflags)
{
	size_t i;

	buf_addf(out, "%s by helperlink gen from", what);
	for (i = 0; i < nheaders; i++)
		buf_addf(out, " %s", headers[i]);
	if (nflags) {
		buf_addstr(out, ", with");
		for (i = 0; i < nflags; i++)
			buf_addf(out, " %s", flags[i]);
	}
	buf_addstr(out, ".");
}

void
gen_write_c(const struct gen_set *set, enum gen_naming naming,
            const char *const *headers, size_t nheaders,
            const char *const *flags, size_t nflags, struct buf *out)
{
	size_t i, j, skipped = 0, aliases = 0;

	buf_addstr(out, "/*\n * ");
	say_inputs(out, "Generated", headers, nheaders, flags, nflags);
	buf_addstr(out, "\n * Compile it with the same flags.  Do not edit.\n");
	for (i = 0; i < set->n; i++) {
		skipped += set->fn[i].why_not != NULL;
		aliases += set->fn[i].alias_of && !set->fn[i].why_not;
	}
	buf_addf(out, " *\n * %zu wrapped, %zu not wrapped%s\n", set->n - skipped,
	         skipped, skipped ? ":" : ".");
	for (i = 0; i < set->n; i++)
		if (set->fn[i].why_not)
			buf_addf(out, " *   %s: %s\n", set->fn[i].name,
			         set->fn[i].why_not);
	if (aliases)
		buf_addf(out, " * Wrapped aliases (object-like macros naming a function): %zu.\n",
		         aliases);
	buf_addstr(out, " */\n");
	for (i = 0; i < nheaders; i++)
		buf_addf(out, "#include \"%s\"\n", headers[i]);
	for (i = 0; i < set->n; i++) {
		const struct gen_fn *f = &set->fn[i];
		char *wrapper;

		if (f->why_not)
			continue;
		wrapper = gen_wrapper_name(f->symbol ? f->symbol : f->name, naming);
		buf_addch(out, '\n');
		if (f->alias_of)
			buf_addf(out, "/* %s is a macro for %s. */\n", f->name, f->alias_of);
		put_type(out, f->ret);
		buf_addf(out, "\n%s(", wrapper);
		for (j = 0; j < f->nparams; j++) {
			char *arg = param_name(f, j);

			buf_addstr(out, j ? ", " : "");
			declare(out, f->params[j], arg);
			free(arg);
		}
		/* (NAME)(...): a function-like macro of the same name, as
		 * glib's g_steal_pointer, is not expanded. */
		buf_addf(out, "%s)\n{\n\t%s(%s)(", f->nparams ? "" : "void",
		         strcmp(f->ret, "void") ? "return " : "", f->name);
		for (j = 0; j < f->nparams; j++) {
			char *arg = param_name(f, j);

			buf_addf(out, "%s%s", j ? ", " : "", arg);
			free(arg);
		}
		buf_addstr(out, ");\n}\n");
		free(wrapper);
	}
}

/* Rust's keywords, which a C parameter name may be. */
static int
rust_keyword(const char *s)
{
	static const char *const kw[] = {
		"as", "async", "await", "box", "break", "const", "continue",
		"crate", "dyn", "else", "enum", "extern", "false", "fn", "for",
		"gen", "if", "impl", "in", "let", "loop", "match", "mod", "move",
		"mut", "pub", "ref", "return", "self", "Self", "static", "struct",
		"super", "trait", "true", "try", "type", "unsafe", "use", "where",
		"while", "yield",
	};

	return strlist_has(kw, LEN(kw), s);
}

void
gen_write_rust(const struct gen_set *set, const char *const *headers,
               size_t nheaders, struct buf *out)
{
	size_t i, j, skipped = 0;

	buf_addstr(out, "// ");
	say_inputs(out, "Generated", headers, nheaders, NULL, 0);
	buf_addstr(out, "\n// The functions keep their C names: helperlink link binds "
	           "each to its\n// wrapper.  Do not edit.\n");
	for (i = 0; i < set->n; i++)
		skipped += set->fn[i].why_not || set->fn[i].rust_why_not;
	if (skipped) {
		buf_addf(out, "//\n// Not declared (%zu):\n", skipped);
		for (i = 0; i < set->n; i++) {
			const struct gen_fn *f = &set->fn[i];

			if (f->why_not || f->rust_why_not)
				buf_addf(out, "//   %s: %s\n", f->name,
				         f->why_not ? f->why_not : f->rust_why_not);
		}
	}
	for (i = 0; i < set->nopaque; i++)
		buf_addf(out, "\n#[repr(C)]\n#[allow(non_camel_case_types)]\n"
		         "pub struct %s {\n    _private: [u8; 0],\n}\n",
		         set->opaque[i]);
	buf_addstr(out, "\nunsafe extern \"C\" {\n");
	for (i = 0; i < set->n; i++) {
		const struct gen_fn *f = &set->fn[i];

		if (f->why_not || f->rust_why_not)
			continue;
		buf_addf(out, "    pub fn %s(", f->name);
		for (j = 0; j < f->nparams; j++) {
			const char *n = f->param_names ? f->param_names[j] : NULL;

			if (n && *n)
				buf_addf(out, "%s%s%s: %s", j ? ", " : "", n,
				         rust_keyword(n) ? "_" : "", f->rust_params[j]);
			else
				buf_addf(out, "%sa%zu: %s", j ? ", " : "", j,
				         f->rust_params[j]);
		}
		buf_addf(out, ")%s%s;\n", f->rust_ret ? " -> " : "",
		         f->rust_ret ? f->rust_ret : "");
	}
	buf_addstr(out, "}\n");
}

void
gen_release(struct gen_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		fn_release(&set->fn[i]);
	free(set->fn);
	for (i = 0; i < set->nopaque; i++)
		free((char *)set->opaque[i]);
	free(set->opaque);
	memset(set, 0, sizeof(*set));
}
