/*
 * cmd_compat.c: "helperlink compat", which says whether helperlink can
 * combine what rustc, the C compiler and the given bitcode files produce.
 * Usable from Kconfig as $(success,helperlink compat --rustc $(RUSTC)
 * --cc $(CC)).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bitcode.h"
#include "buf.h"
#include "cmd.h"
#include "file.h"
#include "llvm.h"
#include "msg.h"
#include "opt.h"
#include "plugin_tools.h"
#include "toolchain.h"
#include "util.h"

static const char compat_head[] =
	"usage: helperlink compat [--rustc PATH] [--cc PATH] [--same-major] [--plugin]\n"
	"                         [FILE.bc...]\n"
	"\n"
	"Print the LLVM versions of rustc, of the C compiler, of the libLLVM\n"
	"helperlink loads, and of the producer of each bitcode file.  Exit 0 when\n"
	"helperlink can combine them: every producer is at most the loaded LLVM\n"
	"(patch levels aside), and with --plugin when \"helperlink plugin\" can\n"
	"build rustc's plugin; exit 1, saying why, when it cannot.\n"
	"\n";

enum { COMPAT_RUSTC = 1, COMPAT_CC, COMPAT_SAME_MAJOR, COMPAT_PLUGIN, COMPAT_LLVM,
       COMPAT_HELP };

static const struct opt compat_opts[] = {
	OPT("--rustc", COMPAT_RUSTC, OPT_VALUE, "PATH",
	 "the rustc to ask, and whose libLLVM to load\n(default $RUSTC or rustc)"),
	OPT("--cc", COMPAT_CC, OPT_VALUE, "PATH",
	 "the C compiler to ask (default $CC or clang)"),
	OPT("--same-major", COMPAT_SAME_MAJOR, OPT_FLAG, NULL,
	 "also require every LLVM major version to be equal, as\n"
	 "the kernel's RUSTC_CLANG_LLVM_COMPATIBLE does"),
	OPT("--plugin", COMPAT_PLUGIN, OPT_FLAG, NULL,
	 "also require what \"helperlink plugin\" needs: rustc's\n"
	 "LLVM C++ headers, libhelperlink-plugin.a, a C++ compiler\n"
	 "($CXX or clang++)"),
	OPT("--llvm", COMPAT_LLVM, OPT_VALUE, "PATH",
	 "load this libLLVM instead of rustc's"),
	OPT("-h", COMPAT_HELP, OPT_FLAG, NULL, NULL),
	OPT("--help", COMPAT_HELP, OPT_FLAG, NULL, "show this help"),
	OPT_TABLE_END,
};

struct compat {
	struct llvm_version loaded;
	int same_major;
	int ok;
};

/* Check one producer against the loaded LLVM, and print its line. */
static void
check(struct compat *c, const char *what, const char *name,
      const struct llvm_version *v)
{
	char s1[32], s2[32];

	printf("%-9s %-8s %s\n", what, version_str(v, s1), name);
	if (!version_can_read(&c->loaded, v)) {
		error("'%s' uses LLVM %s, newer than the loaded LLVM %s", name, s1,
		      version_str(&c->loaded, s2));
		c->ok = 0;
	} else if (c->same_major && v->major != c->loaded.major) {
		error("'%s' uses LLVM %u, the loaded LLVM is %u: the major versions "
		      "differ", name, v->major, c->loaded.major);
		c->ok = 0;
	}
}

static void
check_file(struct compat *c, const char *path)
{
	struct buf data = BUF_INIT;
	struct llvm_version v;
	unsigned char head[4];
	struct bc_ident id;
	enum bc_status st;

	/* The magic number first: no need to read all of something else. */
	if (check_input(path) < 0) {
		c->ok = 0;
		return;
	}
	if (read_prefix(path, head, sizeof(head)) >= 0 &&
	    !bc_magic(head, sizeof(head))) {
		error("cannot read '%s': %s", path, bc_status_str(BC_NOT_BITCODE));
		c->ok = 0;
		return;
	}
	if (read_file(path, &data) < 0) {
		c->ok = 0;
		return;
	}
	st = bc_identify((const unsigned char *)data.data, data.len, &id);
	buf_release(&data);
	if (st != BC_OK) {
		error("cannot read '%s': %s", path, bc_status_str(st));
		c->ok = 0;
	} else if (!id.found) {
		printf("%-9s %-8s %s\n", "producer", "<3.8", path);
	} else if (version_from_producer(id.producer, &v) < 0) {
		error("cannot read '%s': unknown producer '%s'", path, id.producer);
		c->ok = 0;
	} else {
		check(c, "producer", path, &v);
	}
}

int
cmd_compat(int argc, char **argv, const char *llvm)
{
	const char *rustc = NULL, *cc = NULL, *why, **files = NULL;
	struct compat c = {{0, 0, 0}, 0, 1};
	struct plugin_tools t;
	int plugin = 0;
	struct llvm_version v;
	struct opt_parser p;
	size_t nfiles = 0, i;
	char s[32];
	int id;

	opt_init(&p, argc, argv);
	while ((id = opt_next(&p, compat_opts)) != OPT_DONE) {
		switch (id) {
		case OPT_ERROR: usage_error("compat", "%s", p.err);
		case OPT_OPERAND: strlist_push(&files, &nfiles, p.value); break;
		case COMPAT_HELP:
			free(files);
			return opt_help(compat_head, compat_opts);
		case COMPAT_RUSTC: rustc = p.value; break;
		case COMPAT_CC: cc = p.value; break;
		case COMPAT_SAME_MAJOR: c.same_major = 1; break;
		case COMPAT_PLUGIN: plugin = 1; break;
		case COMPAT_LLVM: llvm = p.value; break;
		}
	}
	if (!rustc)
		rustc = toolchain_rustc();
	if (!cc)
		cc = toolchain_cc();
	if (llvm_load(llvm, rustc) < 0) {
		free(files);
		return 1;
	}
	c.loaded = llvm_version();
	printf("%-9s %-8s %s\n", "libLLVM", version_str(&c.loaded, s), llvm_path());
	if (toolchain_rustc_llvm(rustc, &v) < 0)
		c.ok = 0;
	else
		check(&c, "rustc", rustc, &v);
	if (toolchain_cc_llvm(cc, &v, &why) < 0) {
		error("'%s' %s", cc, why);
		c.ok = 0;
	} else {
		check(&c, "cc", cc, &v);
	}
	for (i = 0; i < nfiles; i++)
		check_file(&c, files[i]);
	free(files);
	if (plugin) {
		if (plugin_tools_find(&t, rustc, NULL) < 0)
			c.ok = 0;
		else
			printf("%-9s %-8s %s, %s\n", "plugin", version_str(&t.llvm, s),
			       t.headers, t.cxx);
		plugin_tools_release(&t);
	}
	return c.ok ? 0 : 1;
}
