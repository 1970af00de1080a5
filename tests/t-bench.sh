# t-bench.sh: the benchmarks build, and their answers are right: in the
# runtime suite every variant computes C's result on every loop and
# helperlink leaves no helper call; in the build-time benchmark every way
# of building a crate gives a program that prints the same, and only the
# plain build calls helpers.  Nothing is timed.
. "$top/tests/lib.sh"

if ! command -v clang-22 >/dev/null || ! command -v ld.lld-22 >/dev/null ||
   ! command -v llvm-link-22 >/dev/null || [ ! -e /usr/include/liburing.h ] ||
   [ ! -e /usr/include/xxhash.h ] || ! command -v python3-config >/dev/null; then
	skip "benchmarks" "needs clang-22, llvm-22, lld-22, liburing-dev, libxxhash-dev, python3-dev"
	exit 0
fi
check "runtime suite: the variants agree and helperlink leaves no call" \
	sh -c "'$top/bench/runtime/run' --check '$PWD/runtime' >runtime.log 2>&1"
grep -q 'all variants agree' runtime.log || detail runtime.log
check "runtime suite: rust_bio's helper returning a struct is inlined" \
	test "$(refs 'rust_helper_bio_[a-z_]+' runtime/loops-hl.o rust_bio)" -eq 0
check "runtime suite: and is called without helperlink" \
	test "$(refs 'rust_helper_bio_[a-z_]+' runtime/loops.o rust_bio)" -gt 0
check "build benchmark: every build prints the same, only plain calls helpers" \
	sh -c "'$top/bench/build/run' --check '$PWD/build' >build.log 2>&1"
grep -q 'all pipelines agree' build.log || detail build.log
