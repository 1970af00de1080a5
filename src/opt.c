/* opt.c: see opt.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "opt.h"
#include "util.h"

void
opt_init(struct opt_parser *p, int argc, char **argv)
{
	memset(p, 0, sizeof(*p));
	p->argc = argc;
	p->argv = argv;
	p->i = 1;
}

/* Whether arg is o, and the value attached to it, if any. */
static int
spelled(const struct opt *o, const char *arg, const char **attached)
{
	const char *rest = skip_prefix(arg, o->name);

	*attached = NULL;
	if (!rest)
		return 0;
	if (o->kind == OPT_PREFIX) {
		*attached = arg;
		return *rest != '\0';
	}
	if (!*rest)
		return 1;
	if (o->kind == OPT_FLAG)
		return *rest == '=' ? (*attached = rest + 1, 1) : 0;
	if (*rest == '=')
		*attached = rest + 1;
	else if (strlen(o->name) == 2)  /* -oFILE */
		*attached = rest;
	else
		return 0;
	return 1;
}

int
opt_match(struct opt_parser *p, const struct opt *table, int i, int *used)
{
	const char *arg = p->argv[i], *attached;
	const struct opt *o;
	int id;

	for (o = table; o->name || o->help || o->include; o++) {
		if (o->include && (id = opt_match(p, o->include, i, used)) != 0)
			return id;
		if (!o->name || !spelled(o, arg, &attached))
			continue;
		p->arg = arg;
		*used = 1;
		if (o->kind == OPT_FLAG && attached) {
			snprintf(p->err, sizeof(p->err),
			         "option '%s' takes no value", o->name);
			return OPT_ERROR;
		}
		if (o->kind == OPT_FLAG) {
			p->value = NULL;
		} else if (attached) {
			p->value = attached;
		} else if (i + 1 < p->argc) {
			p->value = p->argv[i + 1];
			*used = 2;
		} else {
			snprintf(p->err, sizeof(p->err),
			         "option '%s' needs a value", arg);
			return OPT_ERROR;
		}
		return o->id;
	}
	return 0;
}

int
opt_next(struct opt_parser *p, const struct opt *table)
{
	const char *arg;
	int id, used;

	if (p->i >= p->argc)
		return OPT_DONE;
	arg = p->argv[p->i];
	if (p->operands_only || arg[0] != '-' || !arg[1]) {
		p->value = p->arg = arg;
		p->i++;
		return OPT_OPERAND;
	}
	if (strcmp(arg, "--") == 0) {
		p->operands_only = 1;
		p->i++;
		return opt_next(p, table);
	}
	id = opt_match(p, table, p->i, &used);
	if (id == 0) {
		snprintf(p->err, sizeof(p->err), "unknown option '%s'", arg);
		return OPT_ERROR;
	}
	p->i += used;
	return id;
}

static void
add_options(struct buf *out, const struct opt *table)
{
	const struct opt *o, *a;

	for (o = table; o->name || o->help || o->include; o++) {
		struct buf left = BUF_INIT;
		const char *h = o->help, *nl;

		if (o->include)
			add_options(out, o->include);
		if (!o->help)
			continue;
		if (!o->name) {
			buf_addf(out, "%s\n", o->help);
			continue;
		}
		/* Unlisted spellings of the same option just before it:
		 * "-h, --help". */
		for (a = o; a > table && a[-1].name && !a[-1].help &&
		     a[-1].id == o->id; a--)
			;
		buf_addstr(&left, " ");
		for (; a < o; a++)
			buf_addf(&left, " %s,", a->name);
		buf_addf(&left, " %s", o->name);
		if (o->arg)
			buf_addf(&left, o->arg[0] == '=' ? "%s" : " %s", o->arg);
		/* The help starts in column 25, or two spaces later. */
		buf_addf(out, "%s%*s", left.data,
		         left.len < 25 ? (int)(25 - left.len) : 2, "");
		for (; (nl = strchr(h, '\n')) != NULL; h = nl + 1)
			buf_addf(out, "%.*s\n%25s", (int)(nl - h), h, "");
		buf_addf(out, "%s\n", h);
		buf_release(&left);
	}
}

int
opt_help(const char *head, const struct opt *table)
{
	char *usage = opt_usage(head, table, NULL);

	fputs(usage, stdout);
	free(usage);
	return 0;
}

char *
opt_usage(const char *head, const struct opt *table, const char *tail)
{
	struct buf out = BUF_INIT;

	buf_addstr(&out, head ? head : "");
	add_options(&out, table);
	buf_addstr(&out, tail ? tail : "");
	return out.data;
}
