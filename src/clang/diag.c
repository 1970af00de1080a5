/*
 * clang/diag.c: what went wrong in a parse, as one line (internal.h).
 *
 * The first error is said at its place, with the chain of #includes that
 * led there: "'a/deep.h', line 3: 'gone.h' file not found (included from
 * 'a/mid.h', line 1, from 'wrapper.h', line 2)".  When libclang does not
 * parse at all, its driver refused a flag: each is tried alone on an
 * empty file to name it.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../buf.h"
#include "../msg.h"
#include "../util.h"

struct chain {
	const char *file;       /* the file whose chain is wanted */
	struct buf text;
};

static void
note_chain(CXFile f, CXSourceLocation *stack, unsigned depth, CXClientData d)
{
	struct chain *c = d;
	char *name = cx_file_name(f), *from;
	unsigned i, line;

	if (c->text.len || strcmp(name, c->file) != 0) {
		free(name);
		return;
	}
	free(name);
	for (i = 0; i < depth; i++) {
		from = cx_location_file(stack[i], &line);
		if (*from && strcmp(from, MAIN_FILE) != 0)
			buf_addf(&c->text, "%s '%s', line %u",
			         c->text.len ? ", from" : " (included from", from, line);
		free(from);
	}
	if (c->text.len)
		buf_addch(&c->text, ')');
}

int
diag_report(CXTranslationUnit tu, const char *subject)
{
	unsigned i, n = clang_getNumDiagnostics(tu), line = 0;
	struct chain c = {NULL, BUF_INIT};
	CXDiagnostic d = NULL;
	char *msg, *where;

	for (i = 0; i < n && !d; i++) {
		d = clang_getDiagnostic(tu, i);
		if (clang_getDiagnosticSeverity(d) < CXDiagnostic_Error) {
			clang_disposeDiagnostic(d);
			d = NULL;
		}
	}
	if (!d)
		return 0;
	msg = cx_take(clang_getDiagnosticSpelling(d));
	where = cx_location_file(clang_getDiagnosticLocation(d), &line);
	/* One in the file that includes the headers (a header not found) is
	 * about the header named first. */
	if (!*where || strcmp(where, MAIN_FILE) == 0) {
		error("'%s': %s", subject, msg);
	} else {
		c.file = where;
		clang_getInclusions(tu, note_chain, &c);
		error("'%s', line %u: %s%s", where, line, msg, c.text.len ? c.text.data : "");
	}
	buf_release(&c.text);
	free(where);
	free(msg);
	clang_disposeDiagnostic(d);
	return -1;
}

/* Whether libclang parses an empty file with only the flags of args[from,
 * to). */
static int
accepted(CXIndex index, const char *const *args, size_t from, size_t to)
{
	struct CXUnsavedFile empty = {MAIN_FILE, "", 0};
	const char *one[4] = {"-xc"};
	CXTranslationUnit tu = NULL;
	size_t n = 1;

	while (from < to && n < LEN(one))
		one[n++] = args[from++];
	if (clang_parseTranslationUnit2(index, MAIN_FILE, one, (int)n, &empty, 1,
	                                0, &tu) != 0 || !tu)
		return 0;
	clang_disposeTranslationUnit(tu);
	return 1;
}

int
diag_rejected(CXIndex index, const struct gen_options *o,
              const char *const *args, size_t nargs)
{
	char *version = cx_take(clang_getClangVersion());
	size_t i, to;

	for (i = 0; i < nargs; i = to) {
		/* A flag with its value: "-I DIR" as two arguments. */
		to = i + 1;
		if (args[i][0] == '-' && to < nargs && args[to][0] != '-')
			to++;
		if (!accepted(index, args, i, to))
			break;
	}
	if (i < nargs) {
		struct buf flag = BUF_INIT;

		for (; i < to; i++)
			buf_addf(&flag, "%s%s", flag.len ? " " : "", args[i]);
		error("'%s': %s does not accept '%s' (%s): give --cc or --libclang of "
		      "a clang that does", o->headers[0], version, flag.data, clang_path());
		buf_release(&flag);
	} else {
		error("'%s': %s cannot parse it with these flags", o->headers[0], version);
	}
	free(version);
	return -1;
}
