/* diff.c: see diff.h. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diff.h"
#include "json.h"

static int
cmp_edges(const void *pa, const void *pb)
{
	const struct diff_edge *a = pa, *b = pb;
	int c = strcmp(a->function, b->function);

	return c ? c : strcmp(a->callee, b->callee);
}

void
diff_sort(struct diff_edge *e, size_t n)
{
	if (n)
		qsort(e, n, sizeof(*e), cmp_edges);
}

/* How many times the run at e[i] (same function and callee) occurs. */
static size_t
run(const struct diff_edge *e, size_t n, size_t i)
{
	size_t j = i;

	while (j < n && cmp_edges(&e[i], &e[j]) == 0)
		j++;
	return j - i;
}

struct diff_out {
	struct buf *out;
	int json;
	const char *function;   /* the function whose line is open, or NULL */
	int nfunctions, nchanges;
};

static void
diff_change(struct diff_out *d, const char *function, const char *callee,
            char sign, size_t count)
{
	if (!d->function || strcmp(d->function, function) != 0) {
		if (d->json) {
			buf_addstr(d->out, d->nfunctions ? "]},\n    {" : "\n    {");
			json_member(d->out, 1, "function", function);
			buf_addstr(d->out, ", \"changes\": [");
		} else {
			buf_addf(d->out, "  %s\n", function);
		}
		d->function = function;
		d->nfunctions++;
		d->nchanges = 0;
	}
	if (d->json) {
		buf_addstr(d->out, d->nchanges ? ", {" : "{");
		json_member(d->out, 1, "callee", callee);
		buf_addf(d->out, ", \"change\": %s%zu}", sign == '-' ? "-" : "", count);
	} else {
		buf_addf(d->out, "    %c %s", sign, callee);
		if (count > 1)
			buf_addf(d->out, " (x%zu)", count);
		buf_addch(d->out, '\n');
	}
	d->nchanges++;
}

void
diff_print(const char *name_a, struct diff_edge *a, size_t na,
           const char *name_b, struct diff_edge *b, size_t nb, int json,
           struct buf *out)
{
	struct diff_out d = {out, json, NULL, 0, 0};
	size_t i = 0, j = 0;

	if (json) {
		buf_addstr(out, "{\n  \"from\": ");
		json_string(out, name_a);
		buf_addstr(out, ",\n  \"to\": ");
		json_string(out, name_b);
		buf_addstr(out, ",\n  \"functions\": [");
	} else {
		buf_addf(out, "calls that differ from '%s' to '%s':\n", name_a, name_b);
	}
	while (i < na || j < nb) {
		int c = i == na ? 1 : j == nb ? -1 : cmp_edges(&a[i], &b[j]);
		size_t ra = c <= 0 ? run(a, na, i) : 0, rb = c >= 0 ? run(b, nb, j) : 0;

		if (ra > rb)
			diff_change(&d, a[i].function, a[i].callee, '-', ra - rb);
		else if (rb > ra)
			diff_change(&d, b[j].function, b[j].callee, '+', rb - ra);
		i += ra;
		j += rb;
	}
	if (json)
		buf_addstr(out, d.nfunctions ? "]}\n  ]\n}\n" : "]\n}\n");
	else if (!d.nfunctions)
		buf_addstr(out, "  none\n");
}

void
diff_edges_release(struct diff_edge *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(e[i].function);
		free(e[i].callee);
	}
	free(e);
}
