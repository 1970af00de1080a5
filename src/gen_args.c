/* gen_args.c: see gen_args.h. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "clang.h"
#include "gen_args.h"

void
gen_add_cflags(struct gen_args *g, const char *s)
{
	args_split(&g->flags, s);
}

int
gen_run(const struct gen_args *g, const char *cc, int rust, struct buf *out)
{
	struct gen_set set = {0};
	struct gen_options o;

	o.headers = g->headers;
	o.nheaders = g->nheaders;
	o.flags = (const char *const *)g->flags.v;
	o.nflags = g->flags.n;
	o.cc = cc;
	o.system = g->system;
	if (clang_load(g->libclang, cc) < 0 || clang_gen(&o, &set) < 0) {
		gen_release(&set);
		return -1;
	}
	if (rust)
		gen_write_rust(&set, g->headers, g->nheaders, out);
	else
		gen_write_c(&set, g->naming, g->headers, g->nheaders,
		            (const char *const *)g->flags.v, g->flags.n, out);
	gen_release(&set);
	return 0;
}

void
gen_args_release(struct gen_args *g)
{
	args_release(&g->flags);
	free(g->headers);
	memset(g, 0, sizeof(*g));
}
