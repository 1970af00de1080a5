# t-api.sh: src/llvm/api.h against the llvm-c headers of every installed
# LLVM (Debian's llvm-N-dev), and src/clang/api.h against the clang-c
# headers of every installed libclang (libclang-N-dev): a wrong signature
# or constant fails the build of tests/llvmapi_check.c or
# tests/clangapi_check.c.
. "$top/tests/lib.sh"

# api_check WHAT HEADER: build tests/WHAT_check.c against each installed
# include directory that has HEADER.
api_check() {
	found=0
	for inc in /usr/lib/llvm-*/include /usr/local/include; do
		[ -f "$inc/$2" ] || continue
		found=1
		v=$(basename "$(dirname "$inc")")
		if cc -std=c11 -Wall -Wextra -Wpedantic -I"$inc" \
			"$top/tests/$1_check.c" -o $1-$v 2>$1-$v.log; then
			ok "$1.h matches $v's headers"
			./$1-$v | sed 's/^/# /'
		else
			notok "$1.h matches $v's headers"
			detail $1-$v.log
		fi
	done
	[ $found = 1 ] || skip "$1.h against the real headers" "none installed"
}

api_check llvmapi llvm/Config/llvm-config.h
api_check clangapi clang-c/Index.h
