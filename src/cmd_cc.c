/*
 * cmd_cc.c: "helperlink cc" (also run as helperlink-cc), a linker driver
 * for rustc -C linker=helperlink-cc -C linker-plugin-lto; see cc/cc.h.
 */
#include <stdio.h>
#include <string.h>

#include "cc/cc.h"
#include "cmd.h"
#include "msg.h"

static const char cc_usage[] =
	"usage: helperlink cc CC-ARGUMENTS...   (or helperlink-cc CC-ARGUMENTS...)\n"
	"       helperlink cc --staticlib ARCHIVE -o OUTPUT\n"
	"\n"
	"A linker driver for rustc -C linker=helperlink-cc -C linker-plugin-lto:\n"
	"the LLVM bitcode on the link line (objects, rlib and archive members) is\n"
	"compiled with the C bitcode (also that embedded in native objects by\n"
	"clang -Xclang -fembed-bitcode=all) inlined into the Rust, and the real\n"
	"linker ($HELPERLINK_LINKER, or cc) runs with the same arguments otherwise.\n"
	"$HELPERLINK_JOBS: parallel jobs; $HELPERLINK_CACHE: the cache directory\n"
	"(target/PROFILE/helperlink-cache); $HELPERLINK_LOG: a file to log each link;\n"
	"$HELPERLINK_FORCE_INLINE_MAX: force inline helpers of at most N IR\n"
	"instructions (100; 0: all); $HELPERLINK_NATIVE=1: link even when no\n"
	"bitcode arrives (an error otherwise).\n"
	"--staticlib: a staticlib that rustc built with -C linker-plugin-lto (an\n"
	"archive of bitcode) as an archive a C toolchain can link: OUTPUT has its\n"
	"bitcode compiled, the C inlined, its native members as they were.\n";

int
cmd_cc(int argc, char **argv, const char *llvm)
{
	(void)llvm;
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs(cc_usage, stdout);
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "--staticlib") == 0) {
		if (argc != 5 || strcmp(argv[3], "-o") != 0) {
			error("usage: helperlink cc --staticlib ARCHIVE -o OUTPUT");
			return 2;
		}
		return cc_staticlib(argv[2], argv[4]);
	}
	return cc_run(argc - 1, argv + 1);
}
