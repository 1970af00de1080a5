/* linkline.c: see linkline.h. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "file.h"
#include "linkline.h"
#include "msg.h"
#include "proc.h"
#include "util.h"

/* Options whose value may be the next argument: of both, of a compiler
 * driver only, and of the linker only.  (-x is a driver's language and
 * ld's "discard all"; -c, -O and -P are ld's with a value, the driver's
 * without.) */
static const char *const valued_both[] = {
	"-o", "-L", "-l", "-T", "-z", "-u", "-e", "-I",
};
static const char *const valued_cc[] = {
	"-x", "-B", "-Xlinker", "-include", "-isystem", "-MF", "-MT", "-MQ",
	"-arch",
};
static const char *const valued_ld[] = {
	"-m", "-y", "-h", "-R", "-A", "-a", "-b", "-c", "-F", "-f", "-G",
	"-O", "-P", "-Y", "-dT",
	"--script", "--entry", "--undefined", "--defsym", "--soname",
	"-soname", "--rpath", "-rpath", "--rpath-link", "-rpath-link",
	"--version-script", "--wrap", "--require-defined", "--library",
	"--library-path", "--format", "--oformat", "--architecture",
	"--section-start", "-Ttext", "-Tdata", "-Tbss", "-Ttext-segment",
	"--trace-symbol", "--exclude-libs", "--just-symbols",
	"--retain-symbols-file", "--image-base", "--plugin", "-plugin",
	"--plugin-opt", "-plugin-opt", "--undefined-glob", "--dynamic-linker",
	"-dynamic-linker", "--dynamic-list", "--hash-style", "--sort-section",
	"--orphan-handling", "--unresolved-symbols", "--audit", "--depaudit",
	"--filter", "--auxiliary", "--output",
};

static int
takes_value(const char *arg, enum linkline_dialect d)
{
	return strlist_has(valued_both, LEN(valued_both), arg) ||
	       (d == LINKLINE_CC ? strlist_has(valued_cc, LEN(valued_cc), arg)
	                         : strlist_has(valued_ld, LEN(valued_ld), arg));
}

/* The option's value: attached after prefix, or the next argument. */
static void
valued(char *const *v, size_t n, size_t i, const char *rest,
       enum linkline_kind kind, struct linkline_arg *a)
{
	a->kind = kind;
	if (*rest) {
		a->span = 1;
		a->value = rest;
	} else {
		a->span = i + 1 < n ? 2 : 1;
		a->value = i + 1 < n ? v[i + 1] : NULL;
	}
}

void
linkline_next(char *const *v, size_t n, size_t i, enum linkline_dialect d,
              struct linkline_arg *a)
{
	const char *arg = v[i], *rest;

	a->span = 1;
	a->value = NULL;
	if (arg[0] != '-' || !arg[1]) {
		a->kind = LINKLINE_INPUT;
		a->value = arg;
	} else if (strcmp(arg, "--") == 0 && d == LINKLINE_LD) {
		a->kind = LINKLINE_END_OF_OPTIONS;
	} else if ((rest = skip_prefix(arg, "-o")) != NULL) {
		valued(v, n, i, rest, LINKLINE_OUTPUT, a);
	} else if (d == LINKLINE_LD && (rest = skip_prefix(arg, "--output")) &&
	           (!*rest || *rest == '=')) {
		valued(v, n, i, *rest ? rest + 1 : rest, LINKLINE_OUTPUT, a);
	} else if ((rest = skip_prefix(arg, "-l")) != NULL) {
		valued(v, n, i, rest, LINKLINE_LIBRARY, a);
	} else {
		a->kind = LINKLINE_OPTION;
		if (takes_value(arg, d) && i + 1 < n)
			a->span = 2;
	}
}

/* An argument for a response file, quoted as buildargv() reads it. */
static void
rsp_quote(struct buf *out, const char *s)
{
	buf_addch(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_addch(out, '\\');
		buf_addch(out, *s);
	}
	buf_addstr(out, "\"\n");
}

int
linkline_run(const char *linker, const struct args *a, const char *rsp)
{
	struct args argv = ARGS_INIT;
	struct buf text = BUF_INIT;
	size_t i;
	int st = -1;

	args_push(&argv, linker);
	if (rsp) {
		char *at = xasprintf("@%s", rsp);

		for (i = 0; i < a->n; i++)
			rsp_quote(&text, a->v[i]);
		args_push(&argv, at);
		free(at);
		if (write_file_atomic(rsp, text.data ? text.data : "", text.len) < 0)
			goto out;
	} else {
		for (i = 0; i < a->n; i++)
			args_push(&argv, a->v[i]);
	}
	st = run_command(argv.v);
	if (st < 0)
		error("cannot run the linker '%s'", linker);
out:
	buf_release(&text);
	args_release(&argv);
	return st;
}
