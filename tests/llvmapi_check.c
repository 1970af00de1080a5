/*
 * llvmapi_check.c: compile src/llvmapi.h's declarations against the real
 * llvm-c headers of an installed LLVM.  Every function that LLVM version
 * declares must have exactly the signature helperlink calls it with, and
 * every constant the value helperlink uses; a mismatch fails the build of
 * this file.  Entries newer than the headers are counted, not checked.
 *
 * Build: cc -std=c11 -I$(llvm-config --includedir) llvmapi_check.c
 */
#include <llvm-c/Analysis.h>
#include <llvm-c/BitReader.h>
#include <llvm-c/BitWriter.h>
#include <llvm-c/Comdat.h>
#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <llvm-c/Disassembler.h>
#include <llvm-c/Object.h>
#include <llvm-c/Error.h>
#include <llvm-c/ErrorHandling.h>
#include <llvm-c/Linker.h>
#include <llvm-c/Support.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>
#include <llvm/Config/llvm-config.h>
#include <stdio.h>

#define LLVMAPI_REAL_HEADERS
#include "../src/llvm/api.h"

/* CHECK_<since> checks an entry when these headers are that new. */
#define CHECK_FN(ret, name, params) \
	_Static_assert(__builtin_types_compatible_p(__typeof__(&name), \
	                                            ret(*) params), \
	               #name " does not match llvm-c");
#define CHECK_CONST(name, value) \
	_Static_assert((long long)(name) == (long long)(value), \
	               #name " does not match llvm-c");
#define SKIP_FN(ret, name, params)
#define SKIP_CONST(name, value)

#define CHECK_FN_14 CHECK_FN
#define CHECK_CONST_14 CHECK_CONST
#if LLVM_VERSION_MAJOR >= 15
#define CHECK_FN_15 CHECK_FN
#else
#define CHECK_FN_15 SKIP_FN
#endif
#if LLVM_VERSION_MAJOR >= 16
#define CHECK_FN_16 CHECK_FN
#else
#define CHECK_FN_16 SKIP_FN
#endif
#if LLVM_VERSION_MAJOR >= 18
#define CHECK_FN_18 CHECK_FN
#else
#define CHECK_FN_18 SKIP_FN
#endif
#if LLVM_VERSION_MAJOR >= 19
#define CHECK_FN_19 CHECK_FN
#else
#define CHECK_FN_19 SKIP_FN
#endif
#if LLVM_VERSION_MAJOR >= 20
#define CHECK_FN_20 CHECK_FN
#else
#define CHECK_FN_20 SKIP_FN
#endif

#define FUNCTION(since, need, ret, name, params) CHECK_FN_##since(ret, name, params)
#define CONSTANT(since, name, value) CHECK_CONST_##since(name, value)
LLVM_FUNCTIONS(FUNCTION)
LLVM_CONSTANTS(CONSTANT)

#define COUNT_FN(since, need, ret, name, params) {#name, since},
#define COUNT_CONST(since, name, value) {#name, since},
static const struct {
	const char *name;
	int since;
} functions[] = {LLVM_FUNCTIONS(COUNT_FN)}, constants[] = {LLVM_CONSTANTS(COUNT_CONST)};

int
main(void)
{
	size_t i, nf = 0, nc = 0;

	for (i = 0; i < sizeof(functions) / sizeof(functions[0]); i++)
		nf += functions[i].since <= LLVM_VERSION_MAJOR;
	for (i = 0; i < sizeof(constants) / sizeof(constants[0]); i++)
		nc += constants[i].since <= LLVM_VERSION_MAJOR;
	printf("checked %zu of %zu functions and %zu of %zu constants against "
	       "LLVM %d's headers\n", nf, sizeof(functions) / sizeof(functions[0]),
	       nc, sizeof(constants) / sizeof(constants[0]), LLVM_VERSION_MAJOR);
	return 0;
}
