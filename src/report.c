/* report.c: see report.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "demangle.h"
#include "json.h"
#include "map.h"
#include "report.h"
#include "util.h"

void
report_add_call(struct report *r, const char *caller_symbol,
                const char *helper, const char *kind, const char *reason)
{
	struct report_call *c;

	r->calls = xrealloc(r->calls, (r->ncalls + 1) * sizeof(*r->calls));
	c = &r->calls[r->ncalls++];
	c->caller = demangle(caller_symbol);
	c->caller_symbol = xstrdup(caller_symbol);
	c->helper = xstrdup(helper);
	c->kind = xstrdup(kind);
	c->reason = xstrdup(reason ? reason : "");
	c->count = 1;
}

static void
free_call(struct report_call *c)
{
	free(c->caller);
	free(c->caller_symbol);
	free(c->helper);
	free(c->kind);
	free(c->reason);
}

void
report_add_helper(struct report *r, const char *name, const char *file,
                  long size, const char *note)
{
	struct report_helper *h;

	r->helpers = xrealloc(r->helpers, (r->nhelpers + 1) * sizeof(*r->helpers));
	h = &r->helpers[r->nhelpers++];
	h->name = xstrdup(name);
	h->file = xstrdup(file ? file : "");
	h->size = size;
	h->calls_left = 0;
	h->note = xstrdup(note ? note : "");
}

void
report_add_ref(struct report *r, const char *symbol, const char *helper)
{
	struct report_ref *f;

	r->refs = xrealloc(r->refs, (r->nrefs + 1) * sizeof(*r->refs));
	f = &r->refs[r->nrefs++];
	f->symbol = xstrdup(symbol);
	f->helper = xstrdup(helper);
	f->exported = -1;
}

void
report_add_cross(struct report *r, const char *symbol, const char *file,
                 long size, unsigned calls_left, long inlined, const char *note)
{
	struct report_cross *x;

	r->cross = xrealloc(r->cross, (r->ncross + 1) * sizeof(*r->cross));
	x = &r->cross[r->ncross++];
	x->name = demangle(symbol);
	x->symbol = xstrdup(symbol);
	x->file = xstrdup(file);
	x->size = size;
	x->calls_left = calls_left;
	x->inlined = inlined;
	x->note = xstrdup(note ? note : "");
}

static int
cmp_calls(const void *pa, const void *pb)
{
	const struct report_call *a = pa, *b = pb;
	int c = strcmp(a->caller, b->caller);

	if (!c)
		c = strcmp(a->helper, b->helper);
	if (!c)
		c = strcmp(a->kind, b->kind);
	if (!c)
		c = strcmp(a->caller_symbol, b->caller_symbol);
	if (!c)
		c = strcmp(a->reason, b->reason);
	return c;
}

static int
cmp_helpers(const void *pa, const void *pb)
{
	const struct report_helper *a = pa, *b = pb;

	return strcmp(a->name, b->name);
}

static int
cmp_cross(const void *pa, const void *pb)
{
	const struct report_cross *a = pa, *b = pb;
	int c = strcmp(a->name, b->name);

	return c ? c : strcmp(a->symbol, b->symbol);
}

static int
cmp_refs(const void *pa, const void *pb)
{
	const struct report_ref *a = pa, *b = pb;
	int c = strcmp(a->symbol, b->symbol);

	return c ? c : strcmp(a->helper, b->helper);
}

void
report_finish(struct report *r, const struct strmap *exports)
{
	size_t i, j, n = 0;

	if (r->ncalls)
		qsort(r->calls, r->ncalls, sizeof(*r->calls), cmp_calls);
	for (i = 0; i < r->ncalls; i++) {
		if (n > 0 && cmp_calls(&r->calls[n - 1], &r->calls[i]) == 0) {
			r->calls[n - 1].count += r->calls[i].count;
			free_call(&r->calls[i]);
		} else {
			r->calls[n++] = r->calls[i];
		}
	}
	r->ncalls = n;
	if (r->nhelpers)
		qsort(r->helpers, r->nhelpers, sizeof(*r->helpers), cmp_helpers);
	if (r->nrefs)
		qsort(r->refs, r->nrefs, sizeof(*r->refs), cmp_refs);
	if (r->ncross)
		qsort(r->cross, r->ncross, sizeof(*r->cross), cmp_cross);
	for (i = 0; i < r->nhelpers; i++)
		for (j = 0; j < r->ncalls; j++)
			if (strcmp(r->helpers[i].name, r->calls[j].helper) == 0 &&
			    strcmp(r->calls[j].kind, "call") == 0)
				r->helpers[i].calls_left += r->calls[j].count;
	for (i = 0; exports && i < r->nrefs; i++)
		r->refs[i].exported = strmap_get(exports, r->refs[i].symbol) != NULL;
}

/* A table: rows of cells, printed in columns as wide as their widest cell. */
struct table {
	const char **cells;
	size_t ncols, ncells;
};

