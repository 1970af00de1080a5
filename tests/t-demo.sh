# t-demo.sh: "make demo" builds and its claims hold: the three variants
# compute the same results, and the helperlink object calls no helper.
. "$top/tests/lib.sh"

check "demo --check" sh -c "DEMO_OUT=$PWD/demo '$top/demo/run' --check >demo.log 2>&1"
grep -q 'all variants agree' demo.log || detail demo.log
check "demo: helperlink object has no call to rust_helper_refcount_inc" \
	test "$(refs rust_helper_refcount_inc demo/loops-inlined.o)" -eq 0
check "demo: the helper object has one" \
	test "$(refs rust_helper_refcount_inc demo/loops.o)" -gt 0
