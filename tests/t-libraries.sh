# t-libraries.sh: helperlink gen on real libraries (libraries/run --check).
# For every library of libraries/list that is installed: gen takes every
# one of its own static and inline functions that clang's AST dump counts
# and no other, wraps 99% of them or lists the rest with a reason, the
# wrappers compile with clang 14 and clang 22, and rustc compiles the Rust
# declarations.  Libraries not installed are skipped.  Then a Rust crate
# for each of liburing, CPython, the Linux UAPI byte-order headers,
# Concurrency Kit and liburcu calls 20 or more of their inline functions
# by their C names; the objects call no helper and leave no C name
# undefined, and the programs compute what the same calls compute in C
# (or in Rust).
. "$top/tests/lib.sh"

if [ ! -e /usr/include/liburing.h ] || ! command -v python3-config >/dev/null; then
	skip "libraries" "needs liburing-dev and python3-dev"
	exit 0
fi
check "five crates call their libraries' inline functions by C name, inlined" \
	sh -c "'$top/libraries/run' --check '$PWD/libraries' >libraries.log 2>&1"
grep -q 'libraries check' libraries.log || detail libraries.log
for c in uring py uapi ck urcu; do
	check "$c.rs: the program's results agree" \
		grep -qE "^\| $c.rs \| [0-9]+ \| 0 \| 0 \| (same|ok) " libraries/libraries.md
done
while read -r lib state pct c14 c22 rs only; do
	case $state in
	skipped) skip "$lib" "not installed"; continue ;;
	failed) notok "$lib: gen runs"; continue ;;
	esac
	check "$lib: gen takes the library's own functions, as clang's AST counts them" \
		test "$only" = 0/0
	# Below 99%, every function not wrapped must be one C cannot wrap.
	check "$lib: 99% wrapped, or the rest variadic ($pct%)" sh -c \
		"awk -v p=$pct 'BEGIN {exit !(p >= 99)}' ||
		 ! grep '^ \*   ' libraries/$lib.c | grep -qv ': it is variadic$'"
	check "$lib: the wrappers compile with clang 14" test "$c14" = ok
	if [ "$c22" = none ]; then
		skip "$lib: the wrappers compile with clang 22" "no clang-22"
	else
		check "$lib: the wrappers compile with clang 22" test "$c22" = ok
	fi
	check "$lib: rustc compiles the Rust declarations" test "$rs" = ok
done <libraries/rows.txt

# --system on real headers: glibc's inline functions (clang 22 refuses a
# va_list spelled without the restrict beside it) and DPDK's compiler
# intrinsics (always_inline functions that need target features).
printf '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <wchar.h>\n' >libc-all.h
"$HL" gen --system -O2 libc-all.h -o libc-all.c
if [ -e /usr/include/dpdk/rte_mbuf.h ]; then
	dpdk=$(pkg-config --cflags libdpdk)
	"$HL" gen --system $dpdk -O2 libraries/dpdk-wrapper.h -o dpdk-all.c
	check "DPDK --system: what needs an unenabled feature is listed, with it" \
		grep -q "^ \*   _mm512_.*: it needs target feature 'avx512f', which the flags do not enable$" dpdk-all.c
else
	skip "DPDK --system: what needs an unenabled feature is listed" "no dpdk-dev"
fi
for cc in clang clang-22; do
	command -v $cc >/dev/null || { skip "$cc compiles --system wrappers" "no $cc"; continue; }
	check "$cc compiles glibc's inline functions' wrappers" \
		$cc -O2 -Wall -c libc-all.c -o libc-all-$cc.o
	[ -e dpdk-all.c ] && check "$cc compiles DPDK's, intrinsics included" \
		$cc $dpdk -O2 -Ilibraries -c dpdk-all.c -o dpdk-all-$cc.o
done