static void
cell(struct table *t, const char *s)
{
	t->cells = xrealloc(t->cells, (t->ncells + 1) * sizeof(*t->cells));
	t->cells[t->ncells++] = s;
}

static void
table_print(struct table *t, struct buf *out)
{
	size_t width[8] = {0}, i;

	for (i = 0; i < t->ncells; i++) {
		size_t n = strlen(t->cells[i]);

		if (n > width[i % t->ncols])
			width[i % t->ncols] = n;
	}
	for (i = 0; i < t->ncells; i++) {
		int last = i % t->ncols == t->ncols - 1;

		if (i % t->ncols == 0)
			buf_addstr(out, "  ");
		if (last)
			buf_addf(out, "%s\n", t->cells[i]);
		else
			buf_addf(out, "%-*s  ", (int)width[i % t->ncols], t->cells[i]);
	}
	free(t->cells);
	t->cells = NULL;
	t->ncells = 0;
}

/* The section of --inline-from: the functions of other crates called. */
static void
print_cross(const struct report *r, struct table *t, struct buf *out)
{
	char (*num)[3][32] = xcalloc(r->ncross, sizeof(*num));
	size_t i, left = 0;

	for (i = 0; i < r->ncross; i++)
		left += r->cross[i].calls_left;
	buf_addf(out, "\nfunctions of other crates called: %zu, calls left: %zu\n",
	         r->ncross, left);
	t->ncols = 6;
	cell(t, "function"), cell(t, "IR instructions"), cell(t, "calls left");
	cell(t, "inlined"), cell(t, "file"), cell(t, "note");
	for (i = 0; i < r->ncross; i++) {
		const struct report_cross *x = &r->cross[i];

		if (x->size >= 0)
			snprintf(num[i][0], sizeof(num[i][0]), "%ld", x->size);
		else
			strcpy(num[i][0], "-");
		snprintf(num[i][1], sizeof(num[i][1]), "%u", x->calls_left);
		if (x->inlined >= 0)
			snprintf(num[i][2], sizeof(num[i][2]), "%ld", x->inlined);
		else
			strcpy(num[i][2], "-");
		cell(t, x->name), cell(t, num[i][0]), cell(t, num[i][1]);
		cell(t, num[i][2]), cell(t, x->file), cell(t, *x->note ? x->note : "-");
	}
	table_print(t, out);
	free(num);
}

static void
print_text(const struct report *r, struct buf *out)
{
	struct table t = {NULL, 4, 0};
	size_t n = r->ncalls > r->nhelpers ? r->ncalls : r->nhelpers, i;
	size_t calls = 0, addresses = 0;
	char (*num)[2][32] = xcalloc(n + 1, sizeof(*num));

	for (i = 0; i < r->ncalls; i++) {
		if (strcmp(r->calls[i].kind, "call") == 0)
			calls += r->calls[i].count;
		else
			addresses += r->calls[i].count;
	}
	buf_addf(out, "helperlink report: '%s'\n\nhelper calls left: %zu\n",
	         r->file, calls);
	if (addresses)
		buf_addf(out, "uses of a helper's address: %zu\n", addresses);
	if (r->ncalls) {
		cell(&t, "caller"), cell(&t, "helper"), cell(&t, "kind");
		cell(&t, "reason");
		for (i = 0; i < r->ncalls; i++) {
			if (r->calls[i].count > 1)
				snprintf(num[i][0], sizeof(num[i][0]), "%s x%u",
				         r->calls[i].kind, r->calls[i].count);
			else
				snprintf(num[i][0], sizeof(num[i][0]), "%s", r->calls[i].kind);
			cell(&t, r->calls[i].caller);
			cell(&t, r->calls[i].helper);
			cell(&t, num[i][0]);
			cell(&t, *r->calls[i].reason ? r->calls[i].reason : "-");
		}
		table_print(&t, out);
	}
	if (r->nhelpers) {
		buf_addf(out, "\nhelpers: %zu\n", r->nhelpers);
		t.ncols = 5;
		cell(&t, "helper"), cell(&t, "IR instructions");
		cell(&t, "calls left"), cell(&t, "file"), cell(&t, "note");
		for (i = 0; i < r->nhelpers; i++) {
			const struct report_helper *h = &r->helpers[i];

			if (h->size >= 0)
				snprintf(num[i][0], sizeof(num[i][0]), "%ld", h->size);
			else
				strcpy(num[i][0], "-");
			snprintf(num[i][1], sizeof(num[i][1]), "%u", h->calls_left);
			cell(&t, h->name), cell(&t, num[i][0]), cell(&t, num[i][1]);
			cell(&t, h->file), cell(&t, *h->note ? h->note : "-");
		}
		table_print(&t, out);
	}
	if (r->nrefs) {
		buf_addf(out, "\nsymbols that helper code makes it use: %zu\n",
		         r->nrefs);
		t.ncols = 3;
		cell(&t, "symbol"), cell(&t, "helper"), cell(&t, "exported");
		for (i = 0; i < r->nrefs; i++) {
			cell(&t, r->refs[i].symbol);
			cell(&t, r->refs[i].helper);
			cell(&t, r->refs[i].exported < 0 ? "-" :
			         r->refs[i].exported ? "yes" : "NO");
		}
		table_print(&t, out);
	}
	if (r->ncross)
		print_cross(r, &t, out);
	free(num);
}

