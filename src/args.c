/* args.c: see args.h. */
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "buf.h"
#include "file.h"
#include "msg.h"
#include "util.h"

void
args_push(struct args *a, const char *s)
{
	a->v = xrealloc(a->v, (a->n + 2) * sizeof(*a->v));
	a->v[a->n++] = xstrdup(s);
	a->v[a->n] = NULL;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

void
args_split(struct args *a, const char *p)
{
	struct buf word = BUF_INIT;

	for (;;) {
		char quote = 0;

		while (is_space(*p))
			p++;
		if (!*p)
			break;
		buf_reset(&word);
		buf_addstr(&word, "");
		for (; *p && (quote || !is_space(*p)); p++) {
			if (*p == '\\' && p[1]) {
				buf_addch(&word, *++p);
			} else if (quote && *p == quote) {
				quote = 0;
			} else if (!quote && (*p == '\'' || *p == '"')) {
				quote = *p;
			} else {
				buf_addch(&word, *p);
			}
		}
		args_push(a, word.data);
	}
	buf_release(&word);
}

static int
expand(struct args *a, int argc, char *const argv[], int depth)
{
	int i;

	for (i = 0; i < argc; i++) {
		struct args inner = ARGS_INIT;
		struct buf text = BUF_INIT;
		int ret;

		if (argv[i][0] != '@' || !argv[i][1]) {
			args_push(a, argv[i]);
			continue;
		}
		if (depth >= 16)
			return error("response file '%s': nested too deep",
			             argv[i] + 1);
		if (read_text_file(argv[i] + 1, &text) < 0) {
			buf_release(&text);
			return -1;
		}
		args_split(&inner, text.data ? text.data : "");
		buf_release(&text);
		ret = expand(a, (int)inner.n, inner.v, depth + 1);
		args_release(&inner);
		if (ret < 0)
			return -1;
	}
	return 0;
}

int
args_expand(struct args *a, int argc, char *const argv[])
{
	return expand(a, argc, argv, 0);
}

void
args_release(struct args *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	a->v = NULL;
	a->n = 0;
}
