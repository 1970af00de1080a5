/*
 * cmd_link.c: "helperlink link", which inlines the C helpers a Rust crate
 * calls into the crate's bitcode and compiles the result.
 */
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "cmd.h"
#include "file.h"
#include "link_args.h"
#include "msg.h"

static const char link_head[] =
	"usage: helperlink link [OPTIONS] CRATE.bc... [--helpers HELPERS.bc]... -o OUT\n"
	"\n"
	"Link the C helper functions that the crate calls into its bitcode, inline\n"
	"them, and compile the result as rustc would have.\n"
	"\n";

int
cmd_link(int argc, char **argv, const char *llvm)
{
	struct link_args a;
	struct buf out = BUF_INIT, text = BUF_INIT;
	const char *err = link_args_parse(argc, argv, &a);
	struct out_file files[2];
	int ret = 1;

	if (a.help) {
		ret = opt_help(link_head, link_opts);
		goto out;
	}
	if (err)
		usage_error("link", "%s", err);
	if (!a.llvm)
		a.llvm = llvm;
	/* Fail before the work, not after it. */
	if (link_args_check_outputs(&a, NULL, 0) < 0 ||
	    check_writable(a.o.output) < 0 ||
	    (a.o.report && check_writable(a.o.report) < 0) ||
	    link_run(&a, &out, &text) < 0)
		goto out;
	files[0] = (struct out_file){a.o.output, out.data, out.len, NULL};
	files[1] = (struct out_file){a.o.report, text.data, text.len, NULL};
	if (write_files_atomic(files, a.o.report ? 2 : 1) == 0)
		ret = 0;
out:
	buf_release(&out);
	buf_release(&text);
	link_args_release(&a);
	return ret;
}