static void
print_json(const struct report *r, struct buf *out)
{
	size_t i;

	buf_addstr(out, "{\n  \"file\": ");
	json_string(out, r->file);
	buf_addstr(out, ",\n  \"calls\": [");
	for (i = 0; i < r->ncalls; i++) {
		buf_addstr(out, i ? ",\n    {" : "\n    {");
		json_member(out, 1, "caller", r->calls[i].caller);
		json_member(out, 0, "caller_symbol", r->calls[i].caller_symbol);
		json_member(out, 0, "helper", r->calls[i].helper);
		json_member(out, 0, "kind", r->calls[i].kind);
		buf_addf(out, ", \"count\": %u", r->calls[i].count);
		json_member(out, 0, "reason", r->calls[i].reason);
		buf_addch(out, '}');
	}
	buf_addstr(out, r->ncalls ? "\n  ],\n  \"helpers\": [" : "],\n  \"helpers\": [");
	for (i = 0; i < r->nhelpers; i++) {
		const struct report_helper *h = &r->helpers[i];

		buf_addstr(out, i ? ",\n    {" : "\n    {");
		json_member(out, 1, "name", h->name);
		json_member(out, 0, "file", h->file);
		if (h->size >= 0)
			buf_addf(out, ", \"ir_instructions\": %ld", h->size);
		else
			buf_addstr(out, ", \"ir_instructions\": null");
		buf_addf(out, ", \"calls_left\": %u", h->calls_left);
		json_member(out, 0, "note", h->note);
		buf_addch(out, '}');
	}
	buf_addstr(out, r->nhelpers ? "\n  ],\n  \"references\": [" : "],\n  \"references\": [");
	for (i = 0; i < r->nrefs; i++) {
		buf_addstr(out, i ? ",\n    {" : "\n    {");
		json_member(out, 1, "symbol", r->refs[i].symbol);
		json_member(out, 0, "helper", r->refs[i].helper);
		buf_addf(out, ", \"exported\": %s}", r->refs[i].exported < 0 ? "null" :
		         r->refs[i].exported ? "true" : "false");
	}
	buf_addstr(out, r->nrefs ? "\n  ]" : "]");
	if (r->ncross)
		buf_addstr(out, ",\n  \"cross_crate\": [");
	for (i = 0; i < r->ncross; i++) {
		const struct report_cross *x = &r->cross[i];

		buf_addstr(out, i ? ",\n    {" : "\n    {");
		json_member(out, 1, "function", x->name);
		json_member(out, 0, "symbol", x->symbol);
		json_member(out, 0, "file", x->file);
		if (x->size >= 0)
			buf_addf(out, ", \"ir_instructions\": %ld", x->size);
		else
			buf_addstr(out, ", \"ir_instructions\": null");
		buf_addf(out, ", \"calls_left\": %u", x->calls_left);
		if (x->inlined >= 0)
			buf_addf(out, ", \"inlined\": %ld", x->inlined);
		else
			buf_addstr(out, ", \"inlined\": null");
		json_member(out, 0, "note", x->note);
		buf_addch(out, '}');
	}
	buf_addstr(out, r->ncross ? "\n  ]\n}\n" : "\n}\n");
}

