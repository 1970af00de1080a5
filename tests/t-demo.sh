# t-demo.sh: "make demo" builds and its claims hold: the three variants
# compute the same results, and the helperlink object calls no helper.
. "$top/tests/lib.sh"

check "demo --check" sh -c "DEMO_OUT=$PWD/demo '$top/demo/run' --check >demo.log 2>&1"
grep -q 'all variants agree' demo.log || detail demo.log
check "demo: helperlink object has no call to rust_helper_refcount_inc" \
	test "$(refs rust_helper_refcount_inc demo/loops-inlined.o)" -eq 0
check "demo: the helper object has one" \
	test "$(refs rust_helper_refcount_inc demo/loops.o)" -gt 0

# The default pipeline and the whole default<O2> give the same loops.
hl_link o2.o demo/loops.bc --helpers demo/helpers.bc --opt=O2
objdump -d --no-show-raw-insn demo/loops-inlined.o | sed 1,2d >default.dis
objdump -d --no-show-raw-insn o2.o | sed 1,2d >o2.dis
same "the demo's loops are the same with --opt=O2" default.dis o2.dis
