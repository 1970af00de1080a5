/*
 * clangapi_check.c: compile src/clang/api.h's declarations against the
 * real clang-c headers of an installed libclang (Debian's libclang-N-dev):
 * every function must have exactly the signature helperlink calls it with,
 * and every constant the value helperlink uses; a mismatch fails the build.
 *
 * Build: cc -std=c11 -I/usr/lib/llvm-N/include clangapi_check.c
 */
#include <clang-c/Index.h>
#include <stdio.h>

#define CLANGAPI_REAL_HEADERS
#include "../src/clang/api.h"

#define CHECK_FN(ret, name, params) \
	_Static_assert(__builtin_types_compatible_p(__typeof__(&name), \
	                                            ret(*) params), \
	               #name " does not match clang-c");
#define CHECK_CONST(name, value) \
	_Static_assert((long long)(name) == (long long)(value), \
	               #name " does not match clang-c");
CLANG_FUNCTIONS(CHECK_FN)
CLANG_CONSTANTS(CHECK_CONST)

#define COUNT(...) + 1
int
main(void)
{
	printf("checked %d functions and %d constants against clang-c %s\n",
	       0 CLANG_FUNCTIONS(COUNT), 0 CLANG_CONSTANTS(COUNT),
	       CINDEX_VERSION_STRING);
	return 0;
}
