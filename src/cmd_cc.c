/*
 * cmd_cc.c: "helperlink cc" (also run as helperlink-cc), a linker driver
 * for rustc -C linker=helperlink-cc -C linker-plugin-lto; see cc/cc.h.
 */
#include <stdio.h>
#include <string.h>

#include "cc/cc.h"
#include "cmd.h"

static const char cc_usage[] =
	"usage: helperlink cc CC-ARGUMENTS...   (or helperlink-cc CC-ARGUMENTS...)\n"
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
	"bitcode arrives (an error otherwise).\n";

int
cmd_cc(int argc, char **argv, const char *llvm)
{
	(void)llvm;
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs(cc_usage, stdout);
		return 0;
	}
	return cc_run(argc - 1, argv + 1);
}
