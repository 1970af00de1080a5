/* gen_args.c: see gen_args.h. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "clang.h"
#include "gen_args.h"
#include "guard.h"

void
gen_add_cflags(struct gen_args *g, const char *s)
{
	args_split(&g->flags, s);
}

struct gen_run {
	const struct gen_args *g;
	const char *cc;
	int rust;
};

/* In a guarded child, so that a crash inside libclang (a header too deep
 * for its parser's stack) is one line naming the header. */
static int
gen_child(void *arg, struct buf *out)
{
	const struct gen_run *r = arg;
	const struct gen_args *g = r->g;
	struct gen_set set = {0};
	struct gen_options o;
	const char *cc = r->cc;
	int rust = r->rust;

	o.headers = g->headers;
	o.nheaders = g->nheaders;
	o.flags = (const char *const *)g->flags.v;
	o.nflags = g->flags.n;
	o.cc = cc;
	o.system = g->system;
	o.allow_file = &g->allow_file;
	o.allow_function = &g->allow_function;
	o.block_function = &g->block_function;
	o.allow_empty = g->allow_empty;
	guard_note("libclang", "parsing", g->nheaders ? g->headers[0] : "");
	if (clang_load(g->libclang, cc) < 0 || clang_gen(&o, &set) < 0) {
		gen_release(&set);
		return 1;
	}
	if (rust)
		gen_write_rust(&set, g->headers, g->nheaders, out);
	else
		gen_write_c(&set, g->naming, g->headers, g->nheaders,
		            (const char *const *)g->flags.v, g->flags.n, out);
	gen_release(&set);
	return 0;
}

int
gen_run(const struct gen_args *g, const char *cc, int rust, struct buf *out)
{
	struct gen_run r = {g, cc, rust};

	return guard_run(gen_child, &r, out) == 0 ? 0 : -1;
}

void
gen_args_release(struct gen_args *g)
{
	args_release(&g->flags);
	relist_release(&g->allow_file);
	relist_release(&g->allow_function);
	relist_release(&g->block_function);
	free(g->headers);
	memset(g, 0, sizeof(*g));
}
