/*
 * cmd_compat.c: "helperlink compat", which says whether helperlink can
 * combine what rustc, the C compiler and the given bitcode files produce.
 * Usable from Kconfig as $(success,helperlink compat --rustc $(RUSTC)
 * --cc $(CC)).
 */
#define _GNU_SOURCE  /* getopt_long */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "bitcode.h"
#include "cmd.h"
#include "llvm.h"
#include "toolchain.h"
#include "util.h"

static const char compat_usage[] =
	"usage: helperlink compat [--rustc PATH] [--cc PATH] [--same-major] [FILE.bc...]\n"
	"\n"
	"Print the LLVM versions of rustc, of the C compiler, of the libLLVM\n"
	"helperlink loads, and of the producer of each bitcode file.  Exit 0 when\n"
	"helperlink can combine them: every producer is at most the loaded LLVM\n"
	"(patch levels aside); exit 1, saying why, when it cannot.\n"
	"\n"
	"  --rustc PATH    the rustc to ask, and whose libLLVM to load (default $RUSTC or rustc)\n"
	"  --cc PATH       the C compiler to ask (default $CC or clang)\n"
	"  --same-major    also require every LLVM major version to be equal, as\n"
	"                  the kernel's RUSTC_CLANG_LLVM_COMPATIBLE does\n"
	"  --llvm PATH     load this libLLVM instead of rustc's\n"
	"  -h, --help      show this help\n";

enum { OPT_RUSTC = 256, OPT_CC, OPT_SAME_MAJOR, OPT_LLVM };

static const struct option longopts[] = {
	{"rustc", required_argument, NULL, OPT_RUSTC},
	{"cc", required_argument, NULL, OPT_CC},
	{"same-major", no_argument, NULL, OPT_SAME_MAJOR},
	{"llvm", required_argument, NULL, OPT_LLVM},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
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
	struct bc_ident id;
	enum bc_status st;

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
cmd_compat(int argc, char **argv)
{
	const char *rustc = NULL, *cc = NULL, *llvm = global_llvm, *why;
	struct compat c = {{0, 0, 0}, 0, 1};
	struct llvm_version v;
	char s[32];
	int opt;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			fputs(compat_usage, stdout);
			return 0;
		case OPT_RUSTC: rustc = optarg; break;
		case OPT_CC: cc = optarg; break;
		case OPT_SAME_MAJOR: c.same_major = 1; break;
		case OPT_LLVM: llvm = optarg; break;
		default:
			option_error(compat_usage, "compat", opt, argv[optind - 1]);
		}
	}
	if (!rustc)
		rustc = toolchain_rustc();
	if (!cc)
		cc = toolchain_cc();
	if (llvm_load(llvm, rustc) < 0)
		return 1;
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
	for (; optind < argc; optind++)
		check_file(&c, argv[optind]);
	return c.ok ? 0 : 1;
}