size_t
report_print_left(const struct report *r, struct buf *out)
{
	struct table t = {NULL, 3, 0};
	size_t i, n = 0;

	cell(&t, "caller"), cell(&t, "helper"), cell(&t, "reason");
	for (i = 0; i < r->ncalls; i++) {
		if (strcmp(r->calls[i].kind, "call") != 0)
			continue;
		cell(&t, r->calls[i].caller);
		cell(&t, r->calls[i].helper);
		cell(&t, *r->calls[i].reason ? r->calls[i].reason : "-");
		n += r->calls[i].count;
	}
	if (n)
		table_print(&t, out);
	free(t.cells);
	return n;
}

size_t
report_print_unexported(const struct report *r, struct buf *out)
{
	struct table t = {NULL, 2, 0};
	size_t i, n = 0;

	cell(&t, "symbol"), cell(&t, "helper");
	for (i = 0; i < r->nrefs; i++) {
		if (r->refs[i].exported != 0)
			continue;
		cell(&t, r->refs[i].symbol);
		cell(&t, r->refs[i].helper);
		n++;
	}
	if (n)
		table_print(&t, out);
	free(t.cells);
	return n;
}

void
report_print(const struct report *r, int json, struct buf *out)
{
	if (json)
		print_json(r, out);
	else
		print_text(r, out);
}

static int
has_helper(const struct report *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nhelpers; i++)
		if (strcmp(r->helpers[i].name, name) == 0)
			return 1;
	return 0;
}

static int
has_ref(const struct report *r, const char *symbol)
{
	size_t i;

	for (i = 0; i < r->nrefs; i++)
		if (strcmp(r->refs[i].symbol, symbol) == 0)
			return 1;
	return 0;
}

static int
has_cross(const struct report *r, const char *symbol)
{
	size_t i;

	for (i = 0; i < r->ncross; i++)
		if (strcmp(r->cross[i].symbol, symbol) == 0)
			return 1;
	return 0;
}

void
report_merge(struct report *r, const struct report *later,
             const struct strmap *exports)
{
	struct report m;
	size_t i;

	memset(&m, 0, sizeof(m));
	m.file = xstrdup(later->file ? later->file : r->file ? r->file : "");
	for (i = 0; i < later->ncalls; i++) {
		const struct report_call *c = &later->calls[i];

		report_add_call(&m, c->caller_symbol, c->helper, c->kind, c->reason);
		m.calls[m.ncalls - 1].count = c->count;
	}
	for (i = 0; i < later->nhelpers; i++) {
		const struct report_helper *h = &later->helpers[i];

		report_add_helper(&m, h->name, h->file, h->size, h->note);
	}
	for (i = 0; i < r->nhelpers; i++) {
		const struct report_helper *h = &r->helpers[i];

		if (!has_helper(later, h->name))
			report_add_helper(&m, h->name, h->file, h->size, h->note);
	}
	for (i = 0; i < later->nrefs; i++)
		report_add_ref(&m, later->refs[i].symbol, later->refs[i].helper);
	for (i = 0; i < r->nrefs; i++)
		if (!has_ref(later, r->refs[i].symbol))
			report_add_ref(&m, r->refs[i].symbol, r->refs[i].helper);
	for (i = 0; i < later->ncross; i++) {
		const struct report_cross *x = &later->cross[i];

		report_add_cross(&m, x->symbol, x->file, x->size, x->calls_left,
		                 x->inlined, x->note);
	}
	for (i = 0; i < r->ncross; i++) {
		const struct report_cross *x = &r->cross[i];

		if (!has_cross(later, x->symbol))
			report_add_cross(&m, x->symbol, x->file, x->size, x->calls_left,
			                 x->inlined, x->note);
	}
	report_finish(&m, exports);
	report_release(r);
	*r = m;
}

void
report_release(struct report *r)
{
	size_t i;

	for (i = 0; i < r->ncalls; i++)
		free_call(&r->calls[i]);
	for (i = 0; i < r->nhelpers; i++) {
		free(r->helpers[i].name);
		free(r->helpers[i].file);
		free(r->helpers[i].note);
	}
	for (i = 0; i < r->nrefs; i++) {
		free(r->refs[i].symbol);
		free(r->refs[i].helper);
	}
	for (i = 0; i < r->ncross; i++) {
		free(r->cross[i].name);
		free(r->cross[i].symbol);
		free(r->cross[i].file);
		free(r->cross[i].note);
	}
	free(r->calls);
	free(r->helpers);
	free(r->refs);
	free(r->cross);
	free(r->file);
	memset(r, 0, sizeof(*r));
}

