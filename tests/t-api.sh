# t-api.sh: src/llvmapi.h against the llvm-c headers of every installed
# LLVM (Debian's llvm-N-dev): a wrong signature or constant fails the build
# of tests/llvmapi_check.c.
. "$top/tests/lib.sh"

found=0
for inc in /usr/lib/llvm-*/include /usr/local/include; do
	[ -f "$inc/llvm-c/Core.h" ] && [ -f "$inc/llvm/Config/llvm-config.h" ] ||
		continue
	found=1
	v=$(sed -n 's/^#define LLVM_VERSION_MAJOR \([0-9]*\).*/\1/p' \
		"$inc/llvm/Config/llvm-config.h")
	if cc -std=c11 -Wall -Wextra -Wpedantic -I"$inc" \
		"$top/tests/llvmapi_check.c" -o check-$v 2>build-$v.log; then
		ok "llvmapi.h matches LLVM $v's llvm-c headers"
		./check-$v | sed 's/^/# /'
	else
		notok "llvmapi.h matches LLVM $v's llvm-c headers"
		detail build-$v.log
	fi
done
[ $found = 1 ] || skip "llvmapi.h against llvm-c headers" "no llvm-N-dev installed"
