/*
 * opt.h: command-line options from one table, which both parses them and
 * prints the usage (git's parse-options).
 *
 * An option is spelled in the table as it is typed: "--helpers", "-o",
 * "-include".  A long option's value follows it as "--name=VALUE" or as
 * the next argument; a one-letter option's as "-oVALUE" or the next
 * argument; a prefix option ("-m") matches every argument that starts
 * with it ("-mno-sse"), and its value is the whole argument.  "--" ends
 * the options.  Options and operands may come in any order.
 */
#ifndef OPT_H
#define OPT_H

#include <stddef.h>

enum opt_kind {
	OPT_FLAG,     /* no value */
	OPT_VALUE,    /* a value, attached or the next argument */
	OPT_PREFIX,   /* the argument starts with the name */
};

struct opt {
	const char *name;   /* as typed; NULL: a line of the usage only */
	int id;             /* what opt_next() returns for it, > 0 */
	enum opt_kind kind;
	const char *arg;    /* the value in the usage, "FILE"; "=a|b" is
	                       printed attached */
	const char *help;   /* its lines in the usage; NULL: not listed */
	const struct opt *include;  /* another table, in its place */
};
/* An entry of a table. */
#define OPT(name, id, kind, arg, help) {(name), (id), (kind), (arg), (help), NULL}
#define OPT_TABLE_END {NULL, 0, OPT_FLAG, NULL, NULL, NULL}
/* A heading or a paragraph of the usage. */
#define OPT_TEXT(s) {NULL, 0, OPT_FLAG, NULL, (s), NULL}
/* The options of another table, as if they were written here. */
#define OPT_INCLUDE(t) {NULL, 0, OPT_FLAG, NULL, NULL, (t)}

/* What opt_next() returns besides an option's id. */
enum { OPT_DONE = 0, OPT_OPERAND = -1, OPT_ERROR = -2 };

struct opt_parser {
	int argc;
	char **argv;
	int i;               /* the next argument */
	const char *value;   /* the option's value, or the operand */
	const char *arg;     /* the argument, as given */
	int operands_only;   /* after "--" */
	char err[256];       /* what is wrong, after OPT_ERROR */
};

/* Start parsing argv[1..argc); argv[0] is the command's name. */
void opt_init(struct opt_parser *p, int argc, char **argv);
/* The next option's id, OPT_OPERAND, OPT_DONE at the end, or OPT_ERROR
 * for an unknown option or a missing value. */
int opt_next(struct opt_parser *p, const struct opt *table);

/*
 * Whether argv[i] is one of table's options: its id, with *value and the
 * number of arguments it takes (1 or 2) in *used; 0 when it is not one;
 * OPT_ERROR, with the reason in p->err, when its value is missing or it
 * takes none and has one.  For a command that passes what it does not
 * know to another program ("helperlink ld").
 */
int opt_match(struct opt_parser *p, const struct opt *table, int i,
              int *used);

/* The usage: head, the table's options and lines, then tail (both may be
 * NULL), as a new string. */
char *opt_usage(const char *head, const struct opt *table, const char *tail);
/* Print the usage on standard output, for --help; returns 0. */
int opt_help(const char *head, const struct opt *table);

#endif
